import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { transaction } from "../../db";
import { domainEvents } from "../../platform/events";
import { accounts } from "../accounts/accounts.schema";
import { opportunities } from "../revenue/revenue.schema";
import { linkTouchpointsToOpportunity, recordTouchpoint, voidTouchpointsOf } from "./touchpoints.record";
import { touchpoints } from "./touchpoints.schema";

const harness = useTestApp();
let world: World;
let accountId: string;
let opportunityId: string;

beforeAll(async () => {
  world = await createWorld(harness.database, "Touchpoints");
  const [account] = await harness.database.db
    .insert(accounts)
    .values({ workspaceId: world.workspaceId, name: "Contoso Ltd", nameNormalized: "contoso" })
    .returning();
  const [opportunity] = await harness.database.db
    .insert(opportunities)
    .values({ workspaceId: world.workspaceId, accountId: account?.id, name: "Contoso renewal", openedAt: new Date() })
    .returning();
  accountId = account?.id ?? "";
  opportunityId = opportunity?.id ?? "";
});

const source = () => ({ actor: { kind: "system" as const, workspaceId: world.workspaceId, label: "test" } });

describe("recordTouchpoint", () => {
  it("records once per (origin, originId, type) and emits an event for the new entry only", async () => {
    const input = {
      workspaceId: world.workspaceId,
      partnerId: world.partnerA.id,
      type: "registration" as const,
      occurredAt: new Date("2026-03-01T10:00:00Z"),
      accountId,
      origin: "registration" as const,
      originId: "reg-1",
    };
    const first = await transaction(harness.database, (tx) => recordTouchpoint(tx, source(), input));
    const second = await transaction(harness.database, (tx) => recordTouchpoint(tx, source(), input));
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const events = await harness.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.workspaceId, world.workspaceId), eq(domainEvents.type, "touchpoint.recorded")));
    expect(events.map((e) => e.entityId)).toEqual([first.id]);
  });

  it("refuses a touchpoint with neither opportunity nor account", async () => {
    await expect(
      transaction(harness.database, (tx) =>
        recordTouchpoint(tx, source(), {
          workspaceId: world.workspaceId,
          partnerId: world.partnerA.id,
          type: "demo",
          occurredAt: new Date(),
          origin: "manual",
        }),
      ),
    ).rejects.toThrow(/opportunity or an account/);
  });

  it("links a record's touchpoints to an opportunity, and voids them with a reason", async () => {
    await transaction(harness.database, (tx) =>
      recordTouchpoint(tx, source(), {
        workspaceId: world.workspaceId,
        partnerId: world.partnerB.id,
        type: "referral",
        occurredAt: new Date(),
        accountId,
        origin: "referral",
        originId: "ref-9",
      }),
    );
    const moved = await transaction(harness.database, (tx) =>
      linkTouchpointsToOpportunity(tx, world.workspaceId, { origin: "referral", originId: "ref-9" }, opportunityId),
    );
    expect(moved).toBe(1);
    const voided = await transaction(harness.database, (tx) =>
      voidTouchpointsOf(tx, source(), world.workspaceId, { origin: "referral", originId: "ref-9" }, "declined"),
    );
    expect(voided).toBe(1);
    const [row] = await harness.database.db
      .select()
      .from(touchpoints)
      .where(and(eq(touchpoints.workspaceId, world.workspaceId), eq(touchpoints.originId, "ref-9")));
    expect(row?.opportunityId).toBe(opportunityId);
    expect(row?.voidedReason).toBe("declined");
    expect(row?.voidedBy).toBe("test");
  });
});

import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld } from "../../../test/factories";
import { transaction } from "../../db";
import { emitEvent, listPartnerEvents, subscribe } from ".";

declare module "." {
  interface EventMap {
    "test.pinged": { note: string };
  }
}

const harness = useTestApp();
const seen: string[] = [];
subscribe("test.pinged", async (tx, event) => {
  seen.push(event.payload.note);
  if (event.payload.note === "fail") throw new Error("subscriber refused");
  await tx.execute(sql`select 1`);
});

describe("domain events", () => {
  it("stores the event, runs subscribers in the same transaction, and lists it on the partner", async () => {
    const world = await createWorld(harness.database, "Events");
    const source = { actor: { kind: "system" as const, workspaceId: world.workspaceId, label: "test" } };
    await transaction(harness.database, (tx) =>
      emitEvent(tx, source, {
        type: "test.pinged",
        workspaceId: world.workspaceId,
        partnerId: world.partnerA.id,
        payload: { note: "hello" },
      }),
    );
    expect(seen).toContain("hello");
    const events = await listPartnerEvents(harness.database.db, world.workspaceId, world.partnerA.id, { limit: 10 });
    expect(events[0]).toMatchObject({ type: "test.pinged", payload: { note: "hello" }, actorLabel: "test" });
    expect(await listPartnerEvents(harness.database.db, world.workspaceId, world.partnerB.id, { limit: 10 })).toEqual(
      [],
    );
  });

  it("rolls the event back when a subscriber fails", async () => {
    const world = await createWorld(harness.database, "Events rollback");
    const source = { actor: { kind: "system" as const, workspaceId: world.workspaceId, label: "test" } };
    await expect(
      transaction(harness.database, (tx) =>
        emitEvent(tx, source, {
          type: "test.pinged",
          workspaceId: world.workspaceId,
          partnerId: world.partnerA.id,
          payload: { note: "fail" },
        }),
      ),
    ).rejects.toThrow("subscriber refused");
    expect(await listPartnerEvents(harness.database.db, world.workspaceId, world.partnerA.id, { limit: 10 })).toEqual(
      [],
    );
  });
});

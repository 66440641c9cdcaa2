import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { onPostgres } from "../../../test/db";
import { createWorld, type World } from "../../../test/factories";
import { defaultRulesBody, registrationBody } from "./deals.isolation";
import { dealRegistrations } from "./deals.schema";

const harness = useTestApp();
let world: World;

beforeAll(async () => {
  world = await createWorld(harness.database, "Race");
  // Auto-approve clear registrations so that each race has a visible winner.
  const rules = { ...defaultRulesBody(), autoApprove: [{ fact: "decision", op: "eq", value: "clear" }] };
  const published = await harness.app.inject({
    method: "POST",
    url: "/api/console/registration-policies",
    headers: world.vendor.admin.headers,
    payload: { rules },
  });
  expect(published.statusCode, published.body).toBe(201);
});

// The embedded database has one connection, so requests never overlap there: the race only exists
// on PostgreSQL (TEST_DATABASE_URL).
describe.skipIf(!onPostgres)("two partners submitting the same company at the same moment", () => {
  it("produce exactly one winner, the earlier by the database clock, in every round", async () => {
    for (let round = 0; round < 8; round += 1) {
      const t = randomUUID().slice(0, 8);
      const body = (name: string) =>
        registrationBody({
          submit: true,
          companyName: name,
          website: `race-${t}.com`,
          contactEmail: `cto@race-${t}.com`,
        });
      const [a, b] = await Promise.all([
        harness.app.inject({
          method: "POST",
          url: "/api/portal/registrations",
          headers: world.partnerUsers.partner_admin.headers,
          payload: body(`Race ${t} Ltd`),
        }),
        harness.app.inject({
          method: "POST",
          url: "/api/portal/registrations",
          headers: world.partnerBAdmin.headers,
          payload: body(`RACE ${t} Limited`),
        }),
      ]);
      expect(a.statusCode, a.body).toBe(201);
      expect(b.statusCode, b.body).toBe(201);
      const rows = await harness.database.db
        .select()
        .from(dealRegistrations)
        .where(
          and(
            eq(dealRegistrations.workspaceId, world.workspaceId),
            inArray(dealRegistrations.id, [a.json().id, b.json().id]),
          ),
        );
      const winners = rows.filter((r) => r.status === "approved");
      const losers = rows.filter((r) => r.status !== "approved");
      expect(winners, `round ${round}`).toHaveLength(1);
      expect(losers[0]).toMatchObject({ status: "under_review", blockedBy: "registration", checkDecision: "conflict" });
      const [winner] = winners;
      const [loser] = losers;
      expect(winner?.submittedAt?.getTime()).toBeLessThan(loser?.submittedAt?.getTime() ?? 0);
    }
  });
});

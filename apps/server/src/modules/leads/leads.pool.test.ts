import type { LeadDetail, LeadPage } from "@symbiont/contracts";
import { describe, expect, it } from "vitest";
import { testConfig, useTestApp } from "../../../test/app";
import { onPostgres } from "../../../test/db";
import { createWorld } from "../../../test/factories";
import { transaction } from "../../db";
import { createUserDirectly } from "../../modules/identity";
import { csrfTokenFor } from "../identity/secrets";
import { createSession } from "../identity/sessions";
import { caller, expectStatus, insertActivePartner } from "./leads.fixtures";

const harness = useTestApp();
const call = caller(() => harness.app);

/** Signs in a partner admin of `partnerId`. */
async function partnerAdmin(workspaceId: string, partnerId: string): Promise<Record<string, string>> {
  return transaction(harness.database, async (tx) => {
    const user = await createUserDirectly(
      tx,
      {
        workspaceId,
        email: `claim-${partnerId.slice(0, 8)}-${Math.random().toString(36).slice(2, 8)}@example.test`,
        name: "Claimer",
        role: "partner_admin",
        partnerId,
        passwordHash: "x",
      },
      "test",
    );
    const session = await createSession(tx, user, { ipAddress: "127.0.0.1", userAgent: "vitest" });
    return {
      cookie: `symbiont_session=${session.token}`,
      "x-csrf-token": csrfTokenFor(session.sessionId, testConfig.sessionSecret),
    };
  });
}

describe(`lead pool (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("concurrent claims: exactly one partner wins, every other gets LEAD_ALREADY_CLAIMED", async () => {
    const world = await createWorld(harness.database, "Pool");
    const extra = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => insertActivePartner(harness.database, world.workspaceId, `P${n}`)),
    );
    const claimers = [
      world.partnerUsers.partner_user.headers,
      world.partnerBAdmin.headers,
      ...(await Promise.all(extra.map((id) => partnerAdmin(world.workspaceId, id)))),
    ];
    for (let round = 0; round < 3; round++) {
      const created = await expectStatus<LeadDetail>(
        call("POST", "/api/console/leads", world.vendor.admin.headers, {
          company: `Pooled ${round}`,
          contactEmail: "buyer@pooled.example",
          assign: { mode: "pool" },
        }),
        201,
      );
      expect(created.status).toBe("pooled");
      // Pool visible to every partner, without the contact.
      const pool = await expectStatus<LeadPage>(call("GET", "/api/portal/leads?status=pooled", claimers[1] ?? {}), 200);
      expect(pool.items.map((l) => l.id)).toContain(created.id);
      const peek = await expectStatus<LeadDetail>(
        call("GET", `/api/portal/leads/${created.id}`, claimers[2] ?? {}),
        200,
      );
      expect(peek.contact).toBeNull();
      expect(peek.can.claim).toBe(true);

      const results = await Promise.all(claimers.map((h) => call("POST", `/api/portal/leads/${created.id}/claim`, h)));
      const winners = results.filter((r) => r.statusCode === 200);
      const losers = results.filter((r) => r.statusCode !== 200);
      expect(winners).toHaveLength(1);
      expect(losers.map((r) => r.json().code)).toEqual(losers.map(() => "LEAD_ALREADY_CLAIMED"));
      const winner = winners[0]?.json() as LeadDetail;
      expect(winner.status).toBe("accepted");
      expect(winner.contact?.contactEmail).toBe("buyer@pooled.example");

      const vendorView = await expectStatus<LeadDetail>(
        call("GET", `/api/console/leads/${created.id}`, world.vendor.admin.headers),
        200,
      );
      expect(vendorView.recipient?.partnerId).toBe(winner.recipient?.partnerId);
      expect(vendorView.activities.filter((a) => a.type === "lead.claimed")).toHaveLength(1);
    }
  });

  it("a lead that was never pooled answers 404 to a claim", async () => {
    const world = await createWorld(harness.database, "NoPool");
    const created = await expectStatus<LeadDetail>(
      call("POST", "/api/console/leads", world.vendor.admin.headers, {
        company: "Direct",
        assign: { mode: "offer", partnerId: world.partnerB.id },
      }),
      201,
    );
    await expectStatus(
      call("POST", `/api/portal/leads/${created.id}/claim`, world.partnerUsers.partner_admin.headers),
      404,
    );
  });
});

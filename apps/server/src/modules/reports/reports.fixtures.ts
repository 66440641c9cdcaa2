// A small, hand-countable ecosystem for the reporting tests (expected figures in reports.routes.test.ts).
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db";
import { accounts } from "../accounts";
import { partners } from "../partners";
import { opportunities, revenueEvents } from "../revenue";
import { touchpoints } from "../touchpoints";

export interface ReportingWorld {
  workspaceId: string;
  partnerA: { id: string };
  partnerB: { id: string };
}

const day = (date: string) => new Date(`${date}T12:00:00Z`);

/**
 * Partner A (reseller) and B (referral); accounts in EMEA and NA; closed deals in the first half
 * of 2026 and two in the second half of 2025. See the test for the numbers they add up to.
 */
export async function insertReportingEcosystem(database: Database, world: ReportingWorld) {
  const { db } = database;
  const ws = world.workspaceId;
  const a = world.partnerA.id;
  const b = world.partnerB.id;
  await db
    .update(partners)
    .set({ types: ["reseller"] })
    .where(and(eq(partners.workspaceId, ws), eq(partners.id, a)));
  await db
    .update(partners)
    .set({ types: ["referral"] })
    .where(and(eq(partners.workspaceId, ws), eq(partners.id, b)));
  const account = async (name: string, region: string) => {
    const [row] = await db
      .insert(accounts)
      .values({ workspaceId: ws, name, nameNormalized: name.toLowerCase(), region })
      .returning({ id: accounts.id });
    if (!row) throw new Error("account not inserted");
    return row.id;
  };
  const emea1 = await account("Aalto Oy", "EMEA");
  const emea2 = await account("Brenner GmbH", "EMEA");
  const na1 = await account("Cobalt Inc", "NA");
  const na2 = await account("Delta LLC", "NA");
  const opp = async (
    name: string,
    accountId: string,
    outcome: "won" | "lost" | "open",
    amount: number,
    opened: string,
    closed: string | null,
    sourcingPartnerId: string | null = null,
  ) => {
    const [row] = await db
      .insert(opportunities)
      .values({
        workspaceId: ws,
        accountId,
        name,
        outcome,
        stage: outcome,
        amountMinor: amount,
        currency: "USD",
        amountReportingMinor: amount,
        openedAt: day(opened),
        closedAt: closed ? day(closed) : null,
        source: sourcingPartnerId ? "partner_sourced" : "direct",
        sourcingPartnerId,
      })
      .returning({ id: opportunities.id });
    if (!row) throw new Error("opportunity not inserted");
    return row.id;
  };
  const o1 = await opp("O1 Aalto platform", emea1, "won", 100_000, "2026-01-10", "2026-03-01", a);
  const o2 = await opp("O2 Cobalt expansion", na1, "won", 60_000, "2026-02-01", "2026-04-02");
  const o3 = await opp("O3 Brenner pilot", emea2, "lost", 40_000, "2026-02-01", "2026-05-10");
  const o4 = await opp("O4 Cobalt direct", na1, "won", 50_000, "2026-03-01", "2026-03-31");
  const o5 = await opp("O5 Delta direct", na2, "lost", 30_000, "2026-03-01", "2026-04-15");
  const o6 = await opp("O6 Brenner direct", emea2, "lost", 20_000, "2026-01-05", "2026-02-15");
  const o8 = await opp("O8 Aalto 2025", emea1, "won", 50_000, "2025-08-01", "2025-10-01", a);
  const o9 = await opp("O9 Delta 2025", na2, "won", 40_000, "2025-09-01", "2025-11-01");
  await opp("O10 open", na2, "open", 70_000, "2026-04-01", null);
  const touch = (partnerId: string, target: { opportunityId?: string; accountId?: string }, date: string) => ({
    workspaceId: ws,
    partnerId,
    opportunityId: target.opportunityId ?? null,
    accountId: target.accountId ?? null,
    type: "co_sell_meeting",
    occurredAt: day(date),
    origin: "manual",
  });
  await db
    .insert(touchpoints)
    .values([
      touch(a, { opportunityId: o1 }, "2026-01-15"),
      touch(a, { opportunityId: o2 }, "2026-02-10"),
      touch(a, { accountId: emea1 }, "2026-02-20"),
      touch(a, { accountId: emea1 }, "2026-03-10"),
      touch(b, { opportunityId: o2 }, "2026-03-01"),
      touch(b, { opportunityId: o3 }, "2026-05-01"),
      touch(a, { opportunityId: o8 }, "2025-08-15"),
      { ...touch(b, { opportunityId: o4 }, "2026-03-05"), voidedAt: day("2026-03-06"), voidedReason: "duplicate" },
    ]);
  const event = (accountId: string, kind: string, occurredOn: string, amount: number) => ({
    workspaceId: ws,
    accountId,
    kind,
    occurredOn,
    amountMinor: amount,
    currency: "USD",
    amountReportingMinor: amount,
  });
  await db
    .insert(revenueEvents)
    .values([
      event(emea1, "new", "2025-06-01", 1_000),
      event(emea1, "expansion", "2026-02-01", 200),
      event(emea1, "contraction", "2026-03-01", 50),
      event(na2, "new", "2025-05-01", 2_000),
      event(na2, "churn", "2026-04-01", 2_000),
      event(emea2, "new", "2026-02-01", 500),
    ]);
  return { o1, o2, o3, o4, o5, o6, o8, o9, accounts: { emea1, emea2, na1, na2 } };
}

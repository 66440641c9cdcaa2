import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { transaction } from "../../db";
import { auditEvents } from "../../db/schema";
import { formulas, headlineFor } from "../../modules/metrics";
import { createWorkspace } from "../../modules/workspaces";
import { seedDemo } from "..";
import { DemoAlreadyGeneratedError, type EcosystemOptions, generateEcosystem } from "./ecosystem";

const harness = useTestApp();
const anchor = new Date("2026-03-31T00:00:00Z");

async function generateInto(options: EcosystemOptions): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  return transaction(harness.database, async (tx) => {
    const workspace = await createWorkspace(tx, { name: `Demo ${tag}`, slug: `demo-${tag}` }, "test");
    await generateEcosystem(tx, workspace.id, options);
    return workspace.id;
  });
}

/** Win-rate uplift of partner-touched (a live touchpoint) vs comparable direct-only closed deals. */
async function upliftIn(workspaceId: string) {
  const result = await harness.database.pool.query<{
    involved: boolean;
    won: boolean;
    size: string | null;
    amount: string | null;
  }>(
    `select exists (select 1 from touchpoints t where t.workspace_id = o.workspace_id and t.opportunity_id = o.id
              and t.voided_at is null) as involved,
            o.outcome = 'won' as won, a.size, o.amount_reporting_minor as amount
       from opportunities o left join accounts a on a.workspace_id = o.workspace_id and a.id = o.account_id
      where o.workspace_id = $1 and o.outcome <> 'open'`,
    [workspaceId],
  );
  const uplift = formulas.partnerUplift(
    result.rows.map((row) => ({
      partner: row.involved,
      stratum: formulas.dealStratum(row.size, row.amount === null ? null : Number(row.amount)),
      value: row.won ? 1 : 0,
    })),
  );
  if (!uplift.interval) throw new Error("no comparable deals");
  return uplift.interval;
}

/** Row counts and content digests of everything generated, ids included. */
async function fingerprint(workspaceId: string) {
  const result = await harness.database.pool.query(
    `select
       (select count(*)::int from accounts where workspace_id = $1) as accounts,
       (select md5(string_agg(concat_ws('|', id, name, domain, country, region, size, status, customer_since), ',' order by id))
          from accounts where workspace_id = $1) as accounts_md5,
       (select count(*)::int from opportunities where workspace_id = $1) as opportunities,
       (select md5(string_agg(concat_ws('|', id, account_id, outcome, stage, amount_minor, currency,
            amount_reporting_minor, fx_rate, opened_at, closed_at, expected_close_on, source, sourcing_partner_id), ','
            order by id)) from opportunities where workspace_id = $1) as opportunities_md5,
       (select count(*)::int from touchpoints where workspace_id = $1) as touchpoints,
       (select md5(string_agg(concat_ws('|', id, partner_id, opportunity_id, type, occurred_at, accelerated), ',' order by id))
          from touchpoints where workspace_id = $1) as touchpoints_md5,
       (select md5(string_agg(concat_ws('|', id, account_id, kind, occurred_on, amount_minor, amount_reporting_minor), ','
          order by id)) from revenue_events where workspace_id = $1) as revenue_md5,
       (select md5(string_agg(concat_ws('|', id, partner_id, status, account_id, opportunity_id, submitted_at, decided_at),
          ',' order by id)) from deal_registrations where workspace_id = $1) as registrations_md5,
       (select count(*)::int from deal_registrations where workspace_id = $1) as registrations,
       (select count(*)::int from leads where workspace_id = $1) as leads,
       (select md5(string_agg(concat_ws('|', id, kind, status, sender_partner_id, recipient_partner_id, created_at), ','
          order by id)) from leads where workspace_id = $1) as leads_md5,
       (select count(*)::int from fx_rates where workspace_id = $1) as fx_rates`,
    [workspaceId],
  );
  return result.rows[0];
}

// Each case writes a few thousand rows per workspace: generous timeouts for a busy machine.
describe("symbiont seed --demo: the generated ecosystem in the database", { timeout: 180_000 }, () => {
  it("seeds the demo workspace with accounts, deals, touchpoints by the demo partners, revenue and FX", async () => {
    const { workspaceId } = await seedDemo(harness.database);
    const counts = await fingerprint(workspaceId);
    // The generator's 1,500, plus the few that other seed steps create for their own records.
    expect(counts.accounts).toBeGreaterThanOrEqual(1_500);
    expect(counts.accounts).toBeLessThan(1_550);
    expect(counts.opportunities).toBeGreaterThan(3_500);
    expect(counts.touchpoints).toBeGreaterThan(counts.opportunities / 2);
    expect(counts.fx_rates).toBeGreaterThan(100);
    expect(counts.registrations).toBeGreaterThan(50);
    expect(counts.leads).toBeGreaterThan(50);
    const partners = await harness.database.pool.query(
      `select count(*)::int as n, count(distinct t.partner_id)::int as touching
         from partners p left join touchpoints t on t.workspace_id = p.workspace_id and t.partner_id = p.id
        where p.workspace_id = $1`,
      [workspaceId],
    );
    // Builds on the demo directory: no partners added at scale 1, most active ones touch deals.
    expect(partners.rows[0].touching).toBeGreaterThan(25);
    const audit = await harness.database.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, workspaceId), eq(auditEvents.action, "demo.generated")));
    expect(audit).toHaveLength(1);
    const uplift = await upliftIn(workspaceId);
    expect(uplift.low).toBeGreaterThan(0);
    // Three years of history and program costs: ROPI, CAC and partner CAC have figures in both periods.
    const headline = await headlineFor(harness.database.db, workspaceId, {});
    for (const key of ["ropi", "cac", "partner_cac", "sourced_revenue", "nrr_partner"]) {
      const metric = headline.metrics.find((m) => m.key === key);
      expect(metric?.value, key).not.toBeNull();
      expect(metric?.previous, key).not.toBeNull();
      expect(metric?.previous, key).not.toBe(0);
    }
    const ropi = headline.metrics.find((m) => m.key === "ropi");
    expect(ropi?.value).toBeGreaterThan(0);
    expect(ropi?.model).toMatch(/snapshot/);
    expect(headline.attributionSnapshotId).not.toBeNull();
  });

  it("is deterministic: the same seed and anchor write the same rows into another workspace", async () => {
    const options = { scale: 0.2, seed: 99, anchor };
    const first = await fingerprint(await generateInto(options));
    const second = await fingerprint(await generateInto(options));
    expect(second).toEqual(first);
    expect(first.opportunities).toBeGreaterThan(400);
    const other = await fingerprint(await generateInto({ ...options, seed: 100 }));
    expect(other.opportunities_md5).not.toBe(first.opportunities_md5);
  });

  it("the control dataset shows no uplift: the interval contains zero", async () => {
    const workspaceId = await generateInto({ scale: 1, seed: 7, anchor, control: true });
    const uplift = await upliftIn(workspaceId);
    expect(uplift.low).toBeLessThan(0);
    expect(uplift.high).toBeGreaterThan(0);
    // Partners were generated for the empty workspace; a second run is refused, not doubled.
    const [row] = await harness.database.db
      .execute<{ n: number }>(sql`select count(*)::int as n from partners where workspace_id = ${workspaceId}`)
      .then((r) => r.rows);
    expect(row?.n).toBe(60);
    await expect(
      transaction(harness.database, (tx) => generateEcosystem(tx, workspaceId, { anchor })),
    ).rejects.toBeInstanceOf(DemoAlreadyGeneratedError);
  });
});

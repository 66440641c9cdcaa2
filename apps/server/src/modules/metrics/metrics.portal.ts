import type { MetricScorecard, PortalBenchmark } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { requirePartner } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { peerBenchmark } from "./formulas";
import { engagementOf } from "./metrics.engagement";
import { type Period, resolvePeriod } from "./metrics.period";
import { buildScorecard, emptyFigures, partnerFiguresIn } from "./metrics.scorecard";
import { loadMetricContext } from "./metrics.settings";

/** Peers are needed before any distribution is shown (fewer would let a partner guess identities). */
export const MINIMUM_PEERS = 5;

/** The partner's own scorecard. */
export async function getOwnScorecard(
  ctx: ServiceContext,
  filters: { from?: string | undefined; to?: string | undefined },
): Promise<MetricScorecard> {
  requirePartner(ctx.actor);
  return buildScorecard(ctx.database.db, ctx.actor.workspaceId, ctx.actor.partnerId, filters);
}

/**
 * Anonymized benchmarking: median and quartiles of peers sharing a role and a region with the
 * partner, only when at least five exist; never a name, an id or a single peer's value.
 */
export async function getOwnBenchmark(
  ctx: ServiceContext,
  filters: { from?: string | undefined; to?: string | undefined },
): Promise<PortalBenchmark> {
  requirePartner(ctx.actor);
  return benchmarkFor(ctx.database.db, ctx.actor.workspaceId, ctx.actor.partnerId, resolvePeriod(filters));
}

/** A partner's figures against its peers' quartiles (the portal benchmark and the scorecard's). */
export async function benchmarkFor(
  db: DbOrTx,
  workspaceId: string,
  partnerId: string,
  period: Period,
): Promise<PortalBenchmark> {
  const me = await db.execute(
    sql`select types, regions from partners where workspace_id = ${workspaceId} and id = ${partnerId}`,
  );
  const row = me.rows[0];
  if (!row) throw notFound("Partner not found");
  const roles = (row.types as string[]) ?? [];
  const regions = (row.regions as string[]) ?? [];
  const { settings } = await loadMetricContext(db, workspaceId);
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  const peerRows = await db.execute(sql`
      select id from partners
      where workspace_id = ${workspaceId} and id <> ${partnerId} and stage in ('active', 'at_risk')
        and types && ${`{${roles.map((r) => `"${r}"`).join(",")}}`}::text[]
        and regions && ${`{${regions.map((r) => `"${r}"`).join(",")}}`}::text[]`);
  const peers = peerRows.rows.map((peer) => String(peer.id));
  const figures = await partnerFiguresIn(db, workspaceId, period, [partnerId, ...peers]);
  const engagement = await engagementOf(db, workspaceId, settings, period);
  const mine = figures.get(partnerId) ?? emptyFigures();
  const of = (id: string) => figures.get(id) ?? emptyFigures();
  const metric = (
    key: string,
    label: string,
    unit: PortalBenchmark["metrics"][number]["unit"],
    value: (id: string) => number | null,
  ) => {
    const values = peers.map(value).filter((v): v is number => v !== null);
    return { key, label, unit, you: value(partnerId), peers: peerBenchmark(values, MINIMUM_PEERS) };
  };
  return {
    period: { from: period.from, to: period.to },
    peerGroup: { roles, regions, peers: peers.length },
    minimumPeers: MINIMUM_PEERS,
    metrics: [
      metric("attributed_revenue", "Attributed revenue", "money", (id) => of(id).attributedMinor),
      metric("influenced_revenue", "Influenced revenue", "money", (id) => of(id).influencedMinor),
      metric("won_deals", "Won deals", "count", (id) => of(id).won),
      metric("win_rate", "Win rate", "ratio", (id) => (id === partnerId ? mine.winRate : of(id).winRate)),
      metric("touchpoints", "Touchpoints", "count", (id) => of(id).touchpoints),
      metric("engagement_score", "Engagement score", "score", (id) => engagement.get(id)?.score ?? 0),
    ],
  };
}

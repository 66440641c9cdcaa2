import type { MetricSettingsResponse, MetricSettingsView, PutMetricSettingsBody } from "@symbiont/contracts";
import { metricSettingsView } from "@symbiont/contracts";
import { eq, sql } from "drizzle-orm";
import { type DbOrTx, transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { auditSource, type ServiceContext } from "../../platform/context";
import type { DealMonthsUse } from "./metrics.deal-months";
import { assertCanReadMetrics, assertCanWriteMetricSettings } from "./metrics.policies";
import { engagementSignals, LEDGER_LINEAR_MODEL } from "./metrics.providers";
import { metricSettings } from "./metrics.schema";

/** The defaults every workspace starts from (documented in docs/metrics.md). */
export const defaultMetricSettings: MetricSettingsView = {
  engagementWeights: { logins: 1, touchpoints: 3, onboarding: 2, registrations: 3, leads_accepted: 2 },
  halfLifeDays: 30,
  healthWeights: { revenue: 3, engagement: 2, enablement: 1, pipeline: 2, relationship: 1 },
  healthBands: { green: 80, yellow: 50 },
  grossMargin: 0.75,
  discountRate: 0.1,
};

/** Stored settings over the defaults (a stored value that no longer parses falls back to the default). */
export async function loadMetricSettings(
  db: DbOrTx,
  workspaceId: string,
): Promise<MetricSettingsView & { updatedAt: Date | null }> {
  const [row] = await db.select().from(metricSettings).where(eq(metricSettings.workspaceId, workspaceId));
  return { ...parseSettings(row?.settings), updatedAt: row?.updatedAt ?? null };
}

function parseSettings(stored: unknown): MetricSettingsView {
  const merged = metricSettingsView.safeParse({
    ...defaultMetricSettings,
    ...((stored ?? {}) as Record<string, unknown>),
  });
  return merged.success ? merged.data : defaultMetricSettings;
}

export interface MetricContext {
  settings: MetricSettingsView;
  currency: string;
  refreshedAt: Date | null;
  /** The attribution model (and snapshot) the read models were built with. */
  attribution: { name: string; snapshotId: string | null };
  /** The deal-months read model, when the last refresh built it. */
  dealMonths: DealMonthsUse;
}

/** Settings, reporting currency and the last refresh of a workspace, in one round trip. */
export async function loadMetricContext(db: DbOrTx, workspaceId: string): Promise<MetricContext> {
  const result = await db.execute(sql`
    select w.reporting_currency, s.settings, r.refreshed_at, r.attribution_model, r.attribution_snapshot_id,
      r.deal_months_minor_per_major
    from workspaces w
    left join metric_settings s on s.workspace_id = w.id
    left join metric_refreshes r on r.workspace_id = w.id
    where w.id = ${workspaceId}`);
  const row = result.rows[0] ?? {};
  return {
    settings: parseSettings(row.settings),
    currency: typeof row.reporting_currency === "string" ? row.reporting_currency : "USD",
    refreshedAt: row.refreshed_at ? new Date(String(row.refreshed_at)) : null,
    attribution: {
      name: typeof row.attribution_model === "string" ? row.attribution_model : LEDGER_LINEAR_MODEL,
      snapshotId: row.attribution_snapshot_id ? String(row.attribution_snapshot_id) : null,
    },
    dealMonths: {
      builtWith:
        row.deal_months_minor_per_major === null || row.deal_months_minor_per_major === undefined
          ? null
          : Number(row.deal_months_minor_per_major),
    },
  };
}

function toResponse(settings: MetricSettingsView & { updatedAt: Date | null }): MetricSettingsResponse {
  const registered = engagementSignals();
  const keys = new Set([...Object.keys(settings.engagementWeights), ...registered.keys()]);
  return {
    ...settings,
    signals: [...keys].sort().map((key) => ({
      key,
      label: registered.get(key)?.label ?? key.replaceAll("_", " "),
      available: registered.has(key),
    })),
    updatedAt: settings.updatedAt?.toISOString() ?? null,
  };
}

export async function getMetricSettings(ctx: ServiceContext): Promise<MetricSettingsResponse> {
  assertCanReadMetrics(ctx.actor);
  return toResponse(await loadMetricSettings(ctx.database.db, ctx.actor.workspaceId));
}

export async function putMetricSettings(
  ctx: ServiceContext,
  input: PutMetricSettingsBody,
): Promise<MetricSettingsResponse> {
  assertCanWriteMetricSettings(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const { updatedAt: _before, ...before } = await loadMetricSettings(tx, workspaceId);
    const after: MetricSettingsView = { ...before, ...input };
    const [row] = await tx
      .insert(metricSettings)
      .values({ workspaceId, settings: after, updatedBy: ctx.actor.label })
      .onConflictDoUpdate({
        target: metricSettings.workspaceId,
        set: { settings: after, updatedBy: ctx.actor.label, updatedAt: sql`now()` },
      })
      .returning();
    await recordAudit(tx, auditSource(ctx), {
      action: "metric_settings.updated",
      entityType: "metric_settings",
      entityId: workspaceId,
      before,
      after,
    });
    return toResponse({ ...after, updatedAt: row?.updatedAt ?? new Date() });
  });
}

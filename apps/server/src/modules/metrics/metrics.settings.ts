import type { MetricSettingsResponse, MetricSettingsView, PutMetricSettingsBody } from "@symbiont/contracts";
import { metricSettingsView } from "@symbiont/contracts";
import { eq, sql } from "drizzle-orm";
import { type DbOrTx, transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { auditSource, type ServiceContext } from "../../platform/context";
import { assertCanReadMetrics, assertCanWriteMetricSettings } from "./metrics.policies";
import { engagementSignals } from "./metrics.providers";
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
  const stored = (row?.settings ?? {}) as Record<string, unknown>;
  const merged = metricSettingsView.safeParse({ ...defaultMetricSettings, ...stored });
  return { ...(merged.success ? merged.data : defaultMetricSettings), updatedAt: row?.updatedAt ?? null };
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

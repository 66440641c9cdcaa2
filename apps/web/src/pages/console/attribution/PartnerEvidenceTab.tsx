import type { PartnerRecord } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Select } from "../../../components/ui/Field";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { attributionEndpoints as attribution } from "../../../lib/endpoints/attribution";
import { formatCredit, formatMoney, modelLabel } from "./attributionUi";
import { PartnerDealsPanel } from "./PartnerDealsPanel";

/**
 * The partner profile's Evidence tab: the partner's attributed revenue under each model of the
 * newest snapshot, and the deals behind the number (each with its touch timeline).
 */
export function PartnerEvidenceTab({ partner }: { partner: PartnerRecord }) {
  const snapshots = useQuery({
    queryKey: ["console", "attribution", "snapshots"],
    queryFn: ({ signal }) => attribution.snapshots(signal),
  });
  const latest = snapshots.data?.items.find((s) => s.status === "completed");
  const comparison = useQuery({
    queryKey: ["console", "attribution", "comparison", latest?.batchId],
    queryFn: ({ signal }) => attribution.comparison(latest!.id, signal),
    enabled: Boolean(latest),
  });
  const [snapshotId, setSnapshotId] = useState<string>();
  if (snapshots.isPending || (latest && comparison.isPending)) return <LoadingBlock label="Loading evidence…" />;
  if (snapshots.isError) return <ErrorState error={snapshots.error} onRetry={() => snapshots.refetch()} />;
  if (comparison.isError) return <ErrorState error={comparison.error} onRetry={() => comparison.refetch()} />;
  if (!latest || !comparison.data) {
    return (
      <Card>
        <EmptyState
          headingLevel={3}
          title="No attribution yet"
          description="Recompute attribution on the Attribution page to see this partner's credited revenue and the deals behind it."
        />
      </Card>
    );
  }
  const data = comparison.data;
  const rows = data.rows.filter((r) => r.partnerId === partner.id);
  const chosen = snapshotId ?? data.models.find((m) => m.model === "linear")?.snapshotId ?? data.models[0]?.snapshotId;
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Attributed revenue by model"
          description={`Snapshot up to ${new Date(data.cutoffAt).toLocaleDateString()}`}
        />
        {rows.length === 0 ? (
          <p className="px-5 py-6 text-sm text-slate-500">No won deal credits {partner.name} in this snapshot.</p>
        ) : (
          <dl className="grid grid-cols-2 gap-4 px-5 py-4 sm:grid-cols-4">
            {data.models.map((m, i) => (
              <div key={m.model}>
                <dt className="text-xs text-slate-500">{modelLabel(m.model)}</dt>
                <dd className="text-lg font-semibold text-slate-900 tabular-nums">
                  {formatMoney(
                    rows.reduce((s, r) => s + (r.revenueMinor[i] ?? 0), 0),
                    data.reportingCurrency,
                  )}
                </dd>
                <dd className="text-xs text-slate-500">
                  {formatCredit(rows.reduce((s, r) => s + (r.conversions[i] ?? 0), 0))} conversions
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Card>
      <Card>
        <CardHeader
          title="Deals behind the number"
          actions={
            <Select label="Model" hideLabel value={chosen} onChange={(e) => setSnapshotId(e.target.value)}>
              {data.models.map((m) => (
                <option key={m.snapshotId} value={m.snapshotId}>
                  {modelLabel(m.model)}
                </option>
              ))}
            </Select>
          }
        />
        {chosen ? (
          <PartnerDealsPanel
            snapshotId={chosen}
            partnerId={partner.id}
            partnerName={partner.name}
            currency={data.reportingCurrency}
          />
        ) : null}
      </Card>
    </div>
  );
}

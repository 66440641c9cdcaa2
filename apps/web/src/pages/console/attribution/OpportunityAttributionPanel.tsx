import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { attributionEndpoints as attribution } from "../../../lib/endpoints/attribution";
import { formatDate } from "../../../lib/format";
import { colorOf, formatMoney, formatShare, modelLabel } from "./attributionUi";

/** The newest completed snapshot, for panels opened without one. */
export function useLatestSnapshotId(given?: string): string | undefined {
  const list = useQuery({
    queryKey: ["console", "attribution", "snapshots"],
    queryFn: ({ signal }) => attribution.snapshots(signal),
    enabled: !given,
  });
  return given ?? list.data?.items.find((s) => s.status === "completed")?.id;
}

/**
 * A deal's touches in time order with each touch's credit under every model of the snapshot,
 * side by side. Without `snapshotId` it reads the newest completed snapshot.
 */
export function OpportunityAttributionPanel({
  opportunityId,
  snapshotId,
}: {
  opportunityId: string;
  snapshotId?: string;
}) {
  const id = useLatestSnapshotId(snapshotId);
  const explanation = useQuery({
    queryKey: ["console", "attribution", "explanation", id, opportunityId],
    queryFn: ({ signal }) => attribution.explanation(id!, opportunityId, signal),
    enabled: Boolean(id),
  });
  if (!id) {
    return (
      <EmptyState
        compact
        headingLevel={3}
        title="No attribution yet"
        description="Recompute attribution to see credit per touch."
      />
    );
  }
  if (explanation.isPending) return <LoadingBlock label="Loading the deal's touches…" />;
  if (explanation.isError)
    return <ErrorState compact error={explanation.error} onRetry={() => explanation.refetch()} />;
  const { touches, models, opportunity, reportingCurrency, override } = explanation.data;
  if (touches.length === 0) {
    return (
      <EmptyState
        compact
        headingLevel={3}
        title="No credited touches"
        description={
          opportunity.outcome === "won"
            ? "This deal had no partner touch before its close in this snapshot."
            : "Only won deals carry credit; lost deals count as journeys that did not convert."
        }
      />
    );
  }
  return (
    <section aria-label={`Attribution of ${opportunity.name}`} className="space-y-3">
      <p className="text-sm text-slate-600">
        {opportunity.name} · closed {formatDate(opportunity.closedAt)} ·{" "}
        {formatMoney(opportunity.amountReportingMinor, reportingCurrency)}
      </p>
      {override ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          A manager overrode this deal's split: “{override.reason}” ({override.createdBy}).
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Touches in time order with their share of the deal under each model</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-3 text-xs font-semibold text-slate-500 uppercase">
                Touch
              </th>
              {models.map((m) => (
                <th
                  key={m.model}
                  scope="col"
                  className="px-2 py-2 text-right text-xs font-semibold text-slate-500 uppercase"
                >
                  {modelLabel(m.model)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {touches.map((touch) => (
              <tr key={touch.position} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-2 pr-3 font-normal">
                  <span className="flex items-start gap-2">
                    <span aria-hidden="true" className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-600" />
                    <span>
                      <span className="block font-medium text-slate-900">{touch.partnerName ?? "Unknown partner"}</span>
                      <span className="block text-xs text-slate-500">
                        {(touch.touchType ?? "touch").replaceAll("_", " ")} · {formatDate(touch.occurredAt)}
                      </span>
                    </span>
                  </span>
                </th>
                {models.map((m, i) => (
                  <td key={m.model} className="px-2 py-2 text-right tabular-nums">
                    <span className="block">{formatShare(touch.shares[i] ?? 0)}</span>
                    <span aria-hidden="true" className="mt-1 ml-auto block h-1 w-16 rounded bg-slate-100">
                      <span
                        className="block h-1 rounded"
                        style={{ width: `${Math.round((touch.shares[i] ?? 0) * 100)}%`, background: colorOf(i) }}
                      />
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

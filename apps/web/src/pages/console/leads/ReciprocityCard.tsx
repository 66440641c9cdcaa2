import { useQuery } from "@tanstack/react-query";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { leadEndpoints } from "../../../lib/endpoints/leads";

/** Who passes leads to whom: bars of leads given, accepted and converted per direction. */
export function ReciprocityCard() {
  const data = useQuery({
    queryKey: ["console", "leads", "reciprocity"],
    queryFn: ({ signal }) => leadEndpoints.reciprocity(signal),
  });
  const items = data.data?.items.slice(0, 12) ?? [];
  const max = Math.max(1, ...items.map((r) => r.given));
  return (
    <Card>
      <CardHeader
        title="Lead sharing"
        description="Leads and referrals given per direction; the darker part was accepted, the darkest converted."
      />
      <CardBody>
        {data.isPending ? (
          <LoadingBlock label="Loading lead sharing…" />
        ) : data.isError ? (
          <ErrorState compact error={data.error} onRetry={() => void data.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            compact
            headingLevel={3}
            title="Nothing shared yet"
            description="Once leads move between you and partners, the balance shows here."
          />
        ) : (
          <ul className="space-y-3">
            {items.map((r) => (
              <li key={`${r.fromPartnerId ?? "vendor"}-${r.toPartnerId ?? "vendor"}`}>
                <p className="flex justify-between gap-3 text-sm">
                  <span className="truncate text-slate-700">
                    {r.fromName} → {r.toName}
                  </span>
                  <span className="shrink-0 text-slate-500">
                    {r.given} given · {r.accepted} accepted · {r.converted} converted
                  </span>
                </p>
                <div
                  className="mt-1 h-2.5 overflow-hidden rounded-full bg-slate-100"
                  role="img"
                  aria-label={`${r.given} given, ${r.accepted} accepted, ${r.converted} converted`}
                >
                  <div className="relative h-full bg-brand-200" style={{ width: `${(r.given / max) * 100}%` }}>
                    <div
                      className="absolute inset-y-0 left-0 bg-brand-400"
                      style={{ width: `${(r.accepted / r.given) * 100}%` }}
                    />
                    <div
                      className="absolute inset-y-0 left-0 bg-brand-700"
                      style={{ width: `${(r.converted / r.given) * 100}%` }}
                    />
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

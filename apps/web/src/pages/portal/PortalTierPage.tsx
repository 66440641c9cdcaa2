import type { PortalTierStanding } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { Badge } from "../../components/ui/Badge";
import { Card, CardBody, CardHeader } from "../../components/ui/Card";
import { EmptyState } from "../../components/ui/EmptyState";
import { ErrorState } from "../../components/ui/ErrorState";
import { CheckIcon, SparkIcon } from "../../components/ui/icons";
import { PageHeader } from "../../components/ui/PageHeader";
import { LoadingBlock } from "../../components/ui/Spinner";
import { api } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { useDocumentTitle } from "../system";
import { nextStepSentence, RequirementProgress } from "./tierUi";

/** The partner's tier in each program, its benefits, and exactly what the next tier still needs. */
export function PortalTierPage() {
  useDocumentTitle("Tier & benefits");
  const tier = useQuery({ queryKey: ["portal", "tier"], queryFn: ({ signal }) => api.tiers.own(signal) });
  return (
    <>
      <PageHeader
        title="Tier & benefits"
        description="Your standing in each program, what it gives you, and what it takes to reach the next tier."
      />
      {tier.isError ? (
        <ErrorState error={tier.error} onRetry={() => void tier.refetch()} />
      ) : tier.isPending ? (
        <LoadingBlock label="Loading your tiers…" />
      ) : tier.data.programs.length === 0 ? (
        <Card>
          <EmptyState
            icon={<SparkIcon />}
            title="You are not in a program yet"
            description="Your partner manager adds your organization to a program; your tier and benefits appear here then."
          />
        </Card>
      ) : (
        <div className="space-y-6">
          {tier.data.programs.map((standing) => (
            <ProgramStanding key={standing.programId} standing={standing} />
          ))}
        </div>
      )}
    </>
  );
}

function ProgramStanding({ standing }: { standing: PortalTierStanding }) {
  const current = standing.currentTier;
  return (
    <Card>
      <CardHeader
        title={standing.programName}
        description={
          current
            ? `${current.name}${standing.tierSince ? ` since ${formatDate(standing.tierSince)}` : ""} · measured over the last ${standing.windowMonths} months`
            : `Measured over the last ${standing.windowMonths} months`
        }
        actions={<Badge tone="brand">{current?.name ?? "No tier yet"}</Badge>}
      />
      <CardBody className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby={`benefits-${standing.programId}`}>
          <h3 id={`benefits-${standing.programId}`} className="text-sm font-semibold text-slate-900">
            Your benefits
          </h3>
          {current && current.benefits.length > 0 ? (
            <ul className="mt-2 space-y-1.5">
              {current.benefits.map((benefit) => (
                <li key={benefit} className="flex items-start gap-2 text-sm text-slate-700">
                  <CheckIcon aria-hidden="true" className="mt-0.5 shrink-0 text-emerald-600" />
                  {benefit}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-500">No benefits listed for this tier.</p>
          )}
        </section>
        <section aria-labelledby={`next-${standing.programId}`}>
          <h3 id={`next-${standing.programId}`} className="text-sm font-semibold text-slate-900">
            {standing.nextTier ? `Next: ${standing.nextTier.name}` : "Top tier"}
          </h3>
          <p className="mt-1 text-sm text-slate-600">{nextStepSentence(standing)}</p>
          {standing.requirements.length > 0 ? (
            <ul className="mt-3 space-y-3">
              {standing.requirements.map((requirement) => (
                <RequirementProgress key={requirement.key} requirement={requirement} currency={standing.currency} />
              ))}
            </ul>
          ) : null}
          {standing.nextTier && standing.nextTier.benefits.length > 0 ? (
            <p className="mt-3 text-sm text-slate-500">
              {standing.nextTier.name} adds: {standing.nextTier.benefits.join(", ")}
            </p>
          ) : null}
        </section>
      </CardBody>
    </Card>
  );
}

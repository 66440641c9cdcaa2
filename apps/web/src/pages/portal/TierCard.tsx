import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Badge } from "../../components/ui/Badge";
import { buttonClasses } from "../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../components/ui/Card";
import { EmptyState } from "../../components/ui/EmptyState";
import { ErrorState } from "../../components/ui/ErrorState";
import { SparkIcon } from "../../components/ui/icons";
import { LoadingBlock } from "../../components/ui/Spinner";
import { api } from "../../lib/api";
import { nextStepSentence } from "./tierUi";

/** The portal home's tier card: current tier per program and what the next one needs. */
export function TierCard() {
  const tier = useQuery({ queryKey: ["portal", "tier"], queryFn: ({ signal }) => api.tiers.own(signal) });
  return (
    <Card className="flex flex-col">
      <CardHeader
        title="Your tier"
        headingLevel={2}
        actions={
          <Link to="/portal/tier" className={buttonClasses("ghost", "sm")}>
            Tier & benefits
          </Link>
        }
      />
      {tier.isError ? (
        <ErrorState error={tier.error} onRetry={() => void tier.refetch()} />
      ) : tier.isPending ? (
        <LoadingBlock label="Loading your tier…" />
      ) : tier.data.programs.length === 0 ? (
        <EmptyState
          compact
          headingLevel={3}
          icon={<SparkIcon />}
          title="No program yet"
          description="Once you join a partner program, your tier and benefits show here."
          className="flex-1"
        />
      ) : (
        <CardBody className="space-y-4">
          {tier.data.programs.map((standing) => (
            <div key={standing.programId} className="space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-medium text-slate-800">{standing.programName}</span>
                <Badge tone="brand">{standing.currentTier?.name ?? "No tier yet"}</Badge>
              </div>
              <p className="text-sm text-slate-600">{nextStepSentence(standing)}</p>
            </div>
          ))}
        </CardBody>
      )}
    </Card>
  );
}

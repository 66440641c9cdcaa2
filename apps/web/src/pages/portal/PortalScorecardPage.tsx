import { useQuery } from "@tanstack/react-query";
import { Card } from "../../components/ui/Card";
import { ErrorState } from "../../components/ui/ErrorState";
import { PageHeader } from "../../components/ui/PageHeader";
import { LoadingBlock } from "../../components/ui/Spinner";
import { api } from "../../lib/api";
import { ScorecardView } from "../scorecard/ScorecardView";
import { useDocumentTitle } from "../system";

/** "My scorecard": the partner's own figures and how they compare with similar partners. */
export function PortalScorecardPage() {
  useDocumentTitle("My scorecard");
  const query = useQuery({ queryKey: ["scorecard", "own"], queryFn: ({ signal }) => api.scorecards.own({}, signal) });
  return (
    <>
      <PageHeader
        title="My scorecard"
        description="Your revenue, deals, tier progress and how you compare with similar partners."
      />
      {query.isError ? (
        <Card>
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        </Card>
      ) : query.data ? (
        <ScorecardView card={query.data} />
      ) : (
        <LoadingBlock label="Loading your scorecard…" />
      )}
    </>
  );
}

import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "../../../components/ui/ErrorState";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { api } from "../../../lib/api";
import { ScorecardView } from "../../scorecard/ScorecardView";
import type { PartnerTabProps } from "./profileTabs";

/** The partner's scorecard over the last 12 months. */
export function ScorecardTab({ partner }: PartnerTabProps) {
  const query = useQuery({
    queryKey: ["scorecard", partner.id],
    queryFn: ({ signal }) => api.scorecards.partner(partner.id, {}, signal),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data) return <LoadingBlock label="Loading the scorecard…" />;
  return <ScorecardView card={query.data} />;
}

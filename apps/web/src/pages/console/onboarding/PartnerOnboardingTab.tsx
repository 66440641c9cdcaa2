import type { PartnerJourneyStepRecord } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { TasksIcon } from "../../../components/ui/icons";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { useToast } from "../../../components/ui/Toast";
import { JourneySteps } from "../../../features/journey";
import { api } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/auth";
import { formatDate } from "../../../lib/format";
import { errorMessage } from "../../../lib/forms";
import type { PartnerTabProps } from "../partners/profileTabs";

/** The partner profile's Onboarding tab: every journey with its steps; staff tick manual and vendor steps. */
export function PartnerOnboardingTab({ partner }: PartnerTabProps) {
  const user = useCurrentUser();
  const canTick = user?.role === "admin" || user?.role === "partner_manager";
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = ["console", "partner-onboarding", partner.id];
  const journeys = useQuery({ queryKey: key, queryFn: ({ signal }) => api.onboarding.forPartner(partner.id, signal) });
  const complete = useMutation({
    mutationFn: (step: PartnerJourneyStepRecord) => api.onboarding.completeForPartner(partner.id, step.id),
    onSuccess: (data, step) => {
      queryClient.setQueryData(key, data);
      toast.success(`"${step.title}" is done`);
    },
    onError: (error) => toast.error("The step could not be completed", errorMessage(error)),
  });
  if (journeys.isPending) return <LoadingBlock label="Loading onboarding…" />;
  if (journeys.isError) return <ErrorState error={journeys.error} onRetry={() => void journeys.refetch()} />;
  if (journeys.data.items.length === 0) {
    return (
      <Card>
        <EmptyState
          headingLevel={3}
          icon={<TasksIcon />}
          title="No onboarding journey yet"
          description="A journey starts when the partner moves to Onboarding or Active in a program that has one."
          action={
            <Link to="/console/onboarding" className="text-sm font-medium text-brand-700 hover:underline">
              Manage journeys
            </Link>
          }
        />
      </Card>
    );
  }
  return (
    <div className="space-y-6">
      {journeys.data.items.map((journey) => (
        <Card key={journey.id}>
          <CardHeader
            headingLevel={3}
            title={journey.templateName}
            description={`${journey.programName} · started ${formatDate(journey.startedAt)}${
              journey.completedAt ? ` · completed ${formatDate(journey.completedAt)}` : ""
            }`}
          />
          <CardBody>
            <JourneySteps
              journey={{
                ...journey,
                steps: journey.steps.map((s) => ({ ...s, canComplete: s.canComplete && canTick })),
              }}
              onComplete={(step) => complete.mutate(step)}
              pendingStepId={complete.isPending ? (complete.variables?.id ?? null) : null}
            />
          </CardBody>
        </Card>
      ))}
    </div>
  );
}

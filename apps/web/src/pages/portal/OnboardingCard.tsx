import type { PartnerJourneyStepRecord } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Card, CardBody, CardHeader } from "../../components/ui/Card";
import { EmptyState } from "../../components/ui/EmptyState";
import { ErrorState } from "../../components/ui/ErrorState";
import { TasksIcon } from "../../components/ui/icons";
import { LoadingBlock } from "../../components/ui/Spinner";
import { useToast } from "../../components/ui/Toast";
import { JourneySteps } from "../../features/journey";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/forms";

/** The partner's onboarding journey on the portal home: steps, due dates, overdue highlighted. */
export function OnboardingCard() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const journeys = useQuery({
    queryKey: ["portal", "onboarding"],
    queryFn: ({ signal }) => api.onboarding.own(signal),
  });
  const complete = useMutation({
    mutationFn: (step: PartnerJourneyStepRecord) => api.onboarding.completeOwn(step.id),
    onSuccess: (data, step) => {
      queryClient.setQueryData(["portal", "onboarding"], data);
      toast.success(`"${step.title}" is done`);
    },
    onError: (error) => toast.error("The step could not be completed", errorMessage(error)),
  });
  const open = journeys.data?.items.filter((j) => !j.completedAt) ?? [];
  const overdue = open.reduce((n, j) => n + j.steps.filter((s) => s.overdue).length, 0);
  return (
    <Card className="flex flex-col md:col-span-2 xl:col-span-3">
      <CardHeader
        title="Onboarding"
        description={
          overdue > 0
            ? `${overdue} step${overdue === 1 ? " is" : "s are"} overdue`
            : "Your steps to becoming a fully active partner"
        }
        actions={
          <Link to="/portal/agreements" className="text-sm font-medium text-brand-700 hover:underline">
            Agreements
          </Link>
        }
      />
      {journeys.isPending ? (
        <LoadingBlock label="Loading your onboarding…" />
      ) : journeys.isError ? (
        <ErrorState error={journeys.error} onRetry={() => void journeys.refetch()} />
      ) : journeys.data.items.length === 0 ? (
        <EmptyState
          compact
          headingLevel={3}
          icon={<TasksIcon />}
          title="Nothing to do yet"
          description="When your vendor starts your onboarding, steps like training and agreements will be listed here."
        />
      ) : (
        <CardBody className="space-y-6">
          {journeys.data.items.map((journey) => (
            <section key={journey.id} aria-label={journey.templateName}>
              <h3 className="mb-2 text-sm font-semibold text-slate-900">
                {journey.templateName} <span className="font-normal text-slate-500">· {journey.programName}</span>
                {journey.completedAt ? <span className="ml-2 text-emerald-700">Completed</span> : null}
              </h3>
              <JourneySteps
                journey={journey}
                onComplete={(step) => complete.mutate(step)}
                pendingStepId={complete.isPending ? (complete.variables?.id ?? null) : null}
              />
            </section>
          ))}
        </CardBody>
      )}
    </Card>
  );
}

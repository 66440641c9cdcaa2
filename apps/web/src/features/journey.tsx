import type { JourneyStepType, PartnerJourneyRecord, PartnerJourneyStepRecord } from "@symbiont/contracts";
import { Badge } from "../components/ui/Badge";
import { Button } from "../components/ui/Button";
import { CheckIcon } from "../components/ui/icons";
import { cn, formatDate } from "../lib/format";

export const stepTypeLabels: Record<JourneyStepType, string> = {
  accept_agreement: "Accept agreement",
  complete_profile: "Complete profile",
  invite_colleagues: "Invite colleagues",
  complete_course: "Complete a course",
  earn_certification: "Earn a certification",
  register_first_deal: "Register first deal",
  first_won_deal: "First won deal",
  manual: "Manual step",
};

/** How a step completes, in words. */
export function howItCompletes(step: Pick<PartnerJourneyStepRecord, "type" | "ownerSide">): string {
  if (step.type === "manual") return step.ownerSide === "vendor" ? "Your vendor ticks this" : "Tick it when done";
  return "Completes automatically";
}

function StepStatus({ step }: { step: PartnerJourneyStepRecord }) {
  if (step.status === "completed") return <Badge tone="success">Done {formatDate(step.completedAt)}</Badge>;
  if (step.overdue) return <Badge tone="danger">Overdue since {formatDate(step.dueAt)}</Badge>;
  return <Badge tone="neutral">Due {formatDate(step.dueAt)}</Badge>;
}

/** A journey's steps in order, with due dates, overdue highlighting and a tick button where allowed. */
export function JourneySteps({
  journey,
  onComplete,
  pendingStepId,
}: {
  journey: PartnerJourneyRecord;
  onComplete?: (step: PartnerJourneyStepRecord) => void;
  pendingStepId?: string | null;
}) {
  const percent = journey.totalSteps === 0 ? 100 : Math.round((journey.completedSteps / journey.totalSteps) * 100);
  return (
    <div>
      <div className="mb-3 flex items-center gap-3">
        <div
          className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100"
          role="progressbar"
          aria-label={`${journey.templateName} progress`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
        </div>
        <span className="text-xs font-medium text-slate-600">
          {journey.completedSteps} of {journey.totalSteps}
        </span>
      </div>
      <ol className="divide-y divide-slate-100">
        {journey.steps.map((step) => (
          <li
            key={step.id}
            className={cn(
              "flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between",
              step.overdue && "-mx-2 rounded-lg bg-red-50/60 px-2",
            )}
          >
            <div className="flex min-w-0 items-start gap-3">
              <span
                aria-hidden="true"
                className={cn(
                  "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full border text-xs",
                  step.status === "completed"
                    ? "border-emerald-500 bg-emerald-500 text-white"
                    : "border-slate-300 text-slate-500",
                )}
              >
                {step.status === "completed" ? <CheckIcon className="size-3.5" /> : step.position + 1}
              </span>
              <div className="min-w-0">
                <p
                  className={cn(
                    "text-sm font-medium",
                    step.status === "completed" ? "text-slate-500" : "text-slate-900",
                  )}
                >
                  {step.title}
                  <span className="sr-only">
                    {step.status === "completed" ? " (done)" : step.overdue ? " (overdue)" : ""}
                  </span>
                </p>
                <p className="text-xs text-slate-500">
                  {stepTypeLabels[step.type]} · {step.ownerSide === "vendor" ? "Vendor task" : "Partner task"} ·{" "}
                  {howItCompletes(step)}
                </p>
                {step.description ? <p className="mt-1 text-xs text-slate-600">{step.description}</p> : null}
              </div>
            </div>
            <div className="flex shrink-0 items-center gap-2 pl-8 sm:pl-0">
              <StepStatus step={step} />
              {step.canComplete && onComplete ? (
                <Button
                  size="sm"
                  variant="secondary"
                  loading={pendingStepId === step.id}
                  onClick={() => onComplete(step)}
                  aria-label={`Mark "${step.title}" as done`}
                >
                  Mark done
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

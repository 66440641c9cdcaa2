import type { OnboardingTaskRecord } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Checkbox, Input } from "../../../components/ui/Field";
import { TasksIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { type Column, DataTable } from "../../../components/ui/Table";
import { stepTypeLabels } from "../../../features/journey";
import { canManagePrograms, ProgramSelect } from "../../../features/programPicker";
import { api } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/auth";
import { formatDate } from "../../../lib/format";
import { errorMessage, fieldErrorsFromApi } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";
import { TemplateEditor } from "./TemplateEditor";

function TaskList() {
  const [overdueOnly, setOverdueOnly] = useState(true);
  const tasks = useQuery({
    queryKey: ["console", "onboarding-tasks", overdueOnly],
    queryFn: ({ signal }) => api.onboarding.tasks({ overdue: overdueOnly || undefined }, signal),
  });
  const columns: Column<OnboardingTaskRecord>[] = [
    {
      key: "partner",
      header: "Partner",
      cell: (t) => (
        <Link
          to="/console/partners/$partnerId"
          params={{ partnerId: t.partnerId }}
          className="font-medium text-brand-700 hover:underline"
        >
          {t.partnerName}
        </Link>
      ),
    },
    {
      key: "step",
      header: "Step",
      cell: (t) => (
        <span>
          {t.title}
          <span className="block text-xs text-slate-500">
            {stepTypeLabels[t.type]} · {t.programName}
          </span>
        </span>
      ),
    },
    {
      key: "owner",
      header: "Owner",
      cell: (t) => (
        <Badge tone={t.ownerSide === "vendor" ? "brand" : "neutral"}>
          {t.ownerSide === "vendor" ? "Vendor" : "Partner"}
        </Badge>
      ),
    },
    {
      key: "due",
      header: "Due",
      cell: (t) =>
        t.overdue ? (
          <Badge tone="danger">
            {t.daysOverdue} {t.daysOverdue === 1 ? "day" : "days"} late
          </Badge>
        ) : (
          formatDate(t.dueAt)
        ),
    },
  ];
  return (
    <Card>
      <CardHeader
        title="Onboarding tasks"
        description="Open steps across partners; vendor-owned tasks first."
        actions={
          <Checkbox label="Overdue only" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
        }
      />
      {tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <DataTable
          caption="Onboarding tasks"
          columns={columns}
          rows={tasks.data?.items}
          rowKey={(t) => t.id}
          loading={tasks.isPending}
          empty={
            <EmptyState
              compact
              headingLevel={3}
              icon={<TasksIcon />}
              title={overdueOnly ? "Nothing overdue" : "No open steps"}
            />
          }
        />
      )}
    </Card>
  );
}

function Metrics() {
  const metrics = useQuery({
    queryKey: ["console", "onboarding-metrics"],
    queryFn: ({ signal }) => api.onboarding.metrics({}, signal),
  });
  if (metrics.isPending) return <LoadingBlock label="Loading metrics…" />;
  if (metrics.isError) return <ErrorState error={metrics.error} onRetry={() => void metrics.refetch()} />;
  const o = metrics.data.overall;
  const stat = (label: string, s: typeof o.completeOnboarding) => (
    <div className="rounded-lg border border-slate-200 p-4">
      <p className="text-xs font-medium text-slate-500 uppercase">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-slate-900">{s.medianDays === null ? "—" : `${s.medianDays} d`}</p>
      <p className="text-xs text-slate-500">
        median · mean {s.meanDays ?? "—"} d · {s.count} of {o.partners} partners
      </p>
    </div>
  );
  return (
    <Card>
      <CardHeader
        title="Time to value"
        description="Measured from each partner's activation; cohorts by activation month."
      />
      <CardBody className="grid gap-4 sm:grid-cols-3">
        {stat("Complete onboarding", o.completeOnboarding)}
        {stat("First deal registered", o.firstDealRegistration)}
        {stat("First deal won", o.firstWonDeal)}
      </CardBody>
    </Card>
  );
}

/** Journey templates per program (step editor), the overdue task list and time-to-value metrics. */
export function OnboardingPage() {
  useDocumentTitle("Onboarding");
  const user = useCurrentUser();
  const editable = canManagePrograms(user);
  const queryClient = useQueryClient();
  const [programId, setProgramId] = useState("");
  const [name, setName] = useState("");
  const templates = useQuery({
    queryKey: ["console", "journey-templates"],
    queryFn: ({ signal }) => api.onboarding.templates({}, signal),
  });
  const create = useMutation({
    mutationFn: () => api.onboarding.createTemplate({ programId, name }),
    onSuccess: () => {
      setName("");
      void queryClient.invalidateQueries({ queryKey: ["console", "journey-templates"] });
    },
  });
  const errors = fieldErrorsFromApi(create.error);
  const shown = templates.data?.items.filter((t) => !programId || t.programId === programId) ?? [];
  return (
    <>
      <PageHeader
        title="Onboarding"
        description="Journeys partners start when they begin onboarding: steps complete themselves from what partners do, or are ticked by hand."
      />
      <div className="space-y-6">
        <TaskList />
        <Metrics />
        <section aria-labelledby="journeys-heading" className="space-y-4">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
            <h2 id="journeys-heading" className="text-lg font-semibold text-slate-900">
              Journey templates
            </h2>
            <div className="sm:w-64">
              <ProgramSelect value={programId} allLabel="All programs" onChange={setProgramId} label="Show program" />
            </div>
          </div>
          {editable ? (
            <Card>
              <form
                className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-end"
                onSubmit={(event) => {
                  event.preventDefault();
                  create.mutate();
                }}
              >
                <div className="flex-1">
                  <ProgramSelect
                    value={programId}
                    error={errors.programId}
                    onChange={setProgramId}
                    label="Program of the new journey"
                  />
                </div>
                <Input
                  className="flex-1"
                  label="Journey name"
                  value={name}
                  error={errors.name}
                  onChange={(e) => setName(e.target.value)}
                />
                <Button type="submit" loading={create.isPending} disabled={!programId}>
                  Create journey
                </Button>
              </form>
              {create.isError && Object.keys(errors).length === 0 ? (
                <Alert tone="danger" className="mx-5 mb-4">
                  {errorMessage(create.error)}
                </Alert>
              ) : null}
            </Card>
          ) : null}
          {templates.isPending ? (
            <LoadingBlock label="Loading journeys…" />
          ) : templates.isError ? (
            <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
          ) : shown.length === 0 ? (
            <Card>
              <EmptyState
                compact
                headingLevel={3}
                icon={<TasksIcon />}
                title="No journeys yet"
                description="Create one per program; the first becomes the program's default."
              />
            </Card>
          ) : (
            shown.map((template) => <TemplateEditor key={template.id} template={template} editable={editable} />)
          )}
        </section>
      </div>
    </>
  );
}

import type { JourneyStepRecord, JourneyStepType, JourneyTemplateRecord } from "@symbiont/contracts";
import { journeyStepTypes } from "@symbiont/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { Input, Select } from "../../../components/ui/Field";
import { ChevronDownIcon, PlusIcon } from "../../../components/ui/icons";
import { useToast } from "../../../components/ui/Toast";
import { stepTypeLabels } from "../../../features/journey";
import { api } from "../../../lib/api";
import { errorMessage, fieldErrorsFromApi } from "../../../lib/forms";

interface StepForm {
  type: JourneyStepType;
  title: string;
  dueOffsetDays: string;
  ownerSide: "partner" | "vendor";
  configValue: string;
}

const blank: StepForm = { type: "manual", title: "", dueOffsetDays: "14", ownerSide: "partner", configValue: "" };

/** Which config a step type takes, and how it is labelled. */
const configField: Partial<
  Record<JourneyStepType, { key: "count" | "courseId" | "certificationId" | "agreementId"; label: string }>
> = {
  invite_colleagues: { key: "count", label: "How many colleagues (invited or joined)" },
  complete_course: { key: "courseId", label: "Course id (empty = any course)" },
  earn_certification: { key: "certificationId", label: "Certification id (empty = any)" },
  accept_agreement: { key: "agreementId", label: "Agreement id (empty = any agreement)" },
};

function configOf(form: StepForm) {
  const field = configField[form.type];
  if (!field || form.configValue.trim() === "") return {};
  return field.key === "count" ? { count: Number(form.configValue) } : { [field.key]: form.configValue.trim() };
}

function StepRow({
  step,
  index,
  count,
  onMove,
  onDelete,
  busy,
}: {
  step: JourneyStepRecord;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onDelete: () => void;
  busy: boolean;
}) {
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <p className="text-sm font-medium text-slate-900">
          {index + 1}. {step.title}
        </p>
        <p className="text-xs text-slate-500">
          {stepTypeLabels[step.type]} · due {step.dueOffsetDays} {step.dueOffsetDays === 1 ? "day" : "days"} after
          activation · {step.ownerSide === "vendor" ? "vendor task" : "partner task"}
          {step.config.count ? ` · ${step.config.count} ${step.config.count === 1 ? "colleague" : "colleagues"}` : ""}
          {step.config.courseId ? ` · course ${step.config.courseId}` : ""}
        </p>
      </div>
      <div className="flex shrink-0 gap-1">
        <Button
          size="sm"
          variant="ghost"
          disabled={busy || index === 0}
          onClick={() => onMove(index, index - 1)}
          aria-label={`Move "${step.title}" up`}
        >
          <ChevronDownIcon className="size-4 rotate-180" />
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={busy || index === count - 1}
          onClick={() => onMove(index, index + 1)}
          aria-label={`Move "${step.title}" down`}
        >
          <ChevronDownIcon className="size-4" />
        </Button>
        <Button size="sm" variant="ghost" disabled={busy} onClick={onDelete} aria-label={`Remove "${step.title}"`}>
          Remove
        </Button>
      </div>
    </li>
  );
}

/** One journey template: ordered steps, add / remove / reorder, make default. */
export function TemplateEditor({ template, editable }: { template: JourneyTemplateRecord; editable: boolean }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [form, setForm] = useState<StepForm>(blank);
  const updated = (data: JourneyTemplateRecord) => {
    queryClient.setQueryData<{ items: JourneyTemplateRecord[] }>(["console", "journey-templates"], (old) =>
      old ? { items: old.items.map((t) => (t.id === data.id ? data : t)) } : old,
    );
    void queryClient.invalidateQueries({ queryKey: ["console", "journey-templates"] });
  };
  const onError = (error: unknown) => toast.error("The journey could not be changed", errorMessage(error));
  const add = useMutation({
    mutationFn: () =>
      api.onboarding.addStep(template.id, {
        type: form.type,
        title: form.title,
        dueOffsetDays: Number(form.dueOffsetDays),
        ownerSide: form.ownerSide,
        config: configOf(form),
      }),
    onSuccess: (data) => {
      updated(data);
      setForm(blank);
    },
  });
  const reorder = useMutation({
    mutationFn: (ids: string[]) => api.onboarding.reorder(template.id, ids),
    onSuccess: updated,
    onError,
  });
  const remove = useMutation({
    mutationFn: (stepId: string) => api.onboarding.deleteStep(template.id, stepId),
    onSuccess: updated,
    onError,
  });
  const makeDefault = useMutation({
    mutationFn: () => api.onboarding.updateTemplate(template.id, { makeDefault: true }),
    onSuccess: updated,
    onError,
  });
  const move = (from: number, to: number) => {
    const ids = template.steps.map((s) => s.id);
    const [moved] = ids.splice(from, 1);
    if (moved) ids.splice(to, 0, moved);
    reorder.mutate(ids);
  };
  const errors = fieldErrorsFromApi(add.error);
  const config = configField[form.type];
  const busy = reorder.isPending || remove.isPending;
  return (
    <Card>
      <CardHeader
        headingLevel={3}
        title={
          <span className="flex items-center gap-2">
            {template.name} {template.isDefault ? <Badge tone="brand">Default</Badge> : null}
          </span>
        }
        description={`${template.programName} · ${template.activeJourneys} partner${template.activeJourneys === 1 ? "" : "s"} in progress`}
        actions={
          editable && !template.isDefault ? (
            <Button size="sm" variant="secondary" loading={makeDefault.isPending} onClick={() => makeDefault.mutate()}>
              Make default
            </Button>
          ) : null
        }
      />
      <CardBody>
        {template.steps.length === 0 ? (
          <p className="text-sm text-slate-500">No steps yet.</p>
        ) : (
          <ol className="divide-y divide-slate-100">
            {template.steps.map((step, index) => (
              <StepRow
                key={step.id}
                step={step}
                index={index}
                count={template.steps.length}
                busy={busy || !editable}
                onMove={move}
                onDelete={() => remove.mutate(step.id)}
              />
            ))}
          </ol>
        )}
        {editable ? (
          <form
            className="mt-4 grid gap-3 border-t border-slate-200 pt-4 md:grid-cols-2"
            onSubmit={(event) => {
              event.preventDefault();
              add.mutate();
            }}
          >
            <h4 className="text-sm font-semibold text-slate-900 md:col-span-2">Add a step</h4>
            {add.isError && Object.keys(errors).length === 0 ? (
              <Alert tone="danger" className="md:col-span-2">
                {errorMessage(add.error)}
              </Alert>
            ) : null}
            <Select
              label="Type"
              value={form.type}
              onChange={(e) => setForm({ ...form, type: e.target.value as JourneyStepType, configValue: "" })}
            >
              {journeyStepTypes.map((type) => (
                <option key={type} value={type}>
                  {stepTypeLabels[type]}
                </option>
              ))}
            </Select>
            <Input
              label="Title"
              value={form.title}
              error={errors.title}
              onChange={(e) => setForm({ ...form, title: e.target.value })}
            />
            <Input
              label="Due (days after activation)"
              type="number"
              min={0}
              value={form.dueOffsetDays}
              error={errors.dueOffsetDays}
              onChange={(e) => setForm({ ...form, dueOffsetDays: e.target.value })}
            />
            <Select
              label="Owner"
              value={form.ownerSide}
              onChange={(e) => setForm({ ...form, ownerSide: e.target.value as "partner" | "vendor" })}
            >
              <option value="partner">Partner</option>
              <option value="vendor">Vendor</option>
            </Select>
            {config ? (
              <Input
                label={config.label}
                type={config.key === "count" ? "number" : "text"}
                value={form.configValue}
                error={errors[`config.${config.key}`]}
                onChange={(e) => setForm({ ...form, configValue: e.target.value })}
              />
            ) : null}
            <div className="flex items-end md:col-span-2">
              <Button type="submit" icon={<PlusIcon />} loading={add.isPending}>
                Add step
              </Button>
            </div>
          </form>
        ) : null}
      </CardBody>
    </Card>
  );
}

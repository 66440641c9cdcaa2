import { type ProgramRecord, protectionWindows, updateProgramBody } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { CopyField } from "../../../components/ui/CopyField";
import { Checkbox, Input, Select, Textarea } from "../../../components/ui/Field";
import { useToast } from "../../../components/ui/Toast";
import { api } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/auth";
import { errorMessage, type FieldErrors, fieldErrorsFromApi, validate } from "../../../lib/forms";

type Field =
  | "name"
  | "slug"
  | "description"
  | "protectionWindowDays"
  | "defaultJourneyId"
  | "tierGraceDays"
  | "tierWindowMonths";

/** The program's settings; read-only for roles that may not change them. */
export function ProgramSettingsCard({ program, canManage }: { program: ProgramRecord; canManage: boolean }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(program.name);
  const [slug, setSlug] = useState(program.slug);
  const [description, setDescription] = useState(program.description ?? "");
  const [window, setWindow] = useState(
    program.protectionWindowDays === null ? "none" : String(program.protectionWindowDays),
  );
  const workspaceSlug = useCurrentUser()?.workspace.slug;
  const [journeyId, setJourneyId] = useState(program.defaultJourneyId ?? "");
  const journeys = useQuery({
    queryKey: ["console", "onboarding", "templates", program.id],
    queryFn: ({ signal }) => api.onboarding.templates({ programId: program.id }, signal),
  });
  const [graceDays, setGraceDays] = useState(String(program.tierGraceDays));
  const [windowMonths, setWindowMonths] = useState(String(program.tierWindowMonths));
  const [autoApply, setAutoApply] = useState(program.autoApplyTierChanges);
  const [applicationsOpen, setApplicationsOpen] = useState(program.applicationsOpen);
  const [autoRejectSpam, setAutoRejectSpam] = useState(program.autoRejectSpam);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});

  const save = useMutation({
    mutationFn: (body: Parameters<typeof api.programs.update>[1]) => api.programs.update(program.id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(["console", "program", program.id], updated);
      void queryClient.invalidateQueries({ queryKey: ["console", "programs"] });
      toast.success("Settings saved", updated.name);
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error)),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(updateProgramBody, {
      name,
      slug,
      description: description.trim() ? description : null,
      protectionWindowDays: window === "none" ? null : Number(window),
      defaultJourneyId: journeyId.trim() ? journeyId.trim() : null,
      tierGraceDays: Number(graceDays),
      tierWindowMonths: Number(windowMonths),
      autoApplyTierChanges: autoApply,
      applicationsOpen,
      autoRejectSpam,
    });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.data);
  }

  return (
    <Card>
      <CardHeader title="Settings" description="Deal protection, tier evaluation and recruitment rules." />
      <CardBody className="space-y-5">
        {workspaceSlug && program.applicationsOpen ? (
          <CopyField
            label="Public application page"
            value={`${globalThis.location.origin}/apply/${workspaceSlug}/${program.slug}`}
            hint="Share it on your website: applicants are scored against this program's Ideal Partner Profile."
            monospace={false}
          />
        ) : null}
        <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label="Program settings">
          {save.isError && Object.keys(errors).length === 0 ? (
            <Alert tone="danger">{errorMessage(save.error)}</Alert>
          ) : null}
          <fieldset disabled={!canManage} className="space-y-5">
            <Input label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
            <Input
              label="Address"
              hint="Used in the public application page link."
              value={slug}
              onChange={(e) => setSlug(e.target.value)}
              error={errors.slug}
            />
            <Textarea
              label="Description"
              optional
              rows={3}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              error={errors.description}
            />
            <Select
              label="Deal-registration protection"
              value={window}
              onChange={(e) => setWindow(e.target.value)}
              error={errors.protectionWindowDays}
            >
              {protectionWindows.map((days) => (
                <option key={days} value={String(days)}>
                  {days} days
                </option>
              ))}
              <option value="none">No expiry</option>
            </Select>
            <Select
              label="Default onboarding journey"
              optional
              hint={
                journeys.data?.items.length === 0
                  ? "This program has no journeys yet: create one under Onboarding."
                  : "New partners of this program start on it when they are activated."
              }
              value={journeyId}
              onChange={(e) => setJourneyId(e.target.value)}
              error={errors.defaultJourneyId}
              disabled={journeys.isPending}
            >
              <option value="">None</option>
              {(journeys.data?.items ?? []).map((journey) => (
                <option key={journey.id} value={journey.id}>
                  {journey.name}
                </option>
              ))}
            </Select>
            <div className="grid gap-4 sm:grid-cols-2">
              <Input
                label="Tier grace period (days)"
                type="number"
                inputMode="numeric"
                min={0}
                max={365}
                value={graceDays}
                onChange={(e) => setGraceDays(e.target.value)}
                error={errors.tierGraceDays}
              />
              <Input
                label="Evaluation window (months)"
                type="number"
                inputMode="numeric"
                min={1}
                max={36}
                value={windowMonths}
                onChange={(e) => setWindowMonths(e.target.value)}
                error={errors.tierWindowMonths}
              />
            </div>
            <Checkbox
              label="Apply tier changes automatically"
              hint="Otherwise every upgrade and downgrade waits for a manager's approval."
              checked={autoApply}
              onChange={(e) => setAutoApply(e.target.checked)}
            />
            <Checkbox
              label="Accept applications"
              hint="The public application page takes new applicants."
              checked={applicationsOpen}
              onChange={(e) => setApplicationsOpen(e.target.checked)}
            />
            <Checkbox
              label="Reject obvious spam automatically"
              hint="Free-mail domains and applicants failing required criteria. Never approves anyone automatically."
              checked={autoRejectSpam}
              onChange={(e) => setAutoRejectSpam(e.target.checked)}
            />
          </fieldset>
          {canManage ? (
            <div className="flex justify-end border-t border-slate-100 pt-4">
              <Button type="submit" loading={save.isPending} loadingText="Saving…">
                Save settings
              </Button>
            </div>
          ) : (
            <p className="text-sm text-slate-500">Only admins and partner managers can change these settings.</p>
          )}
        </form>
      </CardBody>
    </Card>
  );
}

import { type PartnerBulkAction, type PartnerStage, partnerStageLabels, partnerStages } from "@symbiont/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Input, Select } from "../../../components/ui/Field";
import { useToast } from "../../../components/ui/Toast";
import { ApiError, api } from "../../../lib/api";
import { errorMessage } from "../../../lib/forms";
import { useManagers } from "./partnerUi";

type ActionType = PartnerBulkAction["type"];

const actionLabels: Record<ActionType, string> = {
  assign_manager: "Assign manager",
  add_tag: "Add tag",
  remove_tag: "Remove tag",
  change_stage: "Change stage",
};

/** Appears when rows are selected: one action over all of them, all or nothing. */
export function BulkActionBar({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const managers = useManagers();
  const [type, setType] = useState<ActionType>("add_tag");
  const [managerId, setManagerId] = useState("");
  const [tag, setTag] = useState("");
  const [stage, setStage] = useState<PartnerStage>("active");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const run = useMutation({
    mutationFn: (action: PartnerBulkAction) => api.partners.bulk({ partnerIds: selected, action }),
    onSuccess: (result) => {
      toast.success(`${actionLabels[type]}: done`, `${result.changed} of ${result.results.length} partner(s) changed.`);
      void queryClient.invalidateQueries({ queryKey: ["console", "partners"] });
      setProblem(null);
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "PARTNER_STAGE_TRANSITION_INVALID") {
        const failures = (error.details?.failures ?? []) as { name: string; from: string }[];
        setProblem(
          `Nothing changed. ${failures.length} partner(s) cannot move to ${partnerStageLabels[stage]}: ${failures
            .slice(0, 5)
            .map((f) => `${f.name} (${f.from})`)
            .join(", ")}${failures.length > 5 ? "…" : ""}`,
        );
      } else setProblem(errorMessage(error));
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ((type === "add_tag" || type === "remove_tag") && !tag.trim()) {
      setProblem("Enter a tag.");
      return;
    }
    const action: PartnerBulkAction =
      type === "assign_manager"
        ? { type, managerId: managerId || null }
        : type === "change_stage"
          ? { type, to: stage, ...(reason.trim() ? { reason: reason.trim() } : {}) }
          : { type, tag: tag.trim().toLowerCase() };
    run.mutate(action);
  }

  return (
    <form
      onSubmit={onSubmit}
      aria-label="Bulk action"
      className="space-y-3 border-b border-brand-100 bg-brand-50/60 px-5 py-3"
    >
      <div className="flex flex-wrap items-end gap-3">
        <p className="self-center text-sm font-medium text-brand-900" aria-live="polite">
          {selected.length} selected
        </p>
        <Select label="Action" value={type} onChange={(e) => setType(e.target.value as ActionType)}>
          {(Object.keys(actionLabels) as ActionType[]).map((key) => (
            <option key={key} value={key}>
              {actionLabels[key]}
            </option>
          ))}
        </Select>
        {type === "assign_manager" ? (
          <Select label="Manager" value={managerId} onChange={(e) => setManagerId(e.target.value)}>
            <option value="">Unassigned</option>
            {(managers.data?.items ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        ) : null}
        {type === "add_tag" || type === "remove_tag" ? (
          <Input label="Tag" value={tag} onChange={(e) => setTag(e.target.value)} maxLength={50} />
        ) : null}
        {type === "change_stage" ? (
          <>
            <Select label="New stage" value={stage} onChange={(e) => setStage(e.target.value as PartnerStage)}>
              {partnerStages.map((s) => (
                <option key={s} value={s}>
                  {partnerStageLabels[s]}
                </option>
              ))}
            </Select>
            <Input label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
          </>
        ) : null}
        <Button type="submit" loading={run.isPending} loadingText="Applying…">
          Apply to {selected.length}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Clear selection
        </Button>
      </div>
      {problem ? <Alert tone="danger">{problem}</Alert> : null}
    </form>
  );
}

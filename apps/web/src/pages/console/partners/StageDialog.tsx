import {
  type PartnerRecord,
  type PartnerStage,
  partnerStageLabels,
  partnerStageTransitions,
} from "@symbiont/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { Select, Textarea } from "../../../components/ui/Field";
import { useToast } from "../../../components/ui/Toast";
import { api } from "../../../lib/api";
import { errorMessage } from "../../../lib/forms";

/** Offers only the stages the machine allows from the current one. */
export function StageDialog({
  partner,
  open,
  onClose,
}: {
  partner: PartnerRecord;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Change stage"
      description={`${partner.name} is ${partnerStageLabels[partner.stage]}. The change and its reason go on the timeline.`}
    >
      {open ? <StageForm partner={partner} onDone={onClose} /> : null}
    </Dialog>
  );
}

function StageForm({ partner, onDone }: { partner: PartnerRecord; onDone: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const allowed = partnerStageTransitions[partner.stage];
  const [to, setTo] = useState<PartnerStage | "">(allowed[0] ?? "");
  const [reason, setReason] = useState("");
  const change = useMutation({
    mutationFn: () =>
      api.partners.changeStage(partner.id, { to: to as PartnerStage, reason: reason.trim() || undefined }),
    onSuccess: (saved) => {
      toast.success("Stage changed", `${saved.name} is now ${partnerStageLabels[saved.stage]}.`);
      queryClient.setQueryData(["console", "partner", saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ["console", "partners"] });
      void queryClient.invalidateQueries({ queryKey: ["console", "partner-timeline", saved.id] });
      onDone();
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (to) change.mutate();
  }
  if (allowed.length === 0) return <Alert>No stage can follow {partnerStageLabels[partner.stage]}.</Alert>;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label="Change stage">
      {change.isError ? <Alert tone="danger">{errorMessage(change.error)}</Alert> : null}
      <Select label="New stage" value={to} onChange={(e) => setTo(e.target.value as PartnerStage)} data-autofocus>
        {allowed.map((stage) => (
          <option key={stage} value={stage}>
            {partnerStageLabels[stage]}
          </option>
        ))}
      </Select>
      <Textarea
        label="Reason"
        hint="Why the partner moves; shown on the activity timeline"
        value={reason}
        maxLength={1000}
        onChange={(e) => setReason(e.target.value)}
        optional
      />
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={change.isPending} loadingText="Saving…">
          Change stage
        </Button>
      </div>
    </form>
  );
}

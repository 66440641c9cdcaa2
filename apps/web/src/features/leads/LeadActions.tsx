import type { LeadDetail, LeadProgressStatus } from "@symbiont/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Dialog } from "../../components/ui/Dialog";
import { Input, Select, Textarea } from "../../components/ui/Field";
import { useToast } from "../../components/ui/Toast";
import { leadEndpoints } from "../../lib/endpoints/leads";
import { errorMessage, fieldErrorsFromApi } from "../../lib/forms";
import { Countdown, nextProgress, progressLabels } from "./leadUi";

type Surface = "console" | "portal";

function useLeadMutation<T>(surface: Surface, fn: (input: T) => Promise<LeadDetail>, done: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: fn,
    onSuccess: (lead) => {
      toast.success(done);
      queryClient.setQueryData([surface, "lead", lead.id], lead);
      void queryClient.invalidateQueries({ queryKey: [surface, "leads"] });
    },
  });
}

/** Accept / decline (with a reason) and progress updates for whoever holds the lead. */
export function LeadActions({ surface, lead }: { surface: Surface; lead: LeadDetail }) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState<LeadProgressStatus | "">("");
  const [note, setNote] = useState("");
  const [createOpportunity, setCreateOpportunity] = useState(true);
  const [oppAmount, setOppAmount] = useState(lead.amountMinor !== null ? String(lead.amountMinor / 100) : "");
  const accept = useLeadMutation(surface, () => leadEndpoints.accept(surface, lead.id), `You accepted ${lead.company}`);
  const decline = useLeadMutation(
    surface,
    (why: string) => leadEndpoints.decline(surface, lead.id, { reason: why }),
    `You declined ${lead.company}; the sender sees your reason`,
  );
  const progress = useLeadMutation(
    surface,
    (body: Parameters<typeof leadEndpoints.updateStatus>[2]) => leadEndpoints.updateStatus(surface, lead.id, body),
    "Status updated; the sender sees it now",
  );
  const steps = nextProgress(lead.status);
  const declineErrors = fieldErrorsFromApi(decline.error);
  return (
    <div className="space-y-4">
      {lead.can.accept ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={() => accept.mutate(undefined)} loading={accept.isPending}>
            Accept
          </Button>
          <Button variant="secondary" onClick={() => setDeclining(true)}>
            Decline…
          </Button>
          {lead.offerExpiresAt ? <Countdown until={lead.offerExpiresAt} /> : null}
        </div>
      ) : null}
      {accept.isError ? <Alert tone="danger">{errorMessage(accept.error)}</Alert> : null}
      {lead.can.updateStatus && steps.length > 0 ? (
        <form
          className="space-y-3"
          aria-label="Report progress"
          onSubmit={(event) => {
            event.preventDefault();
            if (!status) return;
            const amount = oppAmount.trim() === "" ? undefined : Math.round(Number(oppAmount) * 100);
            progress.mutate(
              {
                status,
                note: note.trim() || null,
                ...(status === "converted" && createOpportunity
                  ? { opportunity: amount !== undefined && Number.isFinite(amount) ? { amountMinor: amount } : {} }
                  : {}),
              },
              {
                onSuccess: () => {
                  setStatus("");
                  setNote("");
                },
              },
            );
          }}
        >
          <Select
            label="New status"
            value={status}
            onChange={(e) => setStatus(e.target.value as LeadProgressStatus | "")}
          >
            <option value="">Choose…</option>
            {steps.map((s) => (
              <option key={s} value={s}>
                {progressLabels[s]}
              </option>
            ))}
          </Select>
          <Textarea
            label="Note for the sender"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
            optional
          />
          {status === "converted" ? (
            <div className="space-y-2 rounded-lg border border-slate-200 p-3">
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={createOpportunity}
                  onChange={(e) => setCreateOpportunity(e.target.checked)}
                />
                Create the opportunity
              </label>
              {createOpportunity ? (
                <Input
                  label={`Amount (${lead.currency ?? "currency of the lead"})`}
                  inputMode="decimal"
                  value={oppAmount}
                  onChange={(e) => setOppAmount(e.target.value)}
                  optional
                />
              ) : null}
            </div>
          ) : null}
          {progress.isError ? <Alert tone="danger">{errorMessage(progress.error)}</Alert> : null}
          <Button type="submit" disabled={!status} loading={progress.isPending}>
            Update status
          </Button>
        </form>
      ) : null}
      <Dialog
        open={declining}
        onClose={() => setDeclining(false)}
        title={`Decline ${lead.company}`}
        description="The sender sees your reason."
        footer={
          <>
            <Button variant="secondary" onClick={() => setDeclining(false)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              loading={decline.isPending}
              onClick={() =>
                decline.mutate(reason, {
                  onSuccess: () => setDeclining(false),
                })
              }
            >
              Decline
            </Button>
          </>
        }
      >
        <Textarea
          label="Reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={declineErrors.reason}
          rows={3}
          data-autofocus
        />
        {decline.isError && !declineErrors.reason ? <Alert tone="danger">{errorMessage(decline.error)}</Alert> : null}
      </Dialog>
    </div>
  );
}

import type { SendReferralBody } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { Select } from "../../../components/ui/Field";
import { useToast } from "../../../components/ui/Toast";
import { emptyLeadFields, LeadFields, leadFieldsBody } from "../../../features/leads/LeadFields";
import { useCurrentUser } from "../../../lib/auth";
import { leadEndpoints } from "../../../lib/endpoints/leads";
import { errorMessage, fieldErrorsFromApi } from "../../../lib/forms";

/** Refer a company to the vendor or to another partner. */
export function SendReferralDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const user = useCurrentUser();
  const [values, setValues] = useState(emptyLeadFields);
  const [to, setTo] = useState("");
  const targets = useQuery({
    queryKey: ["portal", "referral-targets"],
    queryFn: ({ signal }) => leadEndpoints.referralTargets(signal),
    enabled: open,
  });
  const queryClient = useQueryClient();
  const toast = useToast();
  const send = useMutation({
    mutationFn: (body: SendReferralBody) => leadEndpoints.sendReferral(body),
    onSuccess: (lead) => {
      toast.success(`Referral for ${lead.company} sent to ${lead.recipient?.name ?? "the vendor"}`);
      void queryClient.invalidateQueries({ queryKey: ["portal", "leads"] });
      setValues(emptyLeadFields);
      setTo("");
      onClose();
    },
  });
  const errors = fieldErrorsFromApi(send.error);
  const vendor = user?.workspace.name ?? "the vendor";
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title="Send a referral"
      description="You will see every status the receiver reports back."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="send-referral-form" loading={send.isPending}>
            Send referral
          </Button>
        </>
      }
    >
      <form
        id="send-referral-form"
        className="space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate({ ...leadFieldsBody(values), toPartnerId: to || null });
        }}
      >
        {send.isError ? <Alert tone="danger">{errorMessage(send.error)}</Alert> : null}
        <Select label="Send to" value={to} onChange={(e) => setTo(e.target.value)} error={errors.toPartnerId}>
          <option value="">{vendor}</option>
          {targets.data?.items.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
        <LeadFields values={values} onChange={setValues} errors={errors} />
      </form>
    </Dialog>
  );
}

import type { CreateLeadBody } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { Input, Select } from "../../../components/ui/Field";
import { useToast } from "../../../components/ui/Toast";
import { emptyLeadFields, LeadFields, leadFieldsBody } from "../../../features/leads/LeadFields";
import { api } from "../../../lib/api";
import { leadEndpoints } from "../../../lib/endpoints/leads";
import { errorMessage, fieldErrorsFromApi } from "../../../lib/forms";

type Mode = "keep" | "offer" | "rule" | "pool";

/** Partners that can take a lead, for pickers (first 200 by name). */
export function usePartnerOptions() {
  return useQuery({
    queryKey: ["console", "lead-partner-options"],
    queryFn: ({ signal }) => api.partners.list({ stage: "active,at_risk,onboarding", limit: 200 }, signal),
  });
}

export function NewLeadDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [values, setValues] = useState(emptyLeadFields);
  const [mode, setMode] = useState<Mode>("offer");
  const [partnerId, setPartnerId] = useState("");
  const [hours, setHours] = useState("48");
  const partners = usePartnerOptions();
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: CreateLeadBody) => leadEndpoints.create(body),
    onSuccess: (lead) => {
      toast.success(`${lead.company} recorded`);
      void queryClient.invalidateQueries({ queryKey: ["console", "leads"] });
      setValues(emptyLeadFields);
      onClose();
      void navigate({ to: "/console/leads/$leadId", params: { leadId: lead.id } });
    },
  });
  const errors = fieldErrorsFromApi(create.error);
  const acceptHours = Number(hours) || undefined;
  const assign: CreateLeadBody["assign"] =
    mode === "offer"
      ? { mode: "offer", partnerId, ...(acceptHours ? { acceptHours } : {}) }
      : mode === "rule"
        ? { mode: "offer", ...(acceptHours ? { acceptHours } : {}) }
        : { mode };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title="New lead"
      description="Record a lead and pass it to a partner with a deadline, or place it in the pool."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            form="new-lead-form"
            loading={create.isPending}
            disabled={mode === "offer" && !partnerId}
          >
            Save lead
          </Button>
        </>
      }
    >
      <form
        id="new-lead-form"
        className="space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ ...leadFieldsBody(values), assign });
        }}
      >
        {create.isError ? <Alert tone="danger">{errorMessage(create.error)}</Alert> : null}
        <LeadFields values={values} onChange={setValues} errors={errors} />
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-900">Pass it on</legend>
          <Select label="How" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="offer">Offer to a partner</option>
            <option value="rule">Offer to the next partner by the routing rule</option>
            <option value="pool">Place in the pool (first claim wins)</option>
            <option value="keep">Keep it for now</option>
          </Select>
          {mode === "offer" ? (
            <Select
              label="Partner"
              value={partnerId}
              onChange={(e) => setPartnerId(e.target.value)}
              error={errors["assign.partnerId"]}
              hint={partners.isPending ? "Loading partners…" : undefined}
            >
              <option value="">Choose a partner…</option>
              {partners.data?.items.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          ) : null}
          {mode === "offer" || mode === "rule" ? (
            <Input
              label="Hours to accept"
              inputMode="numeric"
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              hint="When nobody answers in time, the lead moves to the next partner by the routing rule."
            />
          ) : null}
        </fieldset>
      </form>
    </Dialog>
  );
}

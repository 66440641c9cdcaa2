import { type TouchpointType, touchpointTypes } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { Checkbox, Input, Select, Textarea } from "../../../components/ui/Field";
import { useToast } from "../../../components/ui/Toast";
import { revenueEndpoints as revenue } from "../../../lib/endpoints/revenue";
import { errorMessage, type FieldErrors, fieldErrorsFromApi } from "../../../lib/forms";
import { touchTypeLabel } from "./revenueUi";

/** Recording a partner touch by hand: every field reachable by keyboard, errors under their fields. */
export function TouchpointDialog({
  open,
  onClose,
  opportunityId,
}: {
  open: boolean;
  onClose: () => void;
  opportunityId: string;
}) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const partners = useQuery({
    queryKey: ["console", "partners", "options"],
    queryFn: ({ signal }) => revenue.partners(signal),
    enabled: open,
    staleTime: 60_000,
  });
  const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const [form, setForm] = useState({
    partnerId: "",
    type: "introduction" as TouchpointType,
    occurredAt: now,
    weight: "",
    note: "",
    accelerated: false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: () =>
      revenue.touchpoints.create({
        opportunityId,
        partnerId: form.partnerId,
        type: form.type,
        occurredAt: new Date(form.occurredAt).toISOString(),
        weight: form.weight === "" ? null : Number(form.weight),
        note: form.note.trim() || null,
        accelerated: form.accelerated,
      }),
    onSuccess: async () => {
      toast.success("Touch recorded");
      await queryClient.invalidateQueries({ queryKey: ["console", "opportunities"] });
      onClose();
    },
    onError: (error) => setErrors({ ...fieldErrorsFromApi(error), _form: errorMessage(error) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.partnerId) return setErrors({ partnerId: "Choose the partner" });
    setErrors({});
    save.mutate();
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Record a partner touch"
      description="What did the partner do for this deal, and when? Touches after the close date are refused."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="touch-form" loading={save.isPending}>
            Record touch
          </Button>
        </>
      }
    >
      <form id="touch-form" onSubmit={submit} className="grid gap-4" noValidate>
        {errors._form ? <Alert tone="danger">{errors._form}</Alert> : null}
        <Select
          label="Partner"
          value={form.partnerId}
          error={errors.partnerId}
          onChange={(e) => setForm({ ...form, partnerId: e.target.value })}
          autoFocus
        >
          <option value="">Choose a partner…</option>
          {partners.data?.items.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        <Select
          label="Type"
          value={form.type}
          error={errors.type}
          onChange={(e) => setForm({ ...form, type: e.target.value as TouchpointType })}
        >
          {touchpointTypes.map((t) => (
            <option key={t} value={t}>
              {touchTypeLabel(t)}
            </option>
          ))}
        </Select>
        <Input
          label="When"
          type="datetime-local"
          value={form.occurredAt}
          error={errors.occurredAt}
          onChange={(e) => setForm({ ...form, occurredAt: e.target.value })}
        />
        <Input
          label="Weight"
          optional
          hint="For the custom-weights model; empty uses the type's default"
          type="number"
          min={0}
          step="0.1"
          value={form.weight}
          error={errors.weight}
          onChange={(e) => setForm({ ...form, weight: e.target.value })}
        />
        <Textarea
          label="Note"
          optional
          rows={3}
          value={form.note}
          error={errors.note}
          onChange={(e) => setForm({ ...form, note: e.target.value })}
        />
        <Checkbox
          label="This touch shortened the sales cycle (accelerated)"
          checked={form.accelerated}
          onChange={(e) => setForm({ ...form, accelerated: e.target.checked })}
        />
      </form>
    </Dialog>
  );
}

import { createTierBody, type TierManualCheck, type TierRecord } from "@symbiont/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Input, Textarea } from "../../../components/ui/Field";
import { PlusIcon } from "../../../components/ui/icons";
import { useToast } from "../../../components/ui/Toast";
import { api } from "../../../lib/api";
import { errorMessage, type FieldErrors, fieldErrorsFromApi, validate } from "../../../lib/forms";
import { CriteriaEditor, criteriaFromRows, rowId, rowsFromCriteria } from "./CriteriaEditor";

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** Create or edit one tier: name, colour, thresholds, manual checks, benefits and obligations. */
export function TierForm({
  programId,
  tier,
  currency,
  onDone,
  onCancel,
}: {
  programId: string;
  tier: TierRecord | null;
  currency: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const toast = useToast();
  const [name, setName] = useState(tier?.name ?? "");
  const [color, setColor] = useState(tier?.color ?? "");
  const [rows, setRows] = useState(rowsFromCriteria(tier?.criteria ?? [], currency));
  const [checks, setChecks] = useState<(TierManualCheck & { id: string })[]>(
    (tier?.manualChecks ?? []).map((check) => ({ ...check, id: rowId() })),
  );
  const [benefits, setBenefits] = useState((tier?.benefits ?? []).join("\n"));
  const [obligations, setObligations] = useState((tier?.vendorObligations ?? []).join("\n"));
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: (body: ReturnType<typeof createTierBody.parse>) =>
      tier ? api.tiers.update(tier.id, body) : api.tiers.create(programId, body),
    onSuccess: (saved) => {
      toast.success(tier ? "Tier saved" : "Tier added", saved.name);
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error)),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(createTierBody, {
      name,
      color: color.trim() ? color.trim() : null,
      criteria: criteriaFromRows(rows, currency),
      manualChecks: checks.map(({ key, label }) => ({ key, label })),
      benefits: lines(benefits),
      vendorObligations: lines(obligations),
    });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.data);
  }

  const updateCheck = (index: number, patch: Partial<TierManualCheck>) =>
    setChecks(checks.map((check, i) => (i === index ? { ...check, ...patch } : check)));

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label={tier ? `Edit ${tier.name}` : "New tier"}>
      {save.isError && Object.keys(errors).length === 0 ? (
        <Alert tone="danger">{errorMessage(save.error)}</Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <Input label="Tier name" required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <Input
          label="Colour"
          optional
          placeholder="#c9a227"
          value={color}
          onChange={(e) => setColor(e.target.value)}
          error={errors.color}
        />
      </div>
      <CriteriaEditor rows={rows} onChange={setRows} currency={currency} errors={errors} legend="Thresholds" />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Manual checks</legend>
        {checks.map((check, index) => (
          <div key={check.id} className="grid grid-cols-[9rem_1fr_auto] items-start gap-2">
            <Input
              label={`Key of check ${index + 1}`}
              hideLabel
              placeholder="business_plan"
              value={check.key}
              onChange={(e) => updateCheck(index, { key: e.target.value })}
              error={errors[`manualChecks.${index}.key`]}
            />
            <Input
              label={`Label of check ${index + 1}`}
              hideLabel
              placeholder="Joint business plan signed"
              value={check.label}
              onChange={(e) => updateCheck(index, { label: e.target.value })}
              error={errors[`manualChecks.${index}.label`]}
            />
            <Button
              variant="ghost"
              aria-label={`Remove check ${index + 1}`}
              onClick={() => setChecks(checks.filter((_, i) => i !== index))}
            >
              Remove
            </Button>
          </div>
        ))}
        <Button
          size="sm"
          variant="secondary"
          icon={<PlusIcon />}
          onClick={() => setChecks([...checks, { id: rowId(), key: "", label: "" }])}
        >
          Add check
        </Button>
      </fieldset>
      <Textarea
        label="Benefits"
        optional
        hint="One per line; partners see these in the portal."
        rows={3}
        value={benefits}
        onChange={(e) => setBenefits(e.target.value)}
        error={errors.benefits}
      />
      <Textarea
        label="Our obligations at this tier"
        optional
        hint="One per line, e.g. Quarterly business review."
        rows={2}
        value={obligations}
        onChange={(e) => setObligations(e.target.value)}
        error={errors.vendorObligations}
      />
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending} loadingText="Saving…">
          {tier ? "Save tier" : "Add tier"}
        </Button>
      </div>
    </form>
  );
}

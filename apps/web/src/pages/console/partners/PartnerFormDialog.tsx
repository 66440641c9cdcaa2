import {
  type CreatePartnerBody,
  type CustomFieldDefinition,
  companySizes,
  createPartnerBody,
  type PartnerRecord,
  partnerTypes,
  regions,
  type UpdatePartnerBody,
  updatePartnerBody,
} from "@symbiont/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { Checkbox, Input, Select, Textarea } from "../../../components/ui/Field";
import { useToast } from "../../../components/ui/Toast";
import { ApiError, api } from "../../../lib/api";
import { errorMessage, type FieldErrors, fieldErrorsFromApi, validate } from "../../../lib/forms";
import { regionLabel, splitList, typeLabel, useCustomFieldDefinitions, useManagers } from "./partnerUi";

interface FormState {
  name: string;
  legalName: string;
  website: string;
  domain: string;
  hqCountry: string;
  size: string;
  types: string[];
  regions: string[];
  industries: string;
  specializations: string;
  tags: string;
  managerId: string;
  description: string;
  custom: Record<string, string>;
}

function initialState(partner?: PartnerRecord): FormState {
  return {
    name: partner?.name ?? "",
    legalName: partner?.legalName ?? "",
    website: partner?.website ?? "",
    domain: partner?.domain ?? "",
    hqCountry: partner?.hqCountry ?? "",
    size: partner?.size ?? "",
    types: partner?.types ?? [],
    regions: partner?.regions ?? [],
    industries: (partner?.industries ?? []).join(", "),
    specializations: (partner?.specializations ?? []).join(", "),
    tags: (partner?.tags ?? []).join(", "),
    managerId: partner?.managerId ?? "",
    description: partner?.description ?? "",
    custom: Object.fromEntries(
      Object.entries(partner?.customFields ?? {}).map(([k, v]) => [k, v === null ? "" : String(v)]),
    ),
  };
}

function customValue(definition: CustomFieldDefinition, raw: string | undefined): string | number | null {
  const value = (raw ?? "").trim();
  if (!value) return null;
  if (definition.type === "number") return Number.isFinite(Number(value)) ? Number(value) : value;
  return value;
}

function toBody(state: FormState, definitions: CustomFieldDefinition[]) {
  let website = state.website.trim();
  if (website && !/^https?:\/\//i.test(website)) website = `https://${website}`;
  return {
    name: state.name,
    legalName: state.legalName.trim() || null,
    website: website || null,
    ...(state.domain.trim() ? { domain: state.domain.trim() } : {}),
    hqCountry: state.hqCountry.trim() || null,
    size: state.size || null,
    types: state.types,
    regions: state.regions,
    industries: splitList(state.industries),
    specializations: splitList(state.specializations),
    tags: splitList(state.tags),
    managerId: state.managerId || null,
    description: state.description.trim() || null,
    customFields: Object.fromEntries(definitions.map((d) => [d.key, customValue(d, state.custom[d.key])])),
  };
}

/** Create or edit a partner; `partner` given means edit. */
export function PartnerFormDialog({
  open,
  onClose,
  partner,
}: {
  open: boolean;
  onClose: () => void;
  partner?: PartnerRecord;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title={partner ? `Edit ${partner.name}` : "New partner"}
      description={partner ? "Change the partner's profile." : "Add an organization to your partner program."}
    >
      {open ? <PartnerForm partner={partner} onDone={onClose} /> : null}
    </Dialog>
  );
}

function PartnerForm({ partner, onDone }: { partner?: PartnerRecord; onDone: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const managers = useManagers();
  const definitions = useCustomFieldDefinitions().data?.items ?? [];
  const [state, setState] = useState<FormState>(() => initialState(partner));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const toggle = (key: "types" | "regions", value: string) =>
    setState((s) => ({ ...s, [key]: s[key].includes(value) ? s[key].filter((v) => v !== value) : [...s[key], value] }));

  const save = useMutation({
    mutationFn: (body: CreatePartnerBody | UpdatePartnerBody) =>
      partner ? api.partners.update(partner.id, body) : api.partners.create(body as CreatePartnerBody),
    onSuccess: (saved) => {
      toast.success(partner ? "Partner updated" : "Partner added", saved.name);
      void queryClient.invalidateQueries({ queryKey: ["console", "partners"] });
      queryClient.setQueryData(["console", "partner", saved.id], saved);
      onDone();
    },
    onError: (error) => {
      const fields = fieldErrorsFromApi(error);
      if (error instanceof ApiError && error.code === "PARTNER_NAME_TAKEN" && !fields.name) fields.name = error.message;
      setErrors(fields);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = toBody(state, definitions);
    const result = partner ? validate(updatePartnerBody, body) : validate(createPartnerBody, body);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.data);
  }

  const err = (key: string) => errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1];

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label={partner ? "Edit partner" : "New partner"}>
      {save.isError && Object.keys(errors).length === 0 ? (
        <Alert tone="danger">{errorMessage(save.error)}</Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label="Display name"
          required
          value={state.name}
          onChange={(e) => set("name", e.target.value)}
          error={err("name")}
          data-autofocus
        />
        <Input
          label="Legal name"
          optional
          value={state.legalName}
          onChange={(e) => set("legalName", e.target.value)}
          error={err("legalName")}
        />
        <Input
          label="Website"
          optional
          type="url"
          inputMode="url"
          placeholder="https://example.com"
          value={state.website}
          onChange={(e) => set("website", e.target.value)}
          error={err("website")}
        />
        <Input
          label="Domain"
          optional
          hint="Derived from the website when empty"
          value={state.domain}
          onChange={(e) => set("domain", e.target.value)}
          error={err("domain")}
        />
        <Input
          label="HQ country"
          optional
          hint="Two-letter ISO code, e.g. US"
          maxLength={2}
          value={state.hqCountry}
          onChange={(e) => set("hqCountry", e.target.value.toUpperCase())}
          error={err("hqCountry")}
        />
        <Select
          label="Company size"
          optional
          value={state.size}
          onChange={(e) => set("size", e.target.value)}
          error={err("size")}
        >
          <option value="">Unknown</option>
          {companySizes.map((size) => (
            <option key={size} value={size}>
              {size} employees
            </option>
          ))}
        </Select>
        <Select
          label="Partner manager"
          optional
          value={state.managerId}
          onChange={(e) => set("managerId", e.target.value)}
          error={err("managerId")}
        >
          <option value="">Unassigned</option>
          {(managers.data?.items ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
        <Input
          label="Tags"
          optional
          hint="Comma-separated"
          value={state.tags}
          onChange={(e) => set("tags", e.target.value)}
          error={err("tags")}
        />
        <Input
          label="Industries"
          optional
          hint="Comma-separated"
          value={state.industries}
          onChange={(e) => set("industries", e.target.value)}
          error={err("industries")}
        />
        <Input
          label="Specializations"
          optional
          hint="Comma-separated"
          value={state.specializations}
          onChange={(e) => set("specializations", e.target.value)}
          error={err("specializations")}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Partner types</legend>
        {err("types") ? <p className="text-sm text-red-700">{err("types")}</p> : null}
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {partnerTypes.map((type) => (
            <Checkbox
              key={type}
              label={typeLabel(type)}
              checked={state.types.includes(type)}
              onChange={() => toggle("types", type)}
            />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Regions served</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-4">
          {regions.map((region) => (
            <Checkbox
              key={region}
              label={regionLabel(region)}
              checked={state.regions.includes(region)}
              onChange={() => toggle("regions", region)}
            />
          ))}
        </div>
      </fieldset>
      <Textarea
        label="Description"
        optional
        value={state.description}
        onChange={(e) => set("description", e.target.value)}
        error={err("description")}
      />
      {definitions.length > 0 ? (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium text-slate-800">Custom fields</legend>
          {definitions.map((d) => (
            <CustomFieldInput
              key={d.id}
              definition={d}
              value={state.custom[d.key] ?? ""}
              error={errors[`customFields.${d.key}`]}
              onChange={(value) => set("custom", { ...state.custom, [d.key]: value })}
            />
          ))}
        </fieldset>
      ) : null}
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending} loadingText="Saving…">
          {partner ? "Save changes" : "Add partner"}
        </Button>
      </div>
    </form>
  );
}

export function CustomFieldInput({
  definition,
  value,
  error,
  onChange,
}: {
  definition: CustomFieldDefinition;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}) {
  const common = { label: definition.label, error, optional: !definition.required, required: definition.required };
  if (definition.type === "select")
    return (
      <Select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {definition.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </Select>
    );
  return (
    <Input
      {...common}
      type={definition.type === "number" ? "number" : definition.type === "date" ? "date" : "text"}
      maxLength={definition.type === "text" ? 2000 : undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

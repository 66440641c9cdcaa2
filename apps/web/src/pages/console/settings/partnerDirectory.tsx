import {
  type CustomFieldDefinition,
  type CustomFieldType,
  createCustomFieldBody,
  customFieldTypes,
  type PartnerEditableField,
  partnerEditableFieldNames,
} from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { Dialog } from "../../../components/ui/Dialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState, ForbiddenState } from "../../../components/ui/ErrorState";
import { Checkbox, Input, Select } from "../../../components/ui/Field";
import { ListIcon, PlusIcon } from "../../../components/ui/icons";
import { type Column, DataTable } from "../../../components/ui/Table";
import { useToast } from "../../../components/ui/Toast";
import { api } from "../../../lib/api";
import { can, useCurrentUser } from "../../../lib/auth";
import { errorMessage, type FieldErrors, fieldErrorsFromApi, validate } from "../../../lib/forms";

const typeLabels: Record<CustomFieldType, string> = { text: "Text", number: "Number", date: "Date", select: "Select" };
const fieldLabels: Record<PartnerEditableField, string> = {
  description: "Description",
  website: "Website",
  regions: "Regions served",
  industries: "Industries",
  specializations: "Specializations",
  size: "Company size",
  hqCountry: "HQ country",
  legalName: "Legal name",
};

/** Settings → Partner fields: custom field definitions and what partner admins may edit. */
export function PartnerDirectorySection() {
  const user = useCurrentUser();
  if (!can(user, "users.manage"))
    return (
      <Card>
        <ForbiddenState what="configure partner fields" />
      </Card>
    );
  return (
    <div className="space-y-6">
      <h2 className="sr-only">Partner fields</h2>
      <CustomFieldsCard />
      <EditableFieldsCard />
    </div>
  );
}

function CustomFieldsCard() {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<CustomFieldDefinition | "new" | null>(null);
  const fields = useQuery({
    queryKey: ["console", "partner-custom-fields"],
    queryFn: ({ signal }) => api.partners.customFields(signal),
  });
  const remove = useMutation({
    mutationFn: (field: CustomFieldDefinition) => api.partners.deleteCustomField(field.id),
    onSuccess: (_, field) => {
      toast.success("Custom field deleted", `${field.label} and its values were removed.`);
      void queryClient.invalidateQueries({ queryKey: ["console", "partner-custom-fields"] });
    },
    onError: (error) => toast.error("Could not delete", errorMessage(error)),
  });
  const columns: Column<CustomFieldDefinition>[] = [
    {
      key: "label",
      header: "Field",
      cell: (f) => (
        <div>
          <p className="font-medium text-slate-900">{f.label}</p>
          <p className="font-mono text-xs text-slate-500">{f.key}</p>
        </div>
      ),
    },
    {
      key: "type",
      header: "Type",
      cell: (f) => (f.type === "select" ? `Select (${f.options.join(", ")})` : typeLabels[f.type]),
    },
    {
      key: "flags",
      header: "Rules",
      hideOnMobile: true,
      cell: (f) => (
        <span className="flex flex-wrap gap-1">
          {f.required ? <Badge tone="warning">Required</Badge> : null}
          {f.partnerEditable ? <Badge tone="info">Partner-editable</Badge> : <Badge>Internal</Badge>}
        </span>
      ),
    },
    {
      key: "actions",
      header: <span className="sr-only">Actions</span>,
      align: "right",
      cell: (f) => (
        <span className="flex justify-end gap-2">
          <Button size="sm" variant="secondary" onClick={() => setEditing(f)}>
            Edit<span className="sr-only"> {f.label}</span>
          </Button>
          <Button
            size="sm"
            variant="ghost"
            loading={remove.isPending && remove.variables?.id === f.id}
            onClick={() => {
              if (window.confirm(`Delete ${f.label}? Its values on every partner are removed.`)) remove.mutate(f);
            }}
          >
            Delete<span className="sr-only"> {f.label}</span>
          </Button>
        </span>
      ),
    },
  ];
  const add = (
    <Button icon={<PlusIcon />} onClick={() => setEditing("new")}>
      New field
    </Button>
  );
  return (
    <Card>
      <CardHeader
        title="Custom fields"
        description="Typed fields on every partner profile. Partner-editable fields are shown to partner admins in the portal; internal ones never are."
        actions={add}
      />
      {fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
      ) : (
        <DataTable
          caption="Custom fields"
          columns={columns}
          rows={fields.data?.items}
          rowKey={(f) => f.id}
          loading={fields.isPending}
          empty={<EmptyState compact headingLevel={3} icon={<ListIcon />} title="No custom fields yet" action={add} />}
        />
      )}
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? "New custom field" : "Edit custom field"}
      >
        {editing !== null ? (
          <CustomFieldForm field={editing === "new" ? undefined : editing} onDone={() => setEditing(null)} />
        ) : null}
      </Dialog>
    </Card>
  );
}

function CustomFieldForm({ field, onDone }: { field?: CustomFieldDefinition | undefined; onDone: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState(field?.label ?? "");
  const [key, setKey] = useState(field?.key ?? "");
  const [type, setType] = useState<CustomFieldType>(field?.type ?? "text");
  const [options, setOptions] = useState((field?.options ?? []).join(", "));
  const [required, setRequired] = useState(field?.required ?? false);
  const [partnerEditable, setPartnerEditable] = useState(field?.partnerEditable ?? false);
  const [position, setPosition] = useState(String(field?.position ?? 0));
  const [errors, setErrors] = useState<FieldErrors>({});
  const optionList = options
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  const save = useMutation({
    mutationFn: () => {
      const common = { label, required, partnerEditable, position: Number(position) || 0 };
      return field
        ? api.partners.updateCustomField(field.id, {
            ...common,
            ...(field.type === "select" ? { options: optionList } : {}),
          })
        : api.partners.createCustomField({
            ...common,
            key,
            type,
            ...(type === "select" ? { options: optionList } : {}),
          });
    },
    onSuccess: (saved) => {
      toast.success(field ? "Custom field saved" : "Custom field added", saved.label);
      void queryClient.invalidateQueries({ queryKey: ["console", "partner-custom-fields"] });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error)),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!field) {
      const result = validate(createCustomFieldBody, {
        key,
        label,
        type,
        ...(type === "select" ? { options: optionList } : {}),
      });
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
    }
    setErrors({});
    save.mutate();
  }
  const isSelect = (field?.type ?? type) === "select";
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label="Custom field">
      {save.isError && Object.keys(errors).length === 0 ? (
        <Alert tone="danger">{errorMessage(save.error)}</Alert>
      ) : null}
      <Input
        label="Label"
        required
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        error={errors.label}
        data-autofocus
      />
      <Input
        label="Key"
        required
        disabled={Boolean(field)}
        hint={
          field ? "The key cannot change" : "Lower-case letters, digits and underscores; used in imports and the API"
        }
        value={key}
        onChange={(e) => setKey(e.target.value)}
        error={errors.key}
      />
      <Select
        label="Type"
        disabled={Boolean(field)}
        value={type}
        onChange={(e) => setType(e.target.value as CustomFieldType)}
      >
        {customFieldTypes.map((t) => (
          <option key={t} value={t}>
            {typeLabels[t]}
          </option>
        ))}
      </Select>
      {isSelect ? (
        <Input
          label="Options"
          hint="Comma-separated"
          value={options}
          onChange={(e) => setOptions(e.target.value)}
          error={errors.options}
        />
      ) : null}
      <Input
        label="Position"
        type="number"
        min={0}
        max={1000}
        value={position}
        onChange={(e) => setPosition(e.target.value)}
        error={errors.position}
      />
      <Checkbox
        label="Required"
        hint="New partners must have a value"
        checked={required}
        onChange={(e) => setRequired(e.target.checked)}
      />
      <Checkbox
        label="Partner-editable"
        hint="Partner admins see and edit it in the portal"
        checked={partnerEditable}
        onChange={(e) => setPartnerEditable(e.target.checked)}
      />
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending} loadingText="Saving…">
          Save field
        </Button>
      </div>
    </form>
  );
}

function EditableFieldsCard() {
  const toast = useToast();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ["console", "partner-directory-settings"],
    queryFn: ({ signal }) => api.partners.directorySettings(signal),
  });
  const [chosen, setChosen] = useState<PartnerEditableField[]>([]);
  useEffect(() => {
    if (settings.data) setChosen(settings.data.partnerEditableFields);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () => api.partners.saveDirectorySettings({ partnerEditableFields: chosen }),
    onSuccess: (saved) => {
      queryClient.setQueryData(["console", "partner-directory-settings"], saved);
      toast.success("Saved", "Partner admins can now edit the fields you chose.");
    },
  });
  return (
    <Card>
      <CardHeader
        title="What partners may edit"
        description="Standard profile fields partner admins may change themselves in the portal. Everything else stays vendor-managed."
      />
      {settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <CardBody>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate();
            }}
            aria-label="Partner-editable fields"
            className="space-y-4"
          >
            {save.isError ? <Alert tone="danger">{errorMessage(save.error)}</Alert> : null}
            <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <legend className="sr-only">Fields partner admins may edit</legend>
              {partnerEditableFieldNames.map((name) => (
                <Checkbox
                  key={name}
                  label={fieldLabels[name]}
                  disabled={settings.isPending}
                  checked={chosen.includes(name)}
                  onChange={() => setChosen((c) => (c.includes(name) ? c.filter((n) => n !== name) : [...c, name]))}
                />
              ))}
            </fieldset>
            <Button type="submit" loading={save.isPending} loadingText="Saving…" disabled={settings.isPending}>
              Save
            </Button>
          </form>
        </CardBody>
      )}
    </Card>
  );
}

import {
  companySizes,
  type OwnPartnerRecord,
  type PartnerEditableField,
  regions,
  type UpdatePartnerBody,
  updatePartnerBody,
} from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../components/ui/Card";
import { ErrorState } from "../../components/ui/ErrorState";
import { Checkbox, Input, Select, Textarea } from "../../components/ui/Field";
import { Skeleton } from "../../components/ui/Spinner";
import { useToast } from "../../components/ui/Toast";
import { api } from "../../lib/api";
import { can, useCurrentUser } from "../../lib/auth";
import { formatDate, initials } from "../../lib/format";
import { errorMessage, type FieldErrors, fieldErrorsFromApi, validate } from "../../lib/forms";
import { CustomFieldInput } from "../console/partners/PartnerFormDialog";
import { Chips, regionLabel, splitList, typeLabel } from "../console/partners/partnerUi";

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** The organization's profile; partner admins edit the fields their vendor allows. */
export function OrganizationCard() {
  const user = useCurrentUser();
  const admin = can(user, "portal.admin");
  const [editing, setEditing] = useState(false);
  const partner = useQuery({ queryKey: ["portal", "partner"], queryFn: ({ signal }) => api.partners.own(signal) });
  const canEdit =
    admin && (partner.data?.editableFields.length ?? 0) + (partner.data?.customFieldDefinitions.length ?? 0) > 0;
  return (
    <Card>
      <CardHeader
        title="Organization"
        description={`Your organization's record with ${user?.workspace.name ?? "your vendor"}.`}
        actions={
          canEdit && !editing ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit profile
            </Button>
          ) : null
        }
      />
      {partner.isPending ? (
        <CardBody className="space-y-3">
          <Skeleton className="h-6 w-1/3" />
          <Skeleton className="h-4 w-1/2" />
        </CardBody>
      ) : partner.isError ? (
        <ErrorState compact error={partner.error} onRetry={() => void partner.refetch()} />
      ) : editing ? (
        <CardBody>
          <OrganizationForm partner={partner.data} onDone={() => setEditing(false)} />
        </CardBody>
      ) : (
        <CardBody>
          <div className="flex items-center gap-4">
            <span
              aria-hidden="true"
              className="flex size-12 shrink-0 items-center justify-center rounded-xl bg-brand-50 text-base font-semibold text-brand-800 ring-1 ring-brand-600/10"
            >
              {initials(partner.data.name)}
            </span>
            <div>
              <p className="text-lg font-semibold text-slate-900">{partner.data.name}</p>
              <p className="text-sm text-slate-500">
                Partner of {user?.workspace.name}
                {partner.data.manager ? ` · your partner manager is ${partner.data.manager.name}` : ""}
              </p>
            </div>
          </div>
          <dl className="mt-5 grid gap-4 sm:grid-cols-3">
            <Detail label="Legal name">{partner.data.legalName ?? "Not set"}</Detail>
            <Detail label="Website">
              {partner.data.website ? (
                <a
                  href={partner.data.website}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-brand-700 hover:underline"
                >
                  {partner.data.website}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              ) : (
                "Not set"
              )}
            </Detail>
            <Detail label="HQ country">{partner.data.hqCountry ?? "Not set"}</Detail>
            <Detail label="Company size">{partner.data.size ?? "Not set"}</Detail>
            <Detail label="Partner types">
              <Chips values={partner.data.types} label={typeLabel} />
            </Detail>
            <Detail label="Regions served">
              <Chips values={partner.data.regions} label={regionLabel} />
            </Detail>
            <Detail label="Industries">
              <Chips values={partner.data.industries} />
            </Detail>
            <Detail label="Specializations">
              <Chips values={partner.data.specializations} />
            </Detail>
            {partner.data.customFieldDefinitions.map((d) => (
              <Detail key={d.id} label={d.label}>
                {partner.data.customFields[d.key] ?? "Not set"}
              </Detail>
            ))}
            <Detail label="Partner since">{formatDate(partner.data.createdAt)}</Detail>
            <Detail label="Your role">{user?.role === "partner_admin" ? "Partner admin" : "Partner user"}</Detail>
          </dl>
          {partner.data.description ? (
            <p className="mt-5 text-sm whitespace-pre-line text-slate-700">{partner.data.description}</p>
          ) : null}
        </CardBody>
      )}
    </Card>
  );
}

const labels: Record<PartnerEditableField, string> = {
  description: "Description",
  website: "Website",
  regions: "Regions served",
  industries: "Industries",
  specializations: "Specializations",
  size: "Company size",
  hqCountry: "HQ country",
  legalName: "Legal name",
};

function OrganizationForm({ partner, onDone }: { partner: OwnPartnerRecord; onDone: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const allowed = new Set(partner.editableFields);
  const [text, setText] = useState({
    description: partner.description ?? "",
    website: partner.website ?? "",
    industries: partner.industries.join(", "),
    specializations: partner.specializations.join(", "),
    size: partner.size ?? "",
    hqCountry: partner.hqCountry ?? "",
    legalName: partner.legalName ?? "",
  });
  const [chosenRegions, setChosenRegions] = useState<string[]>(partner.regions);
  const [custom, setCustom] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(partner.customFields).map(([k, v]) => [k, v === null ? "" : String(v)])),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: UpdatePartnerBody) => api.partners.updateOwn(body),
    onSuccess: (saved) => {
      queryClient.setQueryData(["portal", "partner"], saved);
      toast.success("Profile saved", "Your vendor sees the changes right away.");
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error)),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let website = text.website.trim();
    if (website && !/^https?:\/\//i.test(website)) website = `https://${website}`;
    const all: Record<string, unknown> = {
      description: text.description.trim() || null,
      website: website || null,
      regions: chosenRegions,
      industries: splitList(text.industries),
      specializations: splitList(text.specializations),
      size: text.size || null,
      hqCountry: text.hqCountry.trim() || null,
      legalName: text.legalName.trim() || null,
    };
    const body: Record<string, unknown> = Object.fromEntries(
      Object.entries(all).filter(([key]) => allowed.has(key as PartnerEditableField)),
    );
    if (partner.customFieldDefinitions.length > 0)
      body.customFields = Object.fromEntries(
        partner.customFieldDefinitions.map((d) => {
          const raw = (custom[d.key] ?? "").trim();
          return [d.key, raw === "" ? null : d.type === "number" && Number.isFinite(Number(raw)) ? Number(raw) : raw];
        }),
      );
    const result = validate(updatePartnerBody, body);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.data);
  }

  const input = (key: "website" | "industries" | "specializations" | "hqCountry" | "legalName", hint?: string) =>
    allowed.has(key) ? (
      <Input
        label={labels[key]}
        hint={hint}
        value={text[key]}
        onChange={(e) => setText((t) => ({ ...t, [key]: e.target.value }))}
        error={errors[key]}
        optional
      />
    ) : null;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label="Edit organization profile">
      <Alert tone="info">
        You can edit the fields below. Your name, partner types, tags, tier and other details are managed by your
        vendor; ask your partner manager to change them.
      </Alert>
      {save.isError && Object.keys(errors).length === 0 ? (
        <Alert tone="danger">{errorMessage(save.error)}</Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {input("legalName")}
        {input("website", "e.g. https://example.com")}
        {input("hqCountry", "Two-letter ISO code, e.g. US")}
        {allowed.has("size") ? (
          <Select
            label={labels.size}
            optional
            value={text.size}
            onChange={(e) => setText((t) => ({ ...t, size: e.target.value }))}
            error={errors.size}
          >
            <option value="">Unknown</option>
            {companySizes.map((size) => (
              <option key={size} value={size}>
                {size} employees
              </option>
            ))}
          </Select>
        ) : null}
        {input("industries", "Comma-separated")}
        {input("specializations", "Comma-separated")}
        {partner.customFieldDefinitions.map((d) => (
          <CustomFieldInput
            key={d.id}
            definition={d}
            value={custom[d.key] ?? ""}
            error={errors[`customFields.${d.key}`]}
            onChange={(value) => setCustom((c) => ({ ...c, [d.key]: value }))}
          />
        ))}
      </div>
      {allowed.has("regions") ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{labels.regions}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-4">
            {regions.map((r) => (
              <Checkbox
                key={r}
                label={regionLabel(r)}
                checked={chosenRegions.includes(r)}
                onChange={() => setChosenRegions((c) => (c.includes(r) ? c.filter((x) => x !== r) : [...c, r]))}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      {allowed.has("description") ? (
        <Textarea
          label={labels.description}
          optional
          value={text.description}
          onChange={(e) => setText((t) => ({ ...t, description: e.target.value }))}
          error={errors.description}
        />
      ) : null}
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending} loadingText="Saving…">
          Save profile
        </Button>
      </div>
    </form>
  );
}

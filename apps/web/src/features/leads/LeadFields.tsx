import { Input, Textarea } from "../../components/ui/Field";
import type { FieldErrors } from "../../lib/forms";

export interface LeadFieldValues {
  company: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  domain: string;
  country: string;
  need: string;
  amount: string;
  currency: string;
}

export const emptyLeadFields: LeadFieldValues = {
  company: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  domain: "",
  country: "",
  need: "",
  amount: "",
  currency: "EUR",
};

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());

/** The API body of the common lead fields (amounts typed in major units, sent in minor units). */
export function leadFieldsBody(v: LeadFieldValues) {
  const amount = v.amount.trim() === "" ? null : Math.round(Number(v.amount.replace(/[\s,]/g, "")) * 100);
  return {
    company: v.company,
    contactName: orNull(v.contactName),
    contactEmail: orNull(v.contactEmail),
    contactPhone: orNull(v.contactPhone),
    domain: orNull(v.domain),
    country: orNull(v.country),
    need: orNull(v.need),
    amountMinor: amount !== null && Number.isFinite(amount) ? amount : null,
    currency: amount !== null ? orNull(v.currency) : null,
  };
}

/** Company, contact, need and amount: the fields of a lead or referral. */
export function LeadFields({
  values,
  onChange,
  errors,
}: {
  values: LeadFieldValues;
  onChange: (values: LeadFieldValues) => void;
  errors: FieldErrors;
}) {
  const set = (key: keyof LeadFieldValues) => (event: { target: { value: string } }) =>
    onChange({ ...values, [key]: event.target.value });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Input
        label="Company"
        value={values.company}
        onChange={set("company")}
        error={errors.company}
        required
        className="sm:col-span-2"
      />
      <Input
        label="Contact name"
        value={values.contactName}
        onChange={set("contactName")}
        error={errors.contactName}
        optional
      />
      <Input
        label="Contact email"
        type="email"
        value={values.contactEmail}
        onChange={set("contactEmail")}
        error={errors.contactEmail}
        optional
      />
      <Input
        label="Phone"
        value={values.contactPhone}
        onChange={set("contactPhone")}
        error={errors.contactPhone}
        optional
      />
      <Input
        label="Website or domain"
        value={values.domain}
        onChange={set("domain")}
        error={errors.domain}
        placeholder="example.com"
        optional
      />
      <Input
        label="Country"
        value={values.country}
        onChange={set("country")}
        error={errors.country}
        hint="Two-letter code, e.g. DE"
        maxLength={2}
        optional
      />
      <div className="grid grid-cols-[1fr_6rem] gap-2">
        <Input
          label="Estimated amount"
          inputMode="decimal"
          value={values.amount}
          onChange={set("amount")}
          error={errors.amountMinor}
          optional
        />
        <Input
          label="Currency"
          value={values.currency}
          onChange={set("currency")}
          error={errors.currency}
          maxLength={3}
        />
      </div>
      <Textarea
        label="What do they need?"
        value={values.need}
        onChange={set("need")}
        error={errors.need}
        rows={3}
        optional
        className="sm:col-span-2"
      />
    </div>
  );
}

// From request fields to stored columns (with the match keys derived by the conflict engine).
import type { registrationFields, UpdateRegistrationBody } from "@symbiont/contracts";
import type { z } from "zod";
import { fieldError } from "../../platform/errors";
import { isKnownCurrency, minorDigits } from "../revenue";
import { candidateColumns, emailDomain } from "./conflicts";
import type { RegistrationRow } from "./deals.queries";
import type { dealRegistrations } from "./deals.schema";

type Fields = Partial<z.output<typeof registrationFields>>;
export type RegistrationChanges = Partial<typeof dealRegistrations.$inferInsert>;

/** The columns a (partial) body sets; `current` supplies the rest for the derived keys. */
export function columnsFrom(body: Fields, current: Partial<RegistrationRow>, prefix = "body"): RegistrationChanges {
  const out: RegistrationChanges = {};
  if (body.companyName !== undefined) out.companyName = body.companyName;
  if (body.website !== undefined) out.website = body.website ?? null;
  if (body.country !== undefined) out.country = body.country ?? null;
  if (body.contactName !== undefined) out.contactName = body.contactName ?? null;
  if (body.contactEmail !== undefined) out.contactEmail = body.contactEmail ?? null;
  if (body.contactPhone !== undefined) out.contactPhone = body.contactPhone || null;
  if (body.expectedCloseOn !== undefined) out.expectedCloseOn = body.expectedCloseOn ?? null;
  if (body.products !== undefined) out.products = [...new Set(body.products)];
  if (body.useCase !== undefined) out.useCase = body.useCase ?? null;
  if (body.incumbent !== undefined) out.incumbent = body.incumbent ?? null;
  if (body.notes !== undefined) out.notes = body.notes ?? null;
  if (body.currency !== undefined) {
    if (body.currency && !isKnownCurrency(body.currency))
      throw fieldError(`${prefix}.currency`, "Unknown currency code");
    out.currency = body.currency ?? null;
  }
  if (body.amount !== undefined || body.currency !== undefined) {
    const currency = out.currency !== undefined ? out.currency : (current.currency ?? null);
    const amount =
      body.amount !== undefined
        ? body.amount
        : current.amountMinor != null && current.currency
          ? current.amountMinor / 10 ** minorDigits(current.currency)
          : null;
    if (amount !== null && amount !== undefined) {
      if (!currency) throw fieldError(`${prefix}.currency`, "Choose the currency of the amount");
      out.amountMinor = Math.round(amount * 10 ** minorDigits(currency));
    } else {
      out.amountMinor = null;
    }
  }
  const merged = { ...current, ...out };
  const keys = candidateColumns({
    id: "",
    kind: "registration",
    name: merged.companyName ?? "",
    domain: merged.website ?? null,
    emailDomain: emailDomain(merged.contactEmail ?? null) ?? null,
    phone: merged.contactPhone ?? null,
    country: merged.country ?? null,
  });
  out.nameNormalized = keys.name_normalized;
  out.nameKeys = keys.name_keys;
  out.domain = keys.domain;
  out.emailDomain = keys.email_domain;
  out.phoneE164 = keys.phone_e164;
  return out;
}

/** The body's fields the current state does not allow to change, as validation issues. */
export function lockedFields(body: UpdateRegistrationBody, editable: readonly string[]): string[] {
  return Object.keys(body).filter(
    (key) => (body as Record<string, unknown>)[key] !== undefined && !editable.includes(key),
  );
}

// Normalization of the keys a conflict check compares: registrable domains, free-mail detection,
// company names and phone numbers. Pure functions, no I/O.
import { domainToASCII } from "node:url";
import freeMailList from "email-providers/all.json" with { type: "json" };
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";
import { getDomain } from "tldts";
import { stripLegalForms } from "./legal-forms";

// email-providers (ISC) lists ~8,700 free and consumer mail domains; a few common ones it lacks
// (newer brands and regional portals) are added here.
const EXTRA_FREE_MAIL = ["proton.me", "pm.me", "hey.com", "tutanota.com", "tuta.io", "duck.com", "skiff.com"];
const FREE_MAIL = new Set<string>([...(freeMailList as string[]), ...EXTRA_FREE_MAIL].map((d) => d.toLowerCase()));

/**
 * The registrable domain (eTLD+1) of a URL, host name or e-mail address, using the public suffix
 * list with private suffixes honoured (`foo.github.io` and `bar.github.io` stay distinct;
 * `shop.example.co.uk` → `example.co.uk`). Internationalized names come back in punycode so both
 * spellings compare equal. Undefined for IPs, bare words and empty input.
 */
export function registrableDomain(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  let value = input.trim().toLowerCase();
  if (value === "") return undefined;
  const at = value.lastIndexOf("@");
  if (at >= 0) value = value.slice(at + 1);
  // Strip scheme, path, port and a trailing dot so tldts sees a bare host.
  value = value
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/[/?#:].*$/, "")
    .replace(/\.+$/, "");
  if (value === "") return undefined;
  const ascii = domainToASCII(value) || value;
  const domain = getDomain(ascii, { allowPrivateDomains: true, extractHostname: false, validateHostname: true });
  return domain ?? undefined;
}

/** The registrable domain of an e-mail address, or undefined when it is a free-mail provider. */
export function emailDomain(email: string | null | undefined): string | undefined {
  if (!email?.includes("@")) return undefined;
  const domain = registrableDomain(email);
  return domain && !isFreeMailDomain(domain) ? domain : undefined;
}

/** True for consumer mail providers (gmail.com, gmx.de, outlook.com …), which identify no company. */
export function isFreeMailDomain(domainOrEmail: string | null | undefined): boolean {
  if (!domainOrEmail) return false;
  const host = domainOrEmail.slice(domainOrEmail.lastIndexOf("@") + 1).toLowerCase();
  if (FREE_MAIL.has(host)) return true;
  const domain = registrableDomain(host);
  return domain !== undefined && FREE_MAIL.has(domain);
}

/** A company domain worth comparing: registrable and not a free-mail provider. */
export function companyDomain(input: string | null | undefined): string | undefined {
  const domain = registrableDomain(input);
  return domain && !isFreeMailDomain(domain) ? domain : undefined;
}

// Letters NFKD does not decompose into ASCII.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/**
 * Case, diacritics and punctuation folding shared by names and tokens: NFKD with combining marks
 * removed, lower case, `&`/`+` → "and", a trailing ".com" dropped, single-letter dotted abbreviations joined ("S.p.A." →
 * "spa"), apostrophes dropped ("McDonald's" → "mcdonalds"), other punctuation → space.
 */
export function foldText(input: string): string {
  let text = input
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  text = text.replace(/[ßæœøłđðþı]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch);
  text = text.replace(/[&+]/g, " and ");
  // "Amazon.com" is a trading name for "Amazon"; "A/S", "I/S" are one designation.
  text = text.replace(/(\p{L})\.(?:com|net|org|io|ai)\b/gu, "$1");
  text = text.replace(/\b(\p{L})\/(\p{L})\b/gu, "$1$2");
  text = text.replace(/\b\p{L}(?:\.\p{L})+\b\.?/gu, (abbr) => abbr.replace(/\./g, ""));
  text = text.replace(/['’`´]/g, "");
  text = text.replace(/[^\p{L}\p{N}]+/gu, " ");
  return text.trim().replace(/\s+/g, " ");
}

/**
 * The comparable form of a company name: folded (see `foldText`), legal-form designations stripped
 * (see legal-forms.ts), a leading "the" dropped. "Société Générale S.A." → "societe generale",
 * "Procter & Gamble Co." → "procter and gamble", "Contoso Systems GmbH & Co. KG" → "contoso systems".
 */
export function normalizeCompanyName(name: string | null | undefined): string {
  if (!name) return "";
  let tokens = foldText(name).split(" ").filter(Boolean);
  if (tokens.length > 1 && tokens[0] === "the") tokens = tokens.slice(1);
  return stripLegalForms(tokens).join(" ");
}

/** Tokens of a normalized name in order, without the connective "and" (it carries no identity).
 * Repeats are kept: "Johnson & Johnson" is not contained in "Johnson Controls". */
export function nameTokens(normalizedName: string): string[] {
  return normalizedName.split(" ").filter((t) => t !== "" && t !== "and");
}

/** The name without spaces, so "Coca Cola" and "CocaCola" compare equal. */
export function compactName(normalizedName: string): string {
  return normalizedName.replace(/ and /g, " ").replace(/ /g, "");
}

/** A phone number in E.164 ("+4930123456"), or undefined when it cannot be a valid number. */
export function toE164(phone: string | null | undefined, defaultCountry?: string | null): string | undefined {
  if (!phone) return undefined;
  const country = defaultCountry?.toUpperCase();
  const parsed = parsePhoneNumberFromString(phone, isCountryCode(country) ? country : undefined);
  return parsed?.isPossible() ? parsed.number : undefined;
}

function isCountryCode(value: string | undefined): value is CountryCode {
  return value !== undefined && /^[A-Z]{2}$/.test(value);
}

/** ISO 3166-1 alpha-2 in upper case, or undefined. */
export function normalizeCountry(country: string | null | undefined): string | undefined {
  const value = country?.trim().toUpperCase();
  return value && /^[A-Z]{2}$/.test(value) ? value : undefined;
}

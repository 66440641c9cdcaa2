import { accountStatuses, companySizes, type ImportRowError } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../../db";
import { countryFromText, defineImportKind, type ImportField, type ValidRow } from "../../platform/imports";
import { accountMatchKeys } from "./accounts.keys";
import { type AccountUpsertRow, upsertAccounts } from "./accounts.upsert";

export const accountImportFields: readonly ImportField[] = [
  {
    key: "name",
    label: "Name",
    required: true,
    aliases: ["account", "account name", "company", "company name", "organization", "organisation", "customer"],
  },
  { key: "website", label: "Website", aliases: ["web site", "url", "homepage", "home page", "site", "web"] },
  { key: "domain", label: "Domain", aliases: ["email domain", "company domain"] },
  { key: "country", label: "Country", aliases: ["country code", "billing country", "hq country", "headquarters"] },
  { key: "region", label: "Region", aliases: ["sales region", "territory", "geo"] },
  { key: "industry", label: "Industry", aliases: ["vertical", "sector", "segment"] },
  {
    key: "size",
    label: "Size",
    aliases: ["company size", "employees", "employee count", "headcount", "size band"],
    description: companySizes.join(", "),
  },
  { key: "phone", label: "Phone", aliases: ["phone number", "telephone", "tel"] },
  {
    key: "ownerEmail",
    label: "Owner email",
    aliases: ["owner", "account owner", "owner e mail", "sales rep", "account manager"],
    description: "Email of a staff user of this workspace",
  },
  {
    key: "status",
    label: "Status",
    aliases: ["account status", "type", "account type", "lifecycle"],
    description: accountStatuses.join(", "),
  },
  { key: "customerSince", label: "Customer since", aliases: ["customer since date", "first purchase", "won date"] },
  {
    key: "externalId",
    label: "External id",
    aliases: ["id", "account id", "crm id", "salesforce id", "hubspot id", "record id", "external id"],
    description: "The CRM id; importing the same id again updates the account",
  },
  {
    key: "lists",
    label: "Lists",
    list: true,
    aliases: ["list", "named account lists", "named accounts", "account lists"],
    description: "Names of existing named-account lists, separated by ; or |",
  },
];

const optionalText = (max: number, what: string) =>
  z
    .string()
    .max(max, { message: `${what} is longer than ${max} characters` })
    .optional();

const statusLookup = new Map<string, string>(accountStatuses.map((s) => [s, s]));
statusLookup.set("client", "customer");
statusLookup.set("lead", "prospect");
statusLookup.set("former customer", "churned");
statusLookup.set("lost", "churned");

/** One CSV row of the accounts import, cells as text (see `ImportKind.validateRow`). */
export const accountImportRow = z.object({
  name: z.string().min(1, { message: "Enter a name" }).max(200, { message: "Name is longer than 200 characters" }),
  website: optionalText(300, "Website"),
  domain: z
    .string()
    .max(253)
    .refine((v) => accountMatchKeys({ name: "x", domain: v }).domain !== null, {
      message: "is not a company domain (free-mail and malformed domains are refused)",
    })
    .optional(),
  country: z
    .string()
    .transform((value, ctx) => {
      const code = countryFromText(value);
      if (!code) ctx.addIssue({ code: "custom", message: `"${value}" is not a known country` });
      return code ?? value;
    })
    .optional(),
  region: optionalText(40, "Region"),
  industry: optionalText(100, "Industry"),
  size: z.enum(companySizes, { message: `Use a size band: ${companySizes.join(", ")}` }).optional(),
  phone: optionalText(40, "Phone"),
  ownerEmail: z.email({ message: "Enter the owner's email address" }).max(254).optional(),
  status: z
    .string()
    .transform((value, ctx) => {
      const status = statusLookup.get(value.trim().toLowerCase());
      if (!status)
        ctx.addIssue({ code: "custom", message: `"${value}" is not a status (${accountStatuses.join(", ")})` });
      return status ?? value;
    })
    .optional(),
  customerSince: z.iso.date({ message: "Use a date such as 2026-03-02" }).optional(),
  externalId: optionalText(120, "External id"),
  lists: z.array(z.string().max(120)).max(20, { message: "Use at most 20 lists" }).optional(),
});
export type AccountImportRow = z.infer<typeof accountImportRow>;

/** Duplicates in the file, unknown owners and lists, and how many rows update existing accounts. */
export async function checkAccountRows(db: DbOrTx, workspaceId: string, rows: readonly ValidRow<AccountImportRow>[]) {
  const errors: ImportRowError[] = [];
  const byExternal = new Map<string, number>();
  const byDomain = new Map<string, number>();
  const domains: string[] = [];
  for (const { row, value } of rows) {
    if (value.externalId) {
      const first = byExternal.get(value.externalId);
      if (first) errors.push(duplicate(row, "externalId", `${value.externalId} also appears on line ${first}`));
      else byExternal.set(value.externalId, row);
    }
    const domain = accountMatchKeys({ name: value.name, website: value.website, domain: value.domain }).domain;
    domains.push(domain ?? "");
    if (!domain) continue;
    const first = byDomain.get(domain);
    const field = value.domain ? "domain" : "website";
    if (first) errors.push(duplicate(row, field, `${domain} also appears on line ${first}`));
    else byDomain.set(domain, row);
  }
  const emails = [...new Set(rows.flatMap((r) => (r.value.ownerEmail ? [r.value.ownerEmail.toLowerCase()] : [])))];
  const lists = [...new Set(rows.flatMap((r) => (r.value.lists ?? []).map((l) => l.toLowerCase())))];
  const externalIds = rows.map((r) => r.value.externalId ?? "");
  const [known] = (
    await db.execute<{ emails: string[]; lists: string[]; updates: number }>(sql`
      select
        array(select lower(u.email) from users u where u.workspace_id = ${workspaceId}::uuid and u.partner_id is null
          and lower(u.email) = any(${sql.param(emails)}::text[])) as emails,
        array(select lower(l.name) from account_lists l where l.workspace_id = ${workspaceId}::uuid
          and l.archived_at is null and lower(l.name) = any(${sql.param(lists)}::text[])) as lists,
        (select count(*)::int from unnest(${sql.param(externalIds)}::text[], ${sql.param(domains)}::text[]) as f(e, d)
          where (f.e <> '' and exists (select 1 from accounts a where a.workspace_id = ${workspaceId}::uuid
              and a.external_id = f.e))
            or (f.d <> '' and exists (select 1 from accounts a where a.workspace_id = ${workspaceId}::uuid
              and a.domain = f.d))) as updates`)
  ).rows;
  const knownEmails = new Set(known?.emails ?? []);
  const knownLists = new Set(known?.lists ?? []);
  for (const { row, value } of rows) {
    if (value.ownerEmail && !knownEmails.has(value.ownerEmail.toLowerCase()))
      errors.push(duplicate(row, "ownerEmail", `${value.ownerEmail} is not a staff user of this workspace`));
    for (const list of value.lists ?? [])
      if (!knownLists.has(list.toLowerCase()))
        errors.push(duplicate(row, "lists", `There is no named-account list "${list}"; create it first`));
  }
  return { errors, willUpdate: known?.updates ?? 0 };
}

const duplicate = (row: number, field: string, message: string): ImportRowError => ({
  row,
  column: null,
  field,
  message,
});

/** The `accounts` import kind: CSV rows upserted by external id, else by registrable domain. */
export const accountsImportKind = defineImportKind<AccountImportRow>({
  kind: "accounts",
  label: "Accounts",
  roles: ["admin", "partner_manager"],
  fields: accountImportFields,
  validateRow: accountImportRow,
  checkRows: checkAccountRows,
  async writeBatch(tx, context, rows) {
    const input: AccountUpsertRow[] = rows.map(({ value }) => ({ ...value }));
    const outcomes = await upsertAccounts(tx, context.source, context.workspaceId, input, "import");
    const created = outcomes.filter((o) => o.created).length;
    return { created, updated: outcomes.length - created };
  },
});

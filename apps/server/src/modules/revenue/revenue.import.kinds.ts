import { type ImportRowError, revenueEventKinds } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../../db";
import { defineImportKind, type ImportField, type ValidRow } from "../../platform/imports";
import { parseCrmAmount } from "./revenue.crm";
import { writeRevenueEvents } from "./revenue.events.service";
import { isKnownCurrency, reportingCurrencyOf } from "./revenue.fx";
import {
  type CrmOpportunityRow,
  crmOpportunityFields,
  crmOpportunityRow,
  writeCrmOpportunities,
} from "./revenue.import.crm";
import { writeFxRates } from "./revenue.rates.service";
import { bulkPath } from "./revenue.refs";

const rowError = (row: number, field: string, message: string): ImportRowError => ({
  row,
  column: null,
  field,
  message,
});
const textArray = (values: readonly string[]) => sql.param(values);

/** Repeated ids in a file, reported on the later lines. */
function duplicatesOf<T>(rows: readonly ValidRow<T>[], idOf: (v: T) => string | undefined, field: string) {
  const errors: ImportRowError[] = [];
  const first = new Map<string, number>();
  for (const { row, value } of rows) {
    const id = idOf(value);
    if (!id) continue;
    const earlier = first.get(id);
    if (earlier) errors.push(rowError(row, field, `${id} also appears on line ${earlier}`));
    else first.set(id, row);
  }
  return errors;
}

async function existingExternalIds(db: DbOrTx, table: string, workspaceId: string, ids: string[]): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from ${sql.raw(table)}
    where workspace_id = ${workspaceId}::uuid and external_id = any(${textArray(ids)}::text[])`);
  return Number(result.rows[0]?.n ?? 0);
}

/** A typical CRM opportunity export, as-is (see `revenue.import.crm.ts`). */
export const opportunitiesImportKind = defineImportKind<CrmOpportunityRow>({
  kind: "opportunities",
  label: "Opportunities (CRM export)",
  roles: ["admin", "partner_manager", "finance"],
  fields: crmOpportunityFields,
  validateRow: crmOpportunityRow,
  async checkRows(db, workspaceId, rows) {
    const errors = duplicatesOf(rows, (v) => v.externalId, "externalId");
    const willUpdate = await existingExternalIds(
      db,
      "opportunities",
      workspaceId,
      rows.map((r) => r.value.externalId),
    );
    return { errors, willUpdate };
  },
  async writeBatch(tx, context, rows) {
    const result = await writeCrmOpportunities(
      tx,
      context.source,
      context.workspaceId,
      rows.map((r) => r.value),
    );
    return { created: result.created, updated: result.updated };
  },
});

// ── revenue events ─────────────────────────────────────────────────────────

const revenueEventFields: readonly ImportField[] = [
  { key: "externalId", label: "Event id", required: true, aliases: ["id", "event id", "invoice id", "external id"] },
  {
    key: "account",
    label: "Account",
    required: true,
    aliases: ["account", "account name", "customer", "account id", "company"],
    description: "The account's CRM id or its name as in the account book",
  },
  {
    key: "kind",
    label: "Kind",
    required: true,
    aliases: ["type", "event type", "movement"],
    description: revenueEventKinds.join(", "),
  },
  {
    key: "occurredOn",
    label: "Date",
    required: true,
    aliases: ["date", "event date", "occurred on", "effective date"],
  },
  { key: "amount", label: "Amount", required: true, aliases: ["amount", "arr", "mrr", "value", "recurring amount"] },
  { key: "currency", label: "Currency", aliases: ["currency", "currency code"] },
  { key: "note", label: "Note", aliases: ["note", "notes", "comment", "description"] },
];

const upperCurrency = z
  .string()
  .transform((c) => c.toUpperCase())
  .refine(isKnownCurrency, { message: "Use an ISO 4217 code such as USD" })
  .optional();

export const revenueEventImportRow = z
  .object({
    externalId: z.string().min(1).max(200),
    account: z.string().min(1).max(300),
    kind: z
      .string()
      .transform((k) => k.trim().toLowerCase())
      .pipe(z.enum(revenueEventKinds, { message: `Use one of ${revenueEventKinds.join(", ")}` })),
    occurredOn: z.iso.date({ message: "Use a date such as 2026-03-31" }),
    amount: z.string().max(40),
    currency: upperCurrency,
    note: z.string().max(2000).optional(),
  })
  .superRefine((row, ctx) => {
    if (Number.isNaN(parseCrmAmount(row.amount, row.currency ?? "USD")))
      ctx.addIssue({ code: "custom", path: ["amount"], message: `“${row.amount}” is not an amount of 0 or more` });
  });
type RevenueEventImportRow = z.output<typeof revenueEventImportRow>;

/** Account ids by CRM id or by (case-insensitive) name; ambiguous names are left out. */
async function resolveAccounts(db: DbOrTx, workspaceId: string, refs: string[]): Promise<Map<string, string>> {
  const result = await db.execute<{ ref: string; id: string }>(sql`
    select r.ref, min(a.id::text) as id from unnest(${textArray(refs)}::text[]) as r(ref)
    join accounts a on a.workspace_id = ${workspaceId}::uuid
      and (a.id::text = r.ref or a.external_id = r.ref or lower(a.name) = lower(r.ref))
    group by r.ref having count(distinct a.id) = 1`);
  return new Map(result.rows.map((r) => [r.ref, r.id]));
}

export const revenueEventsImportKind = defineImportKind<RevenueEventImportRow>({
  kind: "revenue-events",
  label: "Revenue events",
  roles: ["admin", "finance"],
  fields: revenueEventFields,
  validateRow: revenueEventImportRow,
  async checkRows(db, workspaceId, rows) {
    const errors = duplicatesOf(rows, (v) => v.externalId, "externalId");
    const accounts = await resolveAccounts(db, workspaceId, [...new Set(rows.map((r) => r.value.account))]);
    for (const { row, value } of rows)
      if (!accounts.has(value.account))
        errors.push(rowError(row, "account", `No single account has the id or name “${value.account}”`));
    const willUpdate = await existingExternalIds(
      db,
      "revenue_events",
      workspaceId,
      rows.map((r) => r.value.externalId),
    );
    return { errors, willUpdate };
  },
  async writeBatch(tx, context, rows) {
    const reporting = await reportingCurrencyOf(tx, context.workspaceId);
    const accounts = await resolveAccounts(tx, context.workspaceId, [...new Set(rows.map((r) => r.value.account))]);
    const items = rows.map(({ value }) => {
      const currency = value.currency ?? reporting;
      return {
        externalId: value.externalId,
        accountId: accounts.get(value.account) ?? "",
        kind: value.kind,
        occurredOn: value.occurredOn,
        amountMinor: parseCrmAmount(value.amount, currency) ?? 0,
        currency,
        note: value.note ?? null,
      };
    });
    const result = await writeRevenueEvents(tx, context.source, context.workspaceId, items);
    return { created: result.created, updated: result.updated };
  },
});

// ── FX rates ───────────────────────────────────────────────────────────────

const fxRateFields: readonly ImportField[] = [
  { key: "currency", label: "Currency", required: true, aliases: ["currency", "code", "from", "currency code"] },
  { key: "rateDate", label: "Date", required: true, aliases: ["date", "rate date", "day", "as of"] },
  {
    key: "rate",
    label: "Rate",
    required: true,
    aliases: ["rate", "fx rate", "exchange rate", "value"],
    description: "Reporting-currency units per one unit of the currency",
  },
  { key: "source", label: "Source", aliases: ["source", "provider"] },
];

export const fxRateImportRow = z.object({
  currency: z
    .string()
    .transform((c) => c.toUpperCase())
    .refine(isKnownCurrency, { message: "Use an ISO 4217 code such as EUR" }),
  rateDate: z.iso.date({ message: "Use a date such as 2026-03-31" }),
  rate: z
    .string()
    .regex(/^\d+(\.\d+)?$/, { message: "Use a positive decimal number such as 1.0856" })
    .transform(Number)
    .refine((r) => r > 0, { message: "Use a rate above 0" }),
  source: z.string().max(200).optional(),
});
type FxRateImportRow = z.output<typeof fxRateImportRow>;

export const fxRatesImportKind = defineImportKind<FxRateImportRow>({
  kind: "fx-rates",
  label: "FX rates",
  roles: ["admin", "finance"],
  fields: fxRateFields,
  validateRow: fxRateImportRow,
  async checkRows(db, workspaceId, rows) {
    const reporting = await reportingCurrencyOf(db, workspaceId);
    const errors = duplicatesOf(rows, (v) => `${v.currency} on ${v.rateDate}`, "rateDate");
    for (const { row, value } of rows)
      if (value.currency === reporting)
        errors.push(rowError(row, "currency", `${reporting} is the reporting currency (its rate is always 1)`));
    return { errors };
  },
  async writeBatch(tx, context, rows) {
    const result = await writeFxRates(
      tx,
      context.source,
      context.workspaceId,
      rows.map((r) => ({ ...r.value, source: r.value.source ?? "import" })),
      bulkPath,
    );
    return { created: result.rates, updated: 0, skipped: rows.length - result.rates };
  },
});

import type { BulkUpsertResult, UpsertOpportunityItem } from "@symbiont/contracts";
import { z } from "zod";
import type { Tx } from "../../db";
import type { AuditSource } from "../../platform/audit";
import { ensureAccount } from "../accounts";
import { upsertOpportunities } from "./revenue.bulk";
import { outcomeOfStage, parseCrmAmount, parseCrmDate, variantKey } from "./revenue.crm";
import { isKnownCurrency, reportingCurrencyOf } from "./revenue.fx";
import { bulkPath } from "./revenue.refs";

/** The columns of a typical CRM opportunity export and the header spellings that suggest them. */
export const crmOpportunityFields = [
  {
    key: "externalId",
    label: "Opportunity id",
    required: true,
    aliases: ["opportunity id", "opportunity_id", "id", "deal id", "crm id", "record id", "external id"],
    description: "The CRM id; importing the same id again updates the opportunity",
  },
  { key: "name", label: "Name", aliases: ["opportunity name", "deal name", "title"] },
  {
    key: "ownerName",
    label: "Owner",
    aliases: ["sales agent", "sales_agent", "owner", "opportunity owner", "agent", "rep"],
  },
  { key: "product", label: "Product", aliases: ["product", "products", "product name", "sku"] },
  { key: "accountName", label: "Account", aliases: ["account", "account name", "company", "customer"] },
  {
    key: "stage",
    label: "Stage",
    required: true,
    aliases: ["deal stage", "deal_stage", "stage", "status"],
    description: "Won / Closed Won → won, Lost / Closed Lost → lost, anything else is open",
  },
  {
    key: "openedAt",
    label: "Created",
    aliases: ["engage date", "engage_date", "created date", "create date", "created", "created at", "open date"],
  },
  { key: "closedAt", label: "Closed", aliases: ["close date", "close_date", "closed date", "closed at"] },
  { key: "amount", label: "Amount", aliases: ["close value", "close_value", "amount", "value", "deal value"] },
  { key: "currency", label: "Currency", aliases: ["currency", "currency code"] },
] as const;

const text = (max: number) =>
  z
    .string()
    .max(max, { message: `Use at most ${max} characters` })
    .optional();
const dateCell = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const iso = parseCrmDate(value);
    if (!iso) ctx.addIssue({ code: "custom", message: `“${value}” is not a date (use 2017-03-01)` });
    return iso;
  });

/** One row of a CRM export, validated (cells arrive trimmed; empty cells are absent). */
export const crmOpportunityRow = z
  .object({
    externalId: z.string().min(1, { message: "Give the opportunity id" }).max(200),
    name: text(300),
    ownerName: text(200),
    product: text(200),
    accountName: text(300),
    stage: z.string().min(1, { message: "Give the stage" }).max(80),
    openedAt: dateCell,
    closedAt: dateCell,
    amount: z.string().max(40).optional(),
    currency: z
      .string()
      .optional()
      .refine((c) => c === undefined || isKnownCurrency(c.toUpperCase()), {
        message: "Use an ISO 4217 code such as USD",
      }),
  })
  .superRefine((row, ctx) => {
    const outcome = outcomeOfStage(row.stage);
    if (row.amount !== undefined && Number.isNaN(parseCrmAmount(row.amount, row.currency?.toUpperCase() ?? "USD")))
      ctx.addIssue({ code: "custom", path: ["amount"], message: `“${row.amount}” is not an amount of 0 or more` });
    if (outcome !== "open" && !row.closedAt)
      ctx.addIssue({ code: "custom", path: ["closedAt"], message: `A ${outcome} deal needs its close date` });
    if (outcome !== "open" && !row.openedAt)
      ctx.addIssue({ code: "custom", path: ["openedAt"], message: `A ${outcome} deal needs its created date` });
    if (row.openedAt && row.closedAt && row.closedAt < row.openedAt)
      ctx.addIssue({ code: "custom", path: ["closedAt"], message: "The close date is before the created date" });
  });
export type CrmOpportunityRow = z.output<typeof crmOpportunityRow>;

/**
 * Writes validated CRM rows in the caller's transaction: accounts are found or created through
 * `ensureAccount` once per spelling group (spellings that differ only in case, spaces or punctuation
 * land on one account), then every row is upserted by its CRM id in one set-based statement. Open
 * deals without a created date take `now`; cells keep the source's spelling for the variants report.
 */
export async function writeCrmOpportunities(
  tx: Tx,
  source: AuditSource,
  workspaceId: string,
  rows: readonly CrmOpportunityRow[],
  now = new Date(),
): Promise<BulkUpsertResult> {
  const reporting = await reportingCurrencyOf(tx, workspaceId);
  const spellingsByKey = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (!row.accountName) continue;
    const key = variantKey(row.accountName);
    const counts = spellingsByKey.get(key) ?? new Map<string, number>();
    counts.set(row.accountName, (counts.get(row.accountName) ?? 0) + 1);
    spellingsByKey.set(key, counts);
  }
  const accountByKey = new Map<string, string>();
  for (const [key, counts] of spellingsByKey) {
    const canonical = [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
    const { account } = await ensureAccount(tx, source, { workspaceId, name: canonical, via: "import" });
    accountByKey.set(key, account.id);
  }
  const items: UpsertOpportunityItem[] = rows.map((row) => {
    const outcome = outcomeOfStage(row.stage);
    const currency = row.currency?.toUpperCase() ?? reporting;
    const amountMinor = row.amount === undefined ? null : parseCrmAmount(row.amount, currency);
    return {
      externalId: row.externalId,
      name: row.name ?? [row.accountName, row.product].filter(Boolean).join(" – ") ?? row.externalId,
      accountId: row.accountName ? (accountByKey.get(variantKey(row.accountName)) ?? null) : null,
      accountName: row.accountName ?? null,
      stage: row.stage,
      outcome,
      amountMinor,
      currency: amountMinor === null ? null : currency,
      openedAt: row.openedAt ?? now.toISOString(),
      closedAt: outcome === "open" ? null : row.closedAt,
      expectedCloseOn: outcome === "open" && row.closedAt ? row.closedAt.slice(0, 10) : null,
      products: row.product ? [row.product] : [],
      source: "direct",
      sourcingPartnerId: null,
      ownerName: row.ownerName ?? null,
    };
  });
  for (const item of items) if (!item.name) item.name = item.externalId;
  return upsertOpportunities(tx, source, workspaceId, items, bulkPath);
}

import type { BulkUpsertResult, UpsertOpportunityItem } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { Tx } from "../../db";
import { type AuditSource, recordAuditMany } from "../../platform/audit";
import { recomputeOpportunityAmounts } from "./revenue.recompute";
import { checkCurrencies, checkDuplicateExternalIds, checkReferences, type FieldPath, IssueList } from "./revenue.refs";

const CHUNK = 5000;

/** Rows that passed the schema; every check below is about the workspace's data. */
export async function validateOpportunityItems(
  tx: Tx,
  workspaceId: string,
  items: readonly UpsertOpportunityItem[],
  path: FieldPath,
): Promise<void> {
  const issues = new IssueList();
  checkDuplicateExternalIds(items, path, issues);
  checkCurrencies(items, path, issues);
  await checkReferences(
    tx,
    workspaceId,
    "accounts",
    items.map((i) => i.accountId),
    "accountId",
    path,
    issues,
    "account",
  );
  await checkReferences(
    tx,
    workspaceId,
    "partners",
    items.map((i) => i.sourcingPartnerId),
    "sourcingPartnerId",
    path,
    issues,
    "partner",
  );
  issues.throwIfAny();
}

/**
 * Idempotent upsert by CRM id: one `insert … on conflict (workspace_id, external_id) do update`
 * statement per 5,000 rows over a JSON array, then one set-based FX recomputation and bulk audit
 * entries. Runs in the caller's transaction, so a batch lands whole or not at all.
 */
export async function upsertOpportunities(
  tx: Tx,
  source: AuditSource,
  workspaceId: string,
  items: readonly UpsertOpportunityItem[],
  path: FieldPath,
): Promise<BulkUpsertResult> {
  await validateOpportunityItems(tx, workspaceId, items, path);
  const ids: string[] = [];
  let created = 0;
  for (let start = 0; start < items.length; start += CHUNK) {
    const rows = items.slice(start, start + CHUNK).map((i) => ({
      external_id: i.externalId,
      name: i.name,
      account_id: i.accountId ?? null,
      account_name: i.accountName ?? null,
      stage: i.stage ?? i.outcome,
      outcome: i.outcome,
      amount_minor: i.amountMinor ?? null,
      currency: i.currency ?? null,
      opened_at: i.openedAt,
      closed_at: i.closedAt ?? null,
      expected_close_on: i.expectedCloseOn ?? null,
      products: i.products ?? [],
      source: i.source,
      sourcing_partner_id: i.sourcingPartnerId ?? null,
      owner_name: i.ownerName ?? null,
    }));
    const result = await tx.execute<{
      id: string;
      external_id: string;
      inserted: boolean;
      name: string;
      outcome: string;
      amount_minor: string | null;
      currency: string | null;
    }>(sql`
      insert into opportunities (workspace_id, external_id, name, account_id, account_name, stage, outcome,
        amount_minor, currency, opened_at, closed_at, expected_close_on, products, source, sourcing_partner_id,
        owner_name)
      select ${workspaceId}::uuid, x.external_id, x.name, x.account_id, x.account_name, x.stage, x.outcome,
        x.amount_minor, x.currency, x.opened_at, x.closed_at, x.expected_close_on, x.products, x.source,
        x.sourcing_partner_id, x.owner_name
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(external_id text, name text, account_id uuid,
        account_name text, stage text, outcome text, amount_minor bigint, currency text, opened_at timestamptz,
        closed_at timestamptz, expected_close_on date, products text[], source text, sourcing_partner_id uuid,
        owner_name text)
      on conflict (workspace_id, external_id) where external_id is not null do update set
        name = excluded.name, account_id = excluded.account_id, account_name = excluded.account_name,
        stage = excluded.stage, outcome = excluded.outcome, amount_minor = excluded.amount_minor,
        currency = excluded.currency, opened_at = excluded.opened_at, closed_at = excluded.closed_at,
        expected_close_on = excluded.expected_close_on, products = excluded.products, source = excluded.source,
        sourcing_partner_id = excluded.sourcing_partner_id, owner_name = excluded.owner_name, updated_at = now()
      returning id, external_id, (xmax = 0) as inserted, name, outcome, amount_minor, currency`);
    for (const row of result.rows) {
      ids.push(row.id);
      if (row.inserted) created++;
    }
    await recordAuditMany(
      tx,
      source,
      result.rows.map((row) => ({
        action: row.inserted ? "opportunity.created" : "opportunity.upserted",
        entityType: "opportunity",
        entityId: row.id,
        after: {
          externalId: row.external_id,
          name: row.name,
          outcome: row.outcome,
          amountMinor: row.amount_minor === null ? null : Number(row.amount_minor),
          currency: row.currency,
        },
      })),
    );
  }
  await recomputeOpportunityAmounts(tx, workspaceId, { ids });
  return { created, updated: ids.length - created, ids };
}

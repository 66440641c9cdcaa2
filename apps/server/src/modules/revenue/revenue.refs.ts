import type { ErrorCode, ValidationIssue } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { AppError } from "../../platform/errors";
import { isKnownCurrency } from "./revenue.fx";

/** Where a bulk row's field lives in the request: `body.items.3.currency`, or `body.currency` for one row. */
export type FieldPath = (index: number, field: string) => string;
export const bulkPath: FieldPath = (index, field) => `body.items.${index}.${field}`;
export const singlePath: FieldPath = (_index, field) => `body.${field}`;

/** Collects row problems and throws them together (at most 50 listed). */
export class IssueList {
  readonly issues: ValidationIssue[] = [];
  constructor(private readonly code: ErrorCode = "VALIDATION_FAILED") {}
  add(path: string, message: string): void {
    if (this.issues.length < 50) this.issues.push({ path, message, code: "invalid" });
  }
  throwIfAny(): void {
    if (this.issues.length === 0) return;
    const first = this.issues[0];
    const message = this.issues.length === 1 && first ? first.message : `${this.issues.length} rows are not valid`;
    throw new AppError(this.code, { message, details: { issues: this.issues } });
  }
}

export function checkCurrencies(
  items: readonly { currency?: string | null | undefined }[],
  path: FieldPath,
  issues: IssueList,
): void {
  items.forEach((item, index) => {
    if (item.currency && !isKnownCurrency(item.currency))
      issues.add(path(index, "currency"), `${item.currency} is not an ISO 4217 currency`);
  });
}

export function checkDuplicateExternalIds(
  items: readonly { externalId: string }[],
  path: FieldPath,
  issues: IssueList,
) {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const earlier = seen.get(item.externalId);
    if (earlier !== undefined)
      issues.add(path(index, "externalId"), `The id ${item.externalId} appears twice (also row ${earlier})`);
    else seen.set(item.externalId, index);
  });
}

/**
 * Reports rows whose referenced ids (accounts, partners, opportunities) do not exist in the
 * workspace: one query per table over the distinct ids.
 */
export async function checkReferences(
  db: DbOrTx,
  workspaceId: string,
  table: "accounts" | "partners" | "opportunities",
  refs: readonly (string | null | undefined)[],
  field: string,
  path: FieldPath,
  issues: IssueList,
  label: string,
): Promise<void> {
  const wanted = [...new Set(refs.filter((r): r is string => Boolean(r)))];
  if (wanted.length === 0) return;
  const found = await db.execute<{ id: string }>(sql`
    select id from ${sql.raw(table)} where workspace_id = ${workspaceId}::uuid and id = any(${`{${wanted.join(",")}}`}::uuid[])`);
  const known = new Set(found.rows.map((r) => r.id));
  refs.forEach((ref, index) => {
    if (ref && !known.has(ref)) issues.add(path(index, field), `No such ${label} in this workspace`);
  });
}

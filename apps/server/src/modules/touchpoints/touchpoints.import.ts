import { type ImportRowError, touchpointTypes } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../../db";
import { defineImportKind, type ImportField, type ValidRow } from "../../platform/imports";
import { writeTouchpointRows } from "./touchpoints.service";

const fields: readonly ImportField[] = [
  { key: "externalId", label: "Touch id", required: true, aliases: ["id", "touch id", "touchpoint id", "external id"] },
  {
    key: "partner",
    label: "Partner",
    required: true,
    aliases: ["partner", "partner name", "partner id"],
    description: "The partner's id or its name in the directory",
  },
  {
    key: "opportunity",
    label: "Opportunity",
    aliases: ["opportunity", "opportunity id", "opportunity_id", "deal id", "deal"],
    description: "The opportunity's CRM id",
  },
  {
    key: "account",
    label: "Account",
    aliases: ["account", "account name", "account id", "company"],
    description: "For a touch on an account rather than a deal: its CRM id or name",
  },
  {
    key: "type",
    label: "Type",
    required: true,
    aliases: ["type", "touch type", "kind"],
    description: touchpointTypes.join(", "),
  },
  { key: "occurredAt", label: "When", required: true, aliases: ["date", "occurred at", "time", "timestamp", "when"] },
  { key: "weight", label: "Weight", aliases: ["weight"] },
  { key: "note", label: "Note", aliases: ["note", "notes", "comment"] },
];

export const touchpointImportRow = z
  .object({
    externalId: z.string().min(1).max(200),
    partner: z.string().min(1).max(200),
    opportunity: z.string().max(200).optional(),
    account: z.string().max(300).optional(),
    type: z
      .string()
      .transform((t) =>
        t
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, "_"),
      )
      .pipe(z.enum(touchpointTypes, { message: `Use one of ${touchpointTypes.join(", ")}` })),
    occurredAt: z.string().transform((value, ctx) => {
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
      const date = new Date(iso);
      if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value))
        ctx.addIssue({ code: "custom", message: `“${value}” is not a date (use 2026-03-01)` });
      return Number.isNaN(date.getTime()) ? value : date.toISOString();
    }),
    weight: z
      .string()
      .regex(/^\d+(\.\d+)?$/, { message: "Use a weight of 0 or more" })
      .transform(Number)
      .optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((row) => row.opportunity || row.account, {
    path: ["opportunity"],
    message: "Name an opportunity or an account",
  });
type TouchpointImportRow = z.output<typeof touchpointImportRow>;

interface Resolved {
  partners: Map<string, string>;
  opportunities: Map<string, { id: string; closedAt: Date | null }>;
  accounts: Map<string, string>;
}

/** Partners by id or name, opportunities by CRM id, accounts by CRM id or name: three queries. */
async function resolve(
  db: DbOrTx,
  workspaceId: string,
  rows: readonly ValidRow<TouchpointImportRow>[],
): Promise<Resolved> {
  const distinct = (pick: (v: TouchpointImportRow) => string | undefined) => [
    ...new Set(rows.flatMap((r) => (pick(r.value) ? [pick(r.value) as string] : []))),
  ];
  // One after the other: the import resolves inside its transaction, whose connection runs one query at a time.
  const partners = await db.execute<{ ref: string; id: string }>(sql`
      select r.ref, min(p.id::text) as id from unnest(${sql.param(distinct((v) => v.partner))}::text[]) as r(ref)
      join partners p on p.workspace_id = ${workspaceId}::uuid and (p.id::text = r.ref or lower(p.name) = lower(r.ref))
      group by r.ref having count(distinct p.id) = 1`);
  const opportunities = await db.execute<{ ref: string; id: string; closed_at: Date | null }>(sql`
      select o.external_id as ref, o.id, o.closed_at from opportunities o
      where o.workspace_id = ${workspaceId}::uuid and o.external_id = any(${sql.param(distinct((v) => v.opportunity))}::text[])`);
  const accounts = await db.execute<{ ref: string; id: string }>(sql`
      select r.ref, min(a.id::text) as id from unnest(${sql.param(distinct((v) => v.account))}::text[]) as r(ref)
      join accounts a on a.workspace_id = ${workspaceId}::uuid
      and (a.id::text = r.ref or a.external_id = r.ref or lower(a.name) = lower(r.ref))
      group by r.ref having count(distinct a.id) = 1`);
  return {
    partners: new Map(partners.rows.map((r) => [r.ref, r.id])),
    opportunities: new Map(
      opportunities.rows.map((r) => [r.ref, { id: r.id, closedAt: r.closed_at ? new Date(r.closed_at) : null }]),
    ),
    accounts: new Map(accounts.rows.map((r) => [r.ref, r.id])),
  };
}

const rowError = (row: number, field: string, message: string): ImportRowError => ({
  row,
  column: null,
  field,
  message,
});

/** Partner touchpoints from a CSV, upserted by external id; touches after a deal's close are refused. */
export const touchpointsImportKind = defineImportKind<TouchpointImportRow>({
  kind: "touchpoints",
  label: "Partner touchpoints",
  roles: ["admin", "partner_manager", "marketing"],
  fields,
  validateRow: touchpointImportRow,
  async checkRows(db, workspaceId, rows) {
    const errors: ImportRowError[] = [];
    const first = new Map<string, number>();
    const found = await resolve(db, workspaceId, rows);
    for (const { row, value } of rows) {
      const earlier = first.get(value.externalId);
      if (earlier) errors.push(rowError(row, "externalId", `${value.externalId} also appears on line ${earlier}`));
      else first.set(value.externalId, row);
      if (!found.partners.has(value.partner))
        errors.push(rowError(row, "partner", `No single partner has the id or name “${value.partner}”`));
      const opportunity = value.opportunity ? found.opportunities.get(value.opportunity) : undefined;
      if (value.opportunity && !opportunity)
        errors.push(rowError(row, "opportunity", `No opportunity has the CRM id “${value.opportunity}”`));
      if (opportunity?.closedAt && new Date(value.occurredAt) > opportunity.closedAt)
        errors.push(
          rowError(
            row,
            "occurredAt",
            `The opportunity closed on ${opportunity.closedAt.toISOString().slice(0, 10)}; a touch cannot come after it`,
          ),
        );
      if (value.account && !found.accounts.has(value.account))
        errors.push(rowError(row, "account", `No single account has the id or name “${value.account}”`));
    }
    return { errors };
  },
  async writeBatch(tx, context, rows) {
    const found = await resolve(tx, context.workspaceId, rows);
    const items = rows.map(({ value }) => ({
      externalId: value.externalId,
      partnerId: found.partners.get(value.partner) ?? "",
      type: value.type,
      occurredAt: value.occurredAt,
      opportunityId: value.opportunity ? (found.opportunities.get(value.opportunity)?.id ?? null) : null,
      accountId: value.account ? (found.accounts.get(value.account) ?? null) : null,
      weight: value.weight ?? null,
      note: value.note ?? null,
    }));
    const result = await writeTouchpointRows(tx, context.source, context.workspaceId, items, "import");
    return { created: result.created, updated: result.updated };
  },
});

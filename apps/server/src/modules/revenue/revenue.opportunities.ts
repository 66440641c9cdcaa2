import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { type AuditSource, recordAudit } from "../../platform/audit";
import { emitEvent } from "../../platform/events";
import { toReporting } from "./revenue.fx";
import { opportunities } from "./revenue.schema";

declare module "../../platform/events" {
  interface EventMap {
    "opportunity.created": { opportunityId: string; source: string; registrationId: string | null };
  }
}

export type OpportunityRow = typeof opportunities.$inferSelect;

export interface NewOpportunity {
  workspaceId: string;
  accountId?: string | null;
  accountName?: string | null;
  name: string;
  stage?: string;
  outcome?: "open" | "won" | "lost";
  amountMinor?: number | null;
  currency?: string | null;
  openedAt: Date;
  closedAt?: Date | null;
  expectedCloseOn?: string | null;
  products?: string[];
  source?: "direct" | "partner_sourced";
  sourcingPartnerId?: string | null;
  ownerId?: string | null;
  ownerName?: string | null;
  registrationId?: string | null;
  externalId?: string | null;
}

/** The date whose FX rate converts an opportunity: close date, else expected close, else created. */
export function conversionDate(o: Pick<NewOpportunity, "closedAt" | "expectedCloseOn" | "openedAt">): string {
  if (o.closedAt) return o.closedAt.toISOString().slice(0, 10);
  if (o.expectedCloseOn) return o.expectedCloseOn;
  return o.openedAt.toISOString().slice(0, 10);
}

/**
 * Creates one opportunity in the caller's transaction (used by the API, imports and converted
 * registrations), with its reporting-currency amount, an audit entry and `opportunity.created`.
 */
export async function createOpportunity(
  tx: DbOrTx,
  source: AuditSource,
  input: NewOpportunity,
): Promise<OpportunityRow> {
  const reporting = await toReporting(
    tx,
    input.workspaceId,
    input.amountMinor ?? null,
    input.currency ?? null,
    conversionDate(input),
  );
  const [row] = await tx
    .insert(opportunities)
    .values({
      workspaceId: input.workspaceId,
      accountId: input.accountId ?? null,
      accountName: input.accountName ?? null,
      name: input.name,
      stage: input.stage ?? input.outcome ?? "open",
      outcome: input.outcome ?? "open",
      amountMinor: input.amountMinor ?? null,
      currency: input.currency ?? null,
      amountReportingMinor: reporting.amountReportingMinor,
      fxRate: reporting.fxRate,
      openedAt: input.openedAt,
      closedAt: input.closedAt ?? null,
      expectedCloseOn: input.expectedCloseOn ?? null,
      products: input.products ?? [],
      source: input.source ?? "direct",
      sourcingPartnerId: input.sourcingPartnerId ?? null,
      ownerId: input.ownerId ?? null,
      ownerName: input.ownerName ?? null,
      registrationId: input.registrationId ?? null,
      externalId: input.externalId ?? null,
    })
    .returning();
  if (!row) throw new Error("opportunity insert returned nothing");
  await recordAudit(tx, source, {
    action: "opportunity.created",
    entityType: "opportunity",
    entityId: row.id,
    after: { name: row.name, amountMinor: row.amountMinor, currency: row.currency, source: row.source },
  });
  await emitEvent(tx, source, {
    type: "opportunity.created",
    workspaceId: input.workspaceId,
    partnerId: row.sourcingPartnerId,
    entityType: "opportunity",
    entityId: row.id,
    payload: { opportunityId: row.id, source: row.source, registrationId: row.registrationId },
  });
  return row;
}

export async function findOpportunity(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<OpportunityRow | undefined> {
  const [row] = await db
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, id)));
  return row;
}

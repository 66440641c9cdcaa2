import type { PartnerSignals, PutPartnerSignalsBody } from "@symbiont/contracts";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type DbOrTx, transaction } from "../../db";
import { partners } from "../../db/schema";
import { recordAuditMany } from "../../platform/audit";
import { auditSource, type ServiceContext } from "../../platform/context";
import { fieldError, notFound } from "../../platform/errors";
import { assertCanManagePrograms, assertCanReadPrograms, programMemberships, programs } from "../programs";
import { parseTier } from "./tiers.queries";
import { partnerManualSignals, tiers } from "./tiers.schema";

async function assertPartner(db: DbOrTx, workspaceId: string, partnerId: string): Promise<void> {
  const [row] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.workspaceId, workspaceId), eq(partners.id, partnerId)));
  if (!row) throw notFound("Partner not found");
}

async function readSignals(db: DbOrTx, workspaceId: string, partnerId: string): Promise<PartnerSignals> {
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  const signals = await db
    .select()
    .from(partnerManualSignals)
    .where(and(eq(partnerManualSignals.workspaceId, workspaceId), eq(partnerManualSignals.partnerId, partnerId)))
    .orderBy(asc(partnerManualSignals.key));
  const tierRows = await db
    .select({ tier: tiers, programName: programs.name })
    .from(programMemberships)
    .innerJoin(
      programs,
      and(eq(programs.workspaceId, programMemberships.workspaceId), eq(programs.id, programMemberships.programId)),
    )
    .innerJoin(tiers, and(eq(tiers.workspaceId, programs.workspaceId), eq(tiers.programId, programs.id)))
    .where(and(eq(programMemberships.workspaceId, workspaceId), eq(programMemberships.partnerId, partnerId)))
    .orderBy(asc(programs.name), asc(tiers.rank));
  const checks = tierRows.flatMap(({ tier, programName }) =>
    parseTier(tier).manualChecks.map((check) => ({
      key: `check:${check.key}`,
      label: check.label,
      programName,
      tierName: tier.name,
    })),
  );
  return {
    partnerId,
    signals: signals.map((row) => ({
      key: row.key,
      value: row.value,
      note: row.note,
      updatedBy: row.updatedBy,
      updatedAt: row.updatedAt.toISOString(),
    })),
    checks,
  };
}

/** The manual signals of a partner and the manual checks their programs' tiers ask for. */
export async function getPartnerSignals(ctx: ServiceContext, partnerId: string): Promise<PartnerSignals> {
  assertCanReadPrograms(ctx.actor);
  const db = ctx.database.db;
  await assertPartner(db, ctx.actor.workspaceId, partnerId);
  return readSignals(db, ctx.actor.workspaceId, partnerId);
}

/** Sets the given manual signals (others are left as they are). Checks take 0 or 1. */
export async function putPartnerSignals(
  ctx: ServiceContext,
  partnerId: string,
  input: PutPartnerSignalsBody,
): Promise<PartnerSignals> {
  assertCanManagePrograms(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  const seen = new Set<string>();
  for (const [index, signal] of input.signals.entries()) {
    if (seen.has(signal.key)) throw fieldError(`body.signals.${index}.key`, "Each signal may appear once");
    seen.add(signal.key);
    if (signal.key.startsWith("check:") && signal.value !== 0 && signal.value !== 1) {
      throw fieldError(`body.signals.${index}.value`, "A check is 1 (done) or 0 (not done)");
    }
  }
  return transaction(ctx.database, async (tx) => {
    await assertPartner(tx, workspaceId, partnerId);
    const keys = input.signals.map((signal) => signal.key);
    const before = await tx
      .select({ key: partnerManualSignals.key, value: partnerManualSignals.value })
      .from(partnerManualSignals)
      .where(
        and(
          eq(partnerManualSignals.workspaceId, workspaceId),
          eq(partnerManualSignals.partnerId, partnerId),
          inArray(partnerManualSignals.key, keys),
        ),
      );
    const previous = new Map(before.map((row) => [row.key, row.value]));
    await tx
      .insert(partnerManualSignals)
      .values(
        input.signals.map((signal) => ({
          workspaceId,
          partnerId,
          key: signal.key,
          value: signal.value,
          note: signal.note || null,
          updatedBy: ctx.actor.label,
        })),
      )
      .onConflictDoUpdate({
        target: [partnerManualSignals.workspaceId, partnerManualSignals.partnerId, partnerManualSignals.key],
        set: {
          value: sql`excluded.value`,
          note: sql`excluded.note`,
          updatedBy: sql`excluded.updated_by`,
          updatedAt: sql`now()`,
        },
      });
    await recordAuditMany(
      tx,
      auditSource(ctx),
      input.signals.map((signal) => ({
        action: "partner.signal_set",
        entityType: "partner",
        entityId: partnerId,
        partnerId,
        before: previous.has(signal.key) ? { key: signal.key, value: previous.get(signal.key) } : null,
        after: { key: signal.key, value: signal.value, note: signal.note ?? null },
      })),
    );
    return readSignals(tx, workspaceId, partnerId);
  });
}

// Console use cases for the rules of engagement: read the versions, publish a new one.
import type { RegistrationPolicyRecord, RegistrationRules } from "@symbiont/contracts";
import { and, eq } from "drizzle-orm";
import { transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requireVendor } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { fieldError } from "../../platform/errors";
import { programs } from "../programs";
import { appendPolicyVersion, currentPolicyRow, policyVersions, toPolicyRecord } from "./deals.policies";

export async function listRegistrationPolicies(
  ctx: ServiceContext,
  programId: string | undefined,
): Promise<{ current: RegistrationPolicyRecord; versions: RegistrationPolicyRecord[] }> {
  requireVendor(ctx.actor);
  const workspaceId = ctx.actor.workspaceId;
  const db = ctx.database.db;
  if (programId) await assertProgram(db, workspaceId, programId, "query.programId");
  const current = await currentPolicyRow(db, workspaceId, programId ?? null);
  const versions = await policyVersions(db, workspaceId, programId ?? null);
  return { current: toPolicyRecord(current), versions: versions.map(toPolicyRecord) };
}

async function assertProgram(
  db: Parameters<typeof currentPolicyRow>[0],
  workspaceId: string,
  programId: string,
  path: string,
) {
  const [program] = await db
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.workspaceId, workspaceId), eq(programs.id, programId)));
  if (!program) throw fieldError(path, "No such program in this workspace", "NOT_FOUND");
}

export async function publishRegistrationPolicy(
  ctx: ServiceContext,
  input: { programId?: string | null | undefined; rules: RegistrationRules; note?: string | undefined },
): Promise<RegistrationPolicyRecord> {
  requireVendor(ctx.actor, ["admin", "partner_manager"]);
  const workspaceId = ctx.actor.workspaceId;
  return transaction(ctx.database, async (tx) => {
    const programId = input.programId ?? null;
    if (programId) await assertProgram(tx, workspaceId, programId, "body.programId");
    const row = await appendPolicyVersion(tx, {
      workspaceId,
      programId,
      rules: input.rules,
      note: input.note ?? null,
      createdBy: ctx.actor.label,
    });
    await recordAudit(tx, auditSource(ctx), {
      action: "registration_policy.published",
      entityType: "registration_policy",
      entityId: row.id,
      after: { programId, version: row.version, rules: input.rules },
    });
    return toPolicyRecord(row);
  });
}

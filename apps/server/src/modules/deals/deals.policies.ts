// Rules-of-engagement versions: the current one per program (falling back to the workspace default).
import { type RegistrationPolicyRecord, type RegistrationRules, registrationRules } from "@symbiont/contracts";
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { DEFAULT_RULES, summarizeRules } from "./deals.rules";
import { registrationPolicies } from "./deals.schema";

export interface PolicyVersion {
  id: string;
  version: number;
  programId: string | null;
  rules: RegistrationRules;
}

type PolicyRow = typeof registrationPolicies.$inferSelect;

function parseRules(value: unknown): RegistrationRules {
  const parsed = registrationRules.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_RULES;
}

export function toPolicyRecord(row: PolicyRow): RegistrationPolicyRecord {
  const rules = parseRules(row.rules);
  return {
    id: row.id,
    programId: row.programId,
    version: row.version,
    rules,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    summary: summarizeRules(rules),
  };
}

const scopeOf = (programId: string | null) =>
  programId ? eq(registrationPolicies.programId, programId) : isNull(registrationPolicies.programId);

export async function policyVersions(db: DbOrTx, workspaceId: string, programId: string | null): Promise<PolicyRow[]> {
  return db
    .select()
    .from(registrationPolicies)
    .where(and(eq(registrationPolicies.workspaceId, workspaceId), scopeOf(programId)))
    .orderBy(desc(registrationPolicies.version));
}

/**
 * The policy in force for a program: its newest version, else the workspace default's newest,
 * else version 1 of the workspace default, created with the DOMAIN.md defaults.
 */
export async function currentPolicyRow(db: DbOrTx, workspaceId: string, programId: string | null): Promise<PolicyRow> {
  // One lookup: the program's own versions sort before the workspace default's, newest first.
  const [inForce] = await db
    .select()
    .from(registrationPolicies)
    .where(
      and(
        eq(registrationPolicies.workspaceId, workspaceId),
        programId ? or(scopeOf(programId), scopeOf(null)) : scopeOf(null),
      ),
    )
    .orderBy(sql`${registrationPolicies.programId} is null`, desc(registrationPolicies.version))
    .limit(1);
  if (inForce) return inForce;
  await db
    .insert(registrationPolicies)
    .values({ workspaceId, programId: null, version: 1, rules: DEFAULT_RULES, note: "Defaults", createdBy: "system" })
    .onConflictDoNothing();
  const [created] = await policyVersions(db, workspaceId, null);
  if (!created) throw new Error("default registration policy missing");
  return created;
}

export async function currentPolicy(db: DbOrTx, workspaceId: string, programId: string | null): Promise<PolicyVersion> {
  const row = await currentPolicyRow(db, workspaceId, programId);
  return { id: row.id, version: row.version, programId: row.programId, rules: parseRules(row.rules) };
}

/** Appends a version (the next number in the program's scope); earlier versions never change. */
export async function appendPolicyVersion(
  tx: DbOrTx,
  input: {
    workspaceId: string;
    programId: string | null;
    rules: RegistrationRules;
    note: string | null;
    createdBy: string;
  },
): Promise<PolicyRow> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`policy:${input.workspaceId}:${input.programId ?? "default"}`}, 0))`,
  );
  const [last] = await policyVersions(tx, input.workspaceId, input.programId);
  const [row] = await tx
    .insert(registrationPolicies)
    .values({ ...input, version: (last?.version ?? 0) + 1 })
    .returning();
  if (!row) throw new Error("policy insert returned nothing");
  return row;
}

// Conflict checks against stored data: the candidate view, the pure engine, the policy's look-back.
import type { ConflictMatchRecord } from "@symbiont/contracts";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { partners } from "../partners";
import {
  type CandidateRow,
  type ConflictProbe,
  type ConflictResult,
  checkConflicts,
  keyFrequencyFromStats,
  probeLookupValues,
  rowToCandidate,
} from "./conflicts";
import { dealRegistrations } from "./deals.schema";

const DAY_MS = 86_400_000;

export interface CheckOptions {
  workspaceId: string;
  /** The registering partner: their own registrations are not conflicts. */
  partnerId?: string | null;
  /** The registration being checked (not a conflict with itself). */
  registrationId?: string | null;
  directLookbackDays: number;
  /** The vendor's review also searches by trigram similarity (more typos, a little slower). */
  thorough?: boolean;
  now?: Date;
}

// The stored function (migration `conflict_lookup`) takes `probeLookupValues` plus the trigram flag: it finds
// the matching accounts and open registrations by index, then what each matched account is (owned,
// customer, open direct deal, named list, direct engagement) from the candidate view.
export const CONFLICT_LOOKUP_SQL = `select record_id, kind, display_name, name_normalized, domain, email_domain, phone_e164, country,
  partner_id, list_name, engaged_at
from deal_conflict_lookup($1::uuid, $2::text[], $3::text, $4::text, $5::text[], $6::text, $7::int, $8::uuid,
  $9::text, $10::timestamptz, $11::boolean)`;

// How many rows carry each common name key, from PostgreSQL's element statistics on both tables that
// are searched by name. A key shared by hundreds of records (a common word that is not on the
// generic list) would make the name search read all of them, so the probe prefers its rarer tokens.
export const NAME_KEY_STATS_SQL = `select s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs as freqs,
  greatest(c.reltuples, 0)::float8 as rows
from pg_stats s join pg_class c on c.relname = s.tablename
  and c.relnamespace = (select n.oid from pg_namespace n where n.nspname = s.schemaname)
where s.schemaname = current_schema() and s.tablename in ('accounts', 'deal_registrations') and s.attname = 'name_keys'`;
const KEY_STATS_TTL_MS = 10 * 60_000;
let keyStats: { at: number; frequency: (key: string) => number } | undefined;

/** Estimated rows per name key, refreshed from the statistics every ten minutes. */
export async function nameKeyFrequency(db: DbOrTx): Promise<(key: string) => number> {
  if (keyStats && Date.now() - keyStats.at < KEY_STATS_TTL_MS) return keyStats.frequency;
  const { rows } = await db.$client.query<{ elems: string[] | null; freqs: number[] | null; rows: number }>(
    NAME_KEY_STATS_SQL,
  );
  const perTable = rows.map((r) => keyFrequencyFromStats(r.elems ?? [], r.freqs ?? [], Number(r.rows)));
  const frequency = (key: string) => perTable.reduce((sum, f) => sum + f(key), 0);
  keyStats = { at: Date.now(), frequency };
  return frequency;
}

/** Runs the candidate lookup and the engine on its rows. */
export async function runConflictCheck(
  db: DbOrTx,
  probe: ConflictProbe,
  options: CheckOptions,
): Promise<ConflictResult> {
  const now = options.now ?? new Date();
  const engagedSince = new Date(now.getTime() - options.directLookbackDays * DAY_MS);
  const values = probeLookupValues(probe, {
    keyFrequency: await nameKeyFrequency(db),
    workspaceId: options.workspaceId,
    excludePartnerId: options.partnerId ?? null,
    excludeRecordId: options.registrationId ?? null,
    engagedSince,
  });
  const { rows } = await db.$client.query<CandidateRow>(CONFLICT_LOOKUP_SQL, [...values, options.thorough ?? false]);
  return checkConflicts(probe, rows.map(rowToCandidate), {
    directEngagementLookbackDays: options.directLookbackDays,
    now,
  });
}

/**
 * The stored evidence of a check (console only): every match with its keys and scores, plus the
 * competing registration's partner, status and submission time.
 */
export async function evidenceOf(
  db: DbOrTx,
  workspaceId: string,
  result: ConflictResult,
): Promise<ConflictMatchRecord[]> {
  const registrationIds = result.matches.filter((m) => m.kind === "registration").map((m) => m.record.id);
  const competing = registrationIds.length
    ? await db
        .select({
          id: dealRegistrations.id,
          status: dealRegistrations.status,
          submittedAt: dealRegistrations.submittedAt,
          partnerId: dealRegistrations.partnerId,
          partnerName: partners.name,
        })
        .from(dealRegistrations)
        .innerJoin(
          partners,
          and(eq(partners.workspaceId, dealRegistrations.workspaceId), eq(partners.id, dealRegistrations.partnerId)),
        )
        .where(and(eq(dealRegistrations.workspaceId, workspaceId), inArray(dealRegistrations.id, registrationIds)))
    : [];
  const byId = new Map(competing.map((c) => [c.id, c]));
  return result.matches.map((m) => {
    const other = m.kind === "registration" ? byId.get(m.record.id) : undefined;
    const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);
    return {
      kind: m.kind,
      recordId: m.record.id,
      name: m.record.name,
      domain: m.record.domain ?? null,
      country: m.record.country ?? null,
      decision: m.decision,
      score: Math.round(m.score * 1000) / 1000,
      reason: m.reason,
      evidence: m.evidence.map((e) => ({ ...e, score: Math.round(e.score * 1000) / 1000 })),
      partnerId: other?.partnerId ?? (m.kind === "customer" ? (m.record.partnerId ?? null) : null),
      partnerName: other?.partnerName ?? null,
      status: other?.status ?? null,
      submittedAt: other ? iso(other.submittedAt) : null,
      listName: m.record.listName ?? null,
      engagedAt: m.kind === "registration" ? null : iso(m.record.engagedAt),
    };
  });
}

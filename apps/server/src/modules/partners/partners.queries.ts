import {
  type CustomFieldDefinition,
  type CustomFieldValues,
  type PartnerEditableField,
  type PartnerListFilters,
  type PartnerProgramMembership,
  type PartnerRecord,
  type PartnerSortField,
  type PartnerStage,
  partnerEditableFieldNames,
  partnerStages,
} from "@symbiont/contracts";
import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { users } from "../identity";
import { partnerCustomFields, partnerDirectorySettings, partners } from "./partners.schema";

export type PartnerRow = typeof partners.$inferSelect;

export interface PartnerSort {
  field: PartnerSortField;
  dir: "asc" | "desc";
}

export interface PartnerPageRequest {
  limit: number;
  offset: number;
}

/** Escapes LIKE wildcards so a search for `50%` means the characters. */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
}

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

/** The WHERE clause of the directory list (and of the CSV export), always workspace-scoped. */
export function partnerFilterWhere(workspaceId: string, filters: PartnerListFilters): SQL {
  const where: (SQL | undefined)[] = [eq(partners.workspaceId, workspaceId)];
  if (filters.q) {
    const pattern = likePattern(filters.q);
    // lower(name) LIKE uses the trigram index partners_name_trgm_idx.
    where.push(
      sql`(lower(${partners.name}) like ${pattern} or lower(${partners.legalName}) like ${pattern} or ${partners.domain} like ${pattern})`,
    );
  }
  if (filters.stage?.length)
    where.push(
      sql`${partners.stage} in (${sql.join(
        filters.stage.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (filters.type?.length) where.push(sql`${partners.types} && ${textArray(filters.type)}`);
  if (filters.region?.length) where.push(sql`${partners.regions} && ${textArray(filters.region)}`);
  if (filters.industry)
    where.push(
      sql`exists (select 1 from unnest(${partners.industries}) i where lower(i) = lower(${filters.industry}))`,
    );
  if (filters.country) where.push(eq(partners.hqCountry, filters.country));
  if (filters.tag) where.push(sql`${partners.tags} @> ${textArray([filters.tag])}`);
  if (filters.managerId === "none") where.push(isNull(partners.managerId));
  else if (filters.managerId) where.push(eq(partners.managerId, filters.managerId));
  if (filters.programId)
    where.push(
      sql`exists (select 1 from program_memberships m where m.workspace_id = ${partners.workspaceId} and m.partner_id = ${partners.id} and m.program_id = ${filters.programId})`,
    );
  if (filters.tierId)
    where.push(
      sql`exists (select 1 from program_memberships m where m.workspace_id = ${partners.workspaceId} and m.partner_id = ${partners.id} and m.tier_id = ${filters.tierId})`,
    );
  return and(...where) as SQL;
}

function orderBy(sort: PartnerSort): SQL[] {
  const direction = sort.dir === "desc" ? desc : asc;
  switch (sort.field) {
    case "createdAt":
      return [direction(partners.createdAt), direction(partners.id)];
    case "updatedAt":
      return [direction(partners.updatedAt), direction(partners.id)];
    case "stage":
      return [
        sql`array_position(${textArray(partnerStages)}, ${partners.stage}) ${sql.raw(sort.dir)}`,
        asc(sql`lower(${partners.name})`),
        asc(partners.id),
      ];
    case "country":
      return [
        sql`${partners.hqCountry} ${sql.raw(sort.dir)} nulls last`,
        asc(sql`lower(${partners.name})`),
        asc(partners.id),
      ];
    default:
      return [direction(sql`lower(${partners.name})`), direction(partners.id)];
  }
}

/** Programs with their tier, aggregated per partner inside the page query (no N+1). */
const programsJson = sql<unknown>`coalesce((
  select json_agg(json_build_object(
    'programId', pr.id, 'programName', pr.name, 'tierId', t.id, 'tierName', t.name, 'tierRank', t.rank,
    'joinedAt', m.joined_at) order by pr.name)
  from program_memberships m
  join programs pr on pr.workspace_id = m.workspace_id and pr.id = m.program_id
  left join tiers t on t.workspace_id = m.workspace_id and t.id = m.tier_id
  where m.workspace_id = ${partners.workspaceId} and m.partner_id = ${partners.id}
), '[]'::json)`;

const recordColumns = {
  partner: partners,
  managerName: users.name,
  managerEmail: users.email,
  programs: programsJson,
};

interface JoinedRow {
  partner: PartnerRow;
  managerName: string | null;
  managerEmail: string | null;
  programs: unknown;
}

function selectRecords(db: DbOrTx) {
  return db
    .select(recordColumns)
    .from(partners)
    .leftJoin(users, and(eq(users.workspaceId, partners.workspaceId), eq(users.id, partners.managerId)));
}

function toMemberships(raw: unknown): PartnerProgramMembership[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((entry: Record<string, unknown>) => ({
    programId: String(entry.programId),
    programName: String(entry.programName),
    tierId: typeof entry.tierId === "string" ? entry.tierId : null,
    tierName: typeof entry.tierName === "string" ? entry.tierName : null,
    tierRank: typeof entry.tierRank === "number" ? entry.tierRank : null,
    joinedAt: new Date(String(entry.joinedAt)).toISOString(),
  }));
}

export function toPartnerRecord(row: JoinedRow): PartnerRecord {
  const p = row.partner;
  return {
    id: p.id,
    name: p.name,
    legalName: p.legalName,
    website: p.website,
    domain: p.domain,
    hqCountry: p.hqCountry,
    regions: p.regions,
    industries: p.industries,
    size: p.size,
    types: p.types,
    specializations: p.specializations,
    tags: p.tags,
    customFields: (p.customFields ?? {}) as CustomFieldValues,
    managerId: p.managerId,
    manager:
      p.managerId && row.managerName !== null
        ? { id: p.managerId, name: row.managerName, email: row.managerEmail ?? "" }
        : null,
    stage: p.stage as PartnerStage,
    stageChangedAt: p.stageChangedAt.toISOString(),
    activatedAt: p.activatedAt?.toISOString() ?? null,
    description: p.description,
    programs: toMemberships(row.programs),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/**
 * One page of the directory: a single page query (manager and programs/tiers joined in) and a
 * single count, run concurrently. The CSV export reuses it page by page.
 */
export async function findPartnerPage(
  db: DbOrTx,
  workspaceId: string,
  filters: PartnerListFilters,
  sort: PartnerSort,
  page: PartnerPageRequest,
): Promise<{ items: PartnerRecord[]; total: number }> {
  const where = partnerFilterWhere(workspaceId, filters);
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  const rows = await selectRecords(db)
    .where(where)
    .orderBy(...orderBy(sort))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(partners).where(where);
  return { items: rows.map(toPartnerRecord), total: count?.n ?? 0 };
}

export async function findPartnerRecord(
  db: DbOrTx,
  workspaceId: string,
  partnerId: string,
): Promise<PartnerRecord | undefined> {
  const [row] = await selectRecords(db).where(and(eq(partners.workspaceId, workspaceId), eq(partners.id, partnerId)));
  return row ? toPartnerRecord(row) : undefined;
}

export async function findPartnerRow(
  db: DbOrTx,
  workspaceId: string,
  partnerId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PartnerRow | undefined> {
  const query = db
    .select()
    .from(partners)
    .where(and(eq(partners.workspaceId, workspaceId), eq(partners.id, partnerId)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export type CustomFieldRow = typeof partnerCustomFields.$inferSelect;

export function toCustomFieldDefinition(row: CustomFieldRow): CustomFieldDefinition {
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    type: row.type as CustomFieldDefinition["type"],
    options: row.options,
    required: row.required,
    partnerEditable: row.partnerEditable,
    position: row.position,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listCustomFieldDefinitions(db: DbOrTx, workspaceId: string): Promise<CustomFieldDefinition[]> {
  const rows = await db
    .select()
    .from(partnerCustomFields)
    .where(eq(partnerCustomFields.workspaceId, workspaceId))
    .orderBy(asc(partnerCustomFields.position), asc(partnerCustomFields.label));
  return rows.map(toCustomFieldDefinition);
}

const defaultEditableFields: PartnerEditableField[] = [
  "description",
  "website",
  "regions",
  "industries",
  "specializations",
];

/** Which standard fields partner admins may edit (the table default when never saved). */
export async function partnerEditableFields(db: DbOrTx, workspaceId: string): Promise<PartnerEditableField[]> {
  const [row] = await db
    .select({ fields: partnerDirectorySettings.partnerEditableFields })
    .from(partnerDirectorySettings)
    .where(eq(partnerDirectorySettings.workspaceId, workspaceId));
  if (!row) return [...defaultEditableFields];
  const known = new Set<string>(partnerEditableFieldNames);
  return row.fields.filter((field): field is PartnerEditableField => known.has(field));
}

/** A vendor user of the workspace who can own partner relationships, or undefined. */
export async function findManagerCandidate(db: DbOrTx, workspaceId: string, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      partnerId: users.partnerId,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
  if (!row || row.partnerId !== null || row.disabledAt !== null) return undefined;
  return row;
}

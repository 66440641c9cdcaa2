import type { AccountListQuery, AccountRecord, AccountStatus } from "@symbiont/contracts";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { notFound } from "../../platform/errors";
import { accountMatchKeys } from "./accounts.keys";
import { accounts } from "./accounts.schema";

export type AccountFilters = Omit<AccountListQuery, "sort" | "dir" | "limit" | "offset">;

/** Trigram similarity a misspelt search needs to match a name (the `%` operator's 0.3 is too loose). */
const FUZZY_MATCH = 0.45;

/** Escapes LIKE wildcards so a search for `50%` means the characters. */
const escapeLike = (q: string) => q.replace(/[\\%_]/g, "\\$&");

/**
 * The WHERE clause of the account list, always workspace-scoped. The search matches the
 * normalized name (legal forms stripped, accents folded) by substring or close spelling, both
 * through the trigram index `accounts_name_trgm_idx`, or the registrable domain exactly.
 */
export function accountFilterWhere(workspaceId: string, filters: AccountFilters): SQL {
  const where: (SQL | undefined)[] = [sql`a.workspace_id = ${workspaceId}::uuid`];
  const search = searchTerms(filters.q);
  if (search) {
    where.push(
      sql`(a.name_normalized like ${`%${escapeLike(search.name)}%`}${
        search.domain ? sql` or a.domain = ${search.domain}` : sql``
      }${
        search.name.length >= 4
          ? sql` or (a.name_normalized % ${search.name} and similarity(a.name_normalized, ${search.name}) >= ${FUZZY_MATCH})`
          : sql``
      })`,
    );
  }
  if (filters.status) where.push(sql`a.status = ${filters.status}`);
  if (filters.ownerId === "none") where.push(sql`a.owner_id is null`);
  else if (filters.ownerId) where.push(sql`a.owner_id = ${filters.ownerId}::uuid`);
  if (filters.country) where.push(sql`a.country = ${filters.country}`);
  if (filters.industry) where.push(sql`lower(a.industry) = ${filters.industry.toLowerCase()}`);
  if (filters.size) where.push(sql`a.size = ${filters.size}`);
  if (filters.listId)
    where.push(
      sql`exists (select 1 from account_list_members m where m.workspace_id = a.workspace_id
        and m.list_id = ${filters.listId}::uuid and m.account_id = a.id)`,
    );
  return sql.join(
    where.filter((w): w is SQL => w !== undefined),
    sql` and `,
  );
}

function searchTerms(q: string | undefined) {
  const text = q?.trim().toLowerCase();
  if (!text) return null;
  // A search that reads as a domain or URL also matches the registrable domain exactly (indexed).
  const domain = text.includes(".") ? accountMatchKeys({ name: "x", domain: text }).domain : null;
  return { name: accountMatchKeys({ name: text }).nameNormalized || text, domain };
}

const sortColumns = {
  name: sql`lower(a.name)`,
  createdAt: sql`a.created_at`,
  updatedAt: sql`a.updated_at`,
  status: sql`a.status`,
  country: sql`a.country`,
} as const;

type AccountSqlRow = {
  id: string;
  name: string;
  website: string | null;
  domain: string | null;
  country: string | null;
  region: string | null;
  industry: string | null;
  size: string | null;
  phone: string | null;
  owner: { id: string; name: string; email: string } | null;
  status: string;
  customer_since: string | null;
  last_direct_engagement_at: string | Date | null;
  external_id: string | null;
  lists: { id: string; name: string; blocksPartners: boolean }[] | null;
  created_at: string | Date;
  updated_at: string | Date;
};

const iso = (value: string | Date) => new Date(value).toISOString();

function toRecord(row: AccountSqlRow): AccountRecord {
  return {
    id: row.id,
    name: row.name,
    website: row.website,
    domain: row.domain,
    country: row.country,
    region: row.region,
    industry: row.industry,
    size: row.size,
    phone: row.phone,
    owner: row.owner,
    status: row.status as AccountStatus,
    customerSince: row.customer_since ? String(row.customer_since).slice(0, 10) : null,
    lastDirectEngagementAt: row.last_direct_engagement_at ? iso(row.last_direct_engagement_at) : null,
    externalId: row.external_id,
    lists: row.lists ?? [],
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Accounts as the console shows them (owner and lists included), in the given order. */
function selectRecords(where: SQL, tail: SQL) {
  return sql`
    select a.id, a.name, a.website, a.domain, a.country, a.region, a.industry, a.size, a.phone, a.status,
      a.customer_since::text as customer_since, a.last_direct_engagement_at, a.external_id, a.created_at, a.updated_at,
      (select json_build_object('id', u.id, 'name', u.name, 'email', u.email) from users u
        where u.workspace_id = a.workspace_id and u.id = a.owner_id) as owner,
      (select json_agg(json_build_object('id', l.id, 'name', l.name, 'blocksPartners', l.blocks_partners) order by l.name)
        from account_list_members m join account_lists l on l.workspace_id = m.workspace_id and l.id = m.list_id
        where m.workspace_id = a.workspace_id and m.account_id = a.id and l.archived_at is null) as lists
    from accounts a where ${where} ${tail}`;
}

/** One page of accounts and the total; a search ranks by similarity unless another sort is asked. */
export async function listAccounts(
  db: DbOrTx,
  workspaceId: string,
  query: AccountFilters & { sort: keyof typeof sortColumns; dir: "asc" | "desc"; limit: number; offset: number },
): Promise<{ items: AccountRecord[]; total: number }> {
  const where = accountFilterWhere(workspaceId, query);
  const search = searchTerms(query.q);
  const direction = query.dir === "desc" ? sql`desc` : sql`asc`;
  const order =
    search && query.sort === "name"
      ? sql`order by (a.domain is not distinct from ${search.domain} or a.name_normalized = ${search.name}) desc,
          (a.name_normalized like ${`${escapeLike(search.name)}%`}) desc, similarity(a.name_normalized, ${search.name}) desc,
          lower(a.name), a.id`
      : sql`order by ${sortColumns[query.sort]} ${direction} nulls last, a.id ${direction}`;
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  const page = await db.execute<AccountSqlRow>(
    selectRecords(where, sql`${order} limit ${query.limit} offset ${query.offset}`),
  );
  const count = await db.execute<{ total: number }>(sql`select count(*)::int as total from accounts a where ${where}`);
  return { items: page.rows.map(toRecord), total: Number(count.rows[0]?.total ?? 0) };
}

/** Accounts by id as the console shows them (unknown ids are left out). */
export async function findAccountRecords(db: DbOrTx, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const result = await db.execute<AccountSqlRow>(
    selectRecords(sql`a.workspace_id = ${workspaceId}::uuid and a.id = any(${sql.param([...ids])}::uuid[])`, sql``),
  );
  return result.rows.map(toRecord);
}

/** One account as the console shows it; throws NOT_FOUND (also for another workspace's id). */
export async function getAccount(db: DbOrTx, workspaceId: string, id: string): Promise<AccountRecord> {
  const [record] = await findAccountRecords(db, workspaceId, [id]);
  if (!record) throw notFound("Account not found");
  return record;
}

/** Account rows by id, for other modules (registrations, opportunities …); unknown ids are left out. */
export async function findAccountsByIds(
  db: DbOrTx,
  workspaceId: string,
  ids: readonly string[],
): Promise<(typeof accounts.$inferSelect)[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), inArray(accounts.id, [...ids])));
}

/** The account row or NOT_FOUND, locked for update when `forUpdate` (inside a transaction). */
export async function loadAccountRow(db: DbOrTx, workspaceId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id)));
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("Account not found");
  return row;
}

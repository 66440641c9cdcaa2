import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { type AuditSource, recordAuditMany } from "../../platform/audit";
import { accountMatchKeys } from "./accounts.keys";

/** One account to write in bulk. Absent (undefined/null) values keep what an existing account has. */
export interface AccountUpsertRow {
  name: string;
  website?: string | null;
  domain?: string | null;
  country?: string | null;
  region?: string | null;
  industry?: string | null;
  size?: string | null;
  phone?: string | null;
  ownerId?: string | null;
  /** Resolved to a staff user of the workspace (case-insensitive). */
  ownerEmail?: string | null;
  status?: string | null;
  customerSince?: string | null;
  externalId?: string | null;
  /** Names of existing named-account lists to add the account to. */
  lists?: readonly string[];
}

export interface AccountUpsertOutcome {
  /** Index of the row in the input. */
  index: number;
  id: string;
  created: boolean;
}

/**
 * Creates or updates accounts with two set-based statements, whatever the number of rows: rows
 * match an existing account by `external_id`, else by registrable domain (an account that has no
 * other CRM id); the rest are inserted. Match keys are recomputed from the entered fields, list
 * memberships added, and one audit entry per account recorded in bulk. Run it inside the caller's
 * transaction; the caller guarantees no two rows share an external id or a domain.
 */
export async function upsertAccounts(
  tx: DbOrTx,
  source: AuditSource,
  workspaceId: string,
  rows: readonly AccountUpsertRow[],
  via: string,
): Promise<AccountUpsertOutcome[]> {
  if (rows.length === 0) return [];
  const records = rows.map((row, index) => {
    const keys = accountMatchKeys({
      name: row.name,
      website: row.website,
      domain: row.domain,
      country: row.country,
      phone: row.phone,
    });
    return {
      ord: index,
      external_id: row.externalId ?? null,
      name: row.name.trim(),
      website: row.website ?? null,
      domain: keys.domain,
      country: keys.country,
      region: row.region ?? null,
      industry: row.industry ?? null,
      size: row.size ?? null,
      phone: row.phone ?? null,
      phone_e164: keys.phoneE164,
      owner_id: row.ownerId ?? null,
      owner_email: row.ownerEmail?.toLowerCase() ?? null,
      status: row.status ?? null,
      customer_since: row.customerSince ?? null,
      name_normalized: keys.nameNormalized,
      name_keys: keys.nameKeys,
    };
  });
  const result = await tx.execute<{
    ord: number;
    id: string;
    created: boolean;
    before: Record<string, unknown> | null;
    after: Record<string, unknown>;
  }>(sql`
    with x as (
      select * from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as x(ord int, external_id text, name text,
        website text, domain text, country text, region text, industry text, size text, phone text, phone_e164 text,
        owner_id uuid, owner_email text, status text, customer_since date, name_normalized text, name_keys text[])
    ),
    resolved as materialized (
      select x.*,
        coalesce(x.owner_id, (select u.id from users u where u.workspace_id = ${workspaceId}::uuid
          and u.partner_id is null and lower(u.email) = x.owner_email)) as owner,
        coalesce(
          (select a.id from accounts a where a.workspace_id = ${workspaceId}::uuid
            and x.external_id is not null and a.external_id = x.external_id),
          (select a.id from accounts a where a.workspace_id = ${workspaceId}::uuid and x.domain is not null
            and a.domain = x.domain and (a.external_id is null or x.external_id is null)
            order by a.domain, a.created_at, a.id limit 1)
        ) as target
      from x
    ),
    keyed as (
      select r.*, coalesce(r.target, gen_random_uuid()) as account_id from resolved r
    ),
    old as (
      select a.id, a.name, a.domain, a.country, a.industry, a.size, a.status, a.owner_id, a.external_id
      from accounts a join keyed k on a.workspace_id = ${workspaceId}::uuid and a.id = k.target
    ),
    updated as (
      update accounts a set
        name = k.name,
        website = coalesce(k.website, a.website),
        domain = coalesce(k.domain, a.domain),
        country = coalesce(k.country, a.country),
        region = coalesce(k.region, a.region),
        industry = coalesce(k.industry, a.industry),
        size = coalesce(k.size, a.size),
        phone = coalesce(k.phone, a.phone),
        phone_e164 = coalesce(k.phone_e164, a.phone_e164),
        owner_id = coalesce(k.owner, a.owner_id),
        status = coalesce(k.status, a.status),
        customer_since = coalesce(k.customer_since, a.customer_since,
          case when coalesce(k.status, a.status) = 'customer' then current_date end),
        external_id = coalesce(a.external_id, k.external_id),
        name_normalized = k.name_normalized,
        name_keys = k.name_keys,
        updated_at = now()
      from keyed k
      where a.workspace_id = ${workspaceId}::uuid and a.id = k.target
      returning a.id, a.name, a.domain, a.country, a.industry, a.size, a.status, a.owner_id, a.external_id
    ),
    inserted as (
      insert into accounts (workspace_id, id, name, website, domain, country, region, industry, size, phone,
        phone_e164, owner_id, status, customer_since, external_id, name_normalized, name_keys)
      select ${workspaceId}::uuid, k.account_id, k.name, k.website, k.domain, k.country, k.region, k.industry, k.size,
        k.phone, k.phone_e164, k.owner, coalesce(k.status, 'prospect'),
        coalesce(k.customer_since, case when k.status = 'customer' then current_date end), k.external_id,
        k.name_normalized, k.name_keys
      from keyed k where k.target is null
      returning id, name, domain, country, industry, size, status, owner_id, external_id
    )
    select k.ord, k.account_id as id, k.target is null as created, to_jsonb(o) as before,
      coalesce(to_jsonb(u), to_jsonb(i)) as after
    from keyed k
      left join old o on o.id = k.target
      left join updated u on u.id = k.account_id
      left join inserted i on i.id = k.account_id
    order by k.ord`);

  const outcomes = result.rows.map((r) => ({ index: Number(r.ord), id: r.id, created: r.created }));
  const memberships = rows.flatMap((row, index) =>
    (row.lists ?? []).map((list) => ({ account_id: outcomes[index]?.id, list: list.toLowerCase() })),
  );
  if (memberships.length > 0) {
    await tx.execute(sql`
      insert into account_list_members (workspace_id, list_id, account_id, added_by)
      select ${workspaceId}::uuid, l.id, m.account_id, ${source.actor.label}
      from jsonb_to_recordset(${JSON.stringify(memberships)}::jsonb) as m(account_id uuid, list text)
      join account_lists l on l.workspace_id = ${workspaceId}::uuid and lower(l.name) = m.list and l.archived_at is null
      on conflict do nothing`);
  }
  await recordAuditMany(
    tx,
    source,
    result.rows.map((r) => ({
      action: r.created ? "account.created" : "account.updated",
      entityType: "account",
      entityId: r.id,
      before: r.before,
      after: { ...r.after, via },
    })),
  );
  return outcomes;
}

-- custom: conflict checks look up candidates in two index-backed steps (matching accounts, then what those accounts are)
-- The candidate view gains `account_id` (the account a candidate row stands for), so the second step is a plain
-- `account_id = any(...)` restriction pushed into every branch instead of a name search repeated per branch.
create or replace view deal_conflict_candidates as
select r.workspace_id, r.id::text as record_id, 'registration'::text as kind, r.company_name as display_name,
  r.name_normalized, r.name_keys, r.domain, r.email_domain, r.phone_e164, r.country::text as country,
  r.partner_id, null::text as list_name, r.submitted_at as engaged_at, r.account_id
from deal_registrations r
where r.status in ('submitted', 'under_review', 'approved')
union all
select a.workspace_id, a.id::text, 'account', a.name, a.name_normalized, a.name_keys, a.domain, null::text, a.phone_e164,
  a.country::text, null::uuid, null::text, null::timestamptz, a.id
from accounts a
where a.owner_id is not null and a.status = 'prospect'
union all
select a.workspace_id, a.id::text, 'customer', a.name, a.name_normalized, a.name_keys, a.domain, null::text, a.phone_e164,
  a.country::text,
  (select o.sourcing_partner_id from opportunities o
    where o.workspace_id = a.workspace_id and o.account_id = a.id and o.outcome = 'won'
    order by o.closed_at desc limit 1),
  null::text,
  coalesce(a.customer_since::timestamptz,
    (select min(o.closed_at) from opportunities o
      where o.workspace_id = a.workspace_id and o.account_id = a.id and o.outcome = 'won'),
    (select min(e.occurred_on)::timestamptz from revenue_events e
      where e.workspace_id = a.workspace_id and e.account_id = a.id)), a.id
from accounts a
where a.status = 'customer'
  or exists (select 1 from opportunities o where o.workspace_id = a.workspace_id and o.account_id = a.id and o.outcome = 'won')
  or exists (select 1 from revenue_events e where e.workspace_id = a.workspace_id and e.account_id = a.id)
union all
select o.workspace_id, o.id::text, 'direct_opportunity', a.name, a.name_normalized, a.name_keys, a.domain, null::text,
  a.phone_e164, a.country::text, null::uuid, null::text, o.opened_at, a.id
from opportunities o
join accounts a on a.workspace_id = o.workspace_id and a.id = o.account_id
where o.outcome = 'open' and o.source = 'direct'
union all
select m.workspace_id, a.id::text, 'named_account', a.name, a.name_normalized, a.name_keys, a.domain, null::text,
  a.phone_e164, a.country::text, null::uuid, l.name, m.added_at, a.id
from account_list_members m
join account_lists l on l.workspace_id = m.workspace_id and l.id = m.list_id
join accounts a on a.workspace_id = m.workspace_id and a.id = m.account_id
where l.blocks_partners and l.archived_at is null
union all
select a.workspace_id, a.id::text, 'direct_engagement', a.name, a.name_normalized, a.name_keys, a.domain, null::text,
  a.phone_e164, a.country::text, null::uuid, null::text, e.engaged_at, a.id
from accounts a
cross join lateral (
  select max(d.engaged_at) as engaged_at from direct_engagements d
  where d.workspace_id = a.workspace_id and d.account_id = a.id
) e
where e.engaged_at is not null;
--> statement-breakpoint
-- GIN pending lists make every search scan the unmerged entries linearly: registrations and accounts are written
-- one at a time while conflict checks read them at once, so these indexes are kept merged.
alter index accounts_name_keys_idx set (fastupdate = off);
--> statement-breakpoint
alter index accounts_name_trgm_idx set (fastupdate = off);
--> statement-breakpoint
alter index deal_registrations_name_keys_idx set (fastupdate = off);
--> statement-breakpoint
alter index deal_registrations_name_trgm_idx set (fastupdate = off);
--> statement-breakpoint
select gin_clean_pending_list(i::regclass) from unnest(array['accounts_name_keys_idx', 'accounts_name_trgm_idx',
  'deal_registrations_name_keys_idx', 'deal_registrations_name_trgm_idx']) i;
--> statement-breakpoint
-- One call per check: plpgsql caches the plans per connection (the view has six branches, so planning each
-- check afresh cost more than running it), and sequential scans are off inside it because the planner
-- underprices `name_keys && keys` (an element-by-element comparison) on small tables.
create function deal_conflict_lookup(
  p_workspace uuid, p_domains text[], p_phone text, p_name text, p_keys text[], p_country text, p_limit int,
  p_exclude_partner uuid, p_exclude_record text, p_engaged_since timestamptz, p_trigram boolean)
returns setof deal_conflict_candidates
language plpgsql stable
set enable_seqscan = off
as $$
declare
  matched uuid[];
begin
  select coalesce(array_agg(s.id), '{}') into matched from (
    (select a.id from accounts a
      where a.workspace_id = p_workspace and a.domain = any(p_domains) limit p_limit * 5)
    union
    (select a.id from accounts a
      where p_phone is not null and a.workspace_id = p_workspace and a.phone_e164 = p_phone limit p_limit * 5)
    union
    (select a.id from accounts a
      where a.workspace_id = p_workspace and a.name_keys && p_keys
      order by (a.country is not distinct from p_country) desc, similarity(a.name_normalized, p_name) desc
      limit p_limit * 2)
    union
    (select a.id from accounts a
      where p_trigram and a.workspace_id = p_workspace and a.name_normalized % p_name
      order by similarity(a.name_normalized, p_name) desc limit p_limit)
  ) s;
  return query
    select c.* from deal_conflict_candidates c
    where c.workspace_id = p_workspace and c.kind <> 'registration' and c.account_id = any(matched)
      and (p_engaged_since is null or c.kind <> 'direct_engagement' or c.engaged_at >= p_engaged_since);
  return query
    (select c.* from deal_conflict_candidates c
      where c.kind = 'registration' and c.workspace_id = p_workspace
          and (p_exclude_partner is null or c.partner_id <> p_exclude_partner)
          and (p_exclude_record is null or c.record_id <> p_exclude_record)
        and c.domain = any(p_domains) limit p_limit * 5)
    union
    (select c.* from deal_conflict_candidates c
      where c.kind = 'registration' and c.workspace_id = p_workspace
          and (p_exclude_partner is null or c.partner_id <> p_exclude_partner)
          and (p_exclude_record is null or c.record_id <> p_exclude_record)
        and c.email_domain = any(p_domains) limit p_limit * 5)
    union
    (select c.* from deal_conflict_candidates c
      where p_phone is not null and c.kind = 'registration' and c.workspace_id = p_workspace
          and (p_exclude_partner is null or c.partner_id <> p_exclude_partner)
          and (p_exclude_record is null or c.record_id <> p_exclude_record)
        and c.phone_e164 = p_phone limit p_limit * 5)
    union
    (select c.* from deal_conflict_candidates c
      where c.kind = 'registration' and c.workspace_id = p_workspace
          and (p_exclude_partner is null or c.partner_id <> p_exclude_partner)
          and (p_exclude_record is null or c.record_id <> p_exclude_record)
        and c.name_keys && p_keys
      order by (c.country is not distinct from p_country) desc, similarity(c.name_normalized, p_name) desc
      limit p_limit)
    union
    (select c.* from deal_conflict_candidates c
      where p_trigram and c.kind = 'registration' and c.workspace_id = p_workspace
          and (p_exclude_partner is null or c.partner_id <> p_exclude_partner)
          and (p_exclude_record is null or c.record_id <> p_exclude_record)
        and c.name_normalized % p_name
      order by similarity(c.name_normalized, p_name) desc limit p_limit);
end
$$;

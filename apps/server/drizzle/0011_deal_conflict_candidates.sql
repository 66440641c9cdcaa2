-- custom: the candidate relation of deal-registration conflict checks (one row per record a registration may clash with)
-- Columns follow the conflict engine's candidate query. For `customer` rows, `partner_id` is the partner of record
-- (sourcing partner of the newest won opportunity) and `engaged_at` the date the account became a customer.
create view deal_conflict_candidates as
select r.workspace_id, r.id::text as record_id, 'registration'::text as kind, r.company_name as display_name,
  r.name_normalized, r.name_keys, r.domain, r.email_domain, r.phone_e164, r.country::text as country,
  r.partner_id, null::text as list_name, r.submitted_at as engaged_at
from deal_registrations r
where r.status in ('submitted', 'under_review', 'approved')
union all
select a.workspace_id, a.id::text, 'account', a.name, a.name_normalized, a.name_keys, a.domain, null::text, a.phone_e164,
  a.country::text, null::uuid, null::text, null::timestamptz
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
      where e.workspace_id = a.workspace_id and e.account_id = a.id))
from accounts a
where a.status = 'customer'
  or exists (select 1 from opportunities o where o.workspace_id = a.workspace_id and o.account_id = a.id and o.outcome = 'won')
  or exists (select 1 from revenue_events e where e.workspace_id = a.workspace_id and e.account_id = a.id)
union all
select o.workspace_id, o.id::text, 'direct_opportunity', a.name, a.name_normalized, a.name_keys, a.domain, null::text,
  a.phone_e164, a.country::text, null::uuid, null::text, o.opened_at
from opportunities o
join accounts a on a.workspace_id = o.workspace_id and a.id = o.account_id
where o.outcome = 'open' and o.source = 'direct'
union all
select m.workspace_id, a.id::text, 'named_account', a.name, a.name_normalized, a.name_keys, a.domain, null::text,
  a.phone_e164, a.country::text, null::uuid, l.name, m.added_at
from account_list_members m
join account_lists l on l.workspace_id = m.workspace_id and l.id = m.list_id
join accounts a on a.workspace_id = m.workspace_id and a.id = m.account_id
where l.blocks_partners and l.archived_at is null
union all
select a.workspace_id, a.id::text, 'direct_engagement', a.name, a.name_normalized, a.name_keys, a.domain, null::text,
  a.phone_e164, a.country::text, null::uuid, null::text, e.engaged_at
from accounts a
cross join lateral (
  select max(d.engaged_at) as engaged_at from direct_engagements d
  where d.workspace_id = a.workspace_id and d.account_id = a.id
) e
where e.engaged_at is not null;

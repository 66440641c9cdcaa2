-- custom
-- Account facts for workspaces refreshed before the table existed, so retention and new-customer
-- figures stay right until their next refresh rebuilds the table.
insert into metric_account_facts (workspace_id, account_id, region, industry, first_new_on, first_partner_opened_at, won_sourced)
select a.workspace_id, a.id, a.region, a.industry, fi.first_new_on, d.first_partner_opened_at, coalesce(d.won_sourced, false)
from accounts a
join metric_refreshes r on r.workspace_id = a.workspace_id
left join (
  select e.workspace_id, e.account_id, min(e.occurred_on) as first_new_on
  from revenue_events e where e.kind = 'new' group by e.workspace_id, e.account_id
) fi on fi.workspace_id = a.workspace_id and fi.account_id = a.id
left join (
  select f.workspace_id, f.account_id,
    min(f.opened_at) filter (where f.partner_involved) as first_partner_opened_at,
    bool_or(f.outcome = 'won' and f.sourced) as won_sourced
  from metric_deal_facts f where f.account_id is not null group by f.workspace_id, f.account_id
) d on d.workspace_id = a.workspace_id and d.account_id = a.id
on conflict do nothing;

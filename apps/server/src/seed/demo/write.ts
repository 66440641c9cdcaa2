import type { Tx } from "../../db";
import { accountMatchKeys } from "../../modules/accounts";
import type { FxTable } from "./fx";
import type { NewDemoPartner } from "./partners";
import type { DemoChunk } from "./rows";

// Bulk writes: one `insert … select from unnest($arrays)` per table and chunk, so a chunk of
// thousands of rows is one round trip whatever its size. Array-valued columns travel as one
// delimited string per row and are split in SQL (unnest cannot carry ragged arrays).

const SEP = "\u001f";
const iso = (timeMs: number) => new Date(timeMs).toISOString();

async function run(tx: Tx, text: string, values: unknown[]): Promise<void> {
  await tx.$client.query(text, values);
}

export async function writePartners(tx: Tx, workspaceId: string, rows: NewDemoPartner[]): Promise<void> {
  if (rows.length === 0) return;
  await run(
    tx,
    `insert into partners (workspace_id, id, name, website, domain, hq_country, regions, industries, size, types,
       stage, stage_changed_at, activated_at, description, created_at, updated_at)
     select $1, id, name, 'https://www.' || domain, domain, hq, string_to_array(regions, $13), string_to_array(industries, $13),
       size, string_to_array(types, $13), stage, coalesce(activated, created), activated,
       name || ' serves ' || replace(replace(regions, $13, ', '), '_', ' ') || '.', created, coalesce(activated, created)
     from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
       $10::text[], $11::timestamptz[], $12::timestamptz[])
       as t(id, name, domain, hq, regions, industries, size, types, stage, activated, created)`,
    [
      workspaceId,
      rows.map((r) => r.id),
      rows.map((r) => r.name),
      rows.map((r) => r.domain),
      rows.map((r) => r.hqCountry),
      rows.map((r) => r.regions.join(SEP)),
      rows.map((r) => r.industries.join(SEP)),
      rows.map((r) => r.size),
      rows.map((r) => r.types.join(SEP)),
      rows.map((r) => r.stage),
      rows.map((r) => (r.activatedAt === null ? null : iso(r.activatedAt))),
      rows.map((r) => iso(r.createdAt)),
      SEP,
    ],
  );
  // Program membership by role, where the workspace has the demo programs.
  await run(
    tx,
    `insert into program_memberships (workspace_id, partner_id, program_id, joined_at)
     select $1, t.id, p.id, coalesce(t.activated, now())
     from unnest($2::uuid[], $3::text[], $4::timestamptz[]) as t(id, types, activated)
     join programs p on p.workspace_id = $1 and p.slug = any (
       array_remove(array[
         case when string_to_array(t.types, $5) && array['reseller','var','distributor','msp','system_integrator','gsi','cloud_marketplace'] then 'reseller' end,
         case when string_to_array(t.types, $5) && array['referral','affiliate','influencer','retention','competitor_coopetition'] then 'referral' end,
         case when string_to_array(t.types, $5) && array['isv','technology','strategic_alliance'] then 'technology' end
       ], null))
     where t.activated is not null
     on conflict do nothing`,
    [
      workspaceId,
      rows.map((r) => r.id),
      rows.map((r) => r.types.join(SEP)),
      rows.map((r) => (r.activatedAt === null ? null : iso(r.activatedAt))),
      SEP,
    ],
  );
}

export async function writeFxRates(tx: Tx, workspaceId: string, fx: FxTable): Promise<number> {
  const currencies: string[] = [];
  const dates: string[] = [];
  const rates: string[] = [];
  for (const [currency, series] of fx.rates)
    series.forEach((rate, i) => {
      currencies.push(currency);
      dates.push(fx.months[i] as string);
      rates.push(String(rate));
    });
  await run(
    tx,
    `insert into fx_rates (workspace_id, currency, rate_date, rate, source)
     select $1, c, d, r, 'demo' from unnest($2::text[], $3::date[], $4::numeric[]) as t(c, d, r)
     on conflict (workspace_id, currency, rate_date) do nothing`,
    [workspaceId, currencies, dates, rates],
  );
  return currencies.length;
}

export async function writeChunk(tx: Tx, workspaceId: string, chunk: DemoChunk): Promise<void> {
  const { accounts, opportunities, touchpoints, revenueEvents, registrations, leads } = chunk;
  const keys = accounts.map((a) => accountMatchKeys({ name: a.name, domain: a.domain, country: a.country }));
  await run(
    tx,
    `insert into accounts (workspace_id, id, name, website, domain, country, region, industry, size, status,
       customer_since, external_id, name_normalized, name_keys, created_at, updated_at)
     select $1, id, name, 'https://www.' || domain, domain, country, region, industry, size, status, since, ext,
       normalized, string_to_array(keys, $15), created, created
     from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
       $10::date[], $11::text[], $12::text[], $13::text[], $14::timestamptz[])
       as t(id, name, domain, country, region, industry, size, status, since, ext, normalized, keys, created)`,
    [
      workspaceId,
      accounts.map((a) => a.id),
      accounts.map((a) => a.name),
      keys.map((k, i) => k.domain ?? accounts[i]?.domain ?? null),
      accounts.map((a) => a.country),
      accounts.map((a) => a.region),
      accounts.map((a) => a.industry),
      accounts.map((a) => a.size),
      accounts.map((a) => a.status),
      accounts.map((a) => a.customerSince),
      accounts.map((a) => a.externalId),
      keys.map((k) => k.nameNormalized),
      keys.map((k) => k.nameKeys.join(SEP)),
      accounts.map((a) => iso(a.createdAt)),
      SEP,
    ],
  );
  await run(
    tx,
    `insert into opportunities (workspace_id, id, account_id, account_name, name, stage, outcome, amount_minor,
       currency, amount_reporting_minor, fx_rate, opened_at, closed_at, expected_close_on, products, source,
       sourcing_partner_id, owner_name, external_id, registration_id, created_at, updated_at)
     select $1, id, account, account_name, name, stage, outcome, amount, currency, reporting, rate, opened, closed,
       expected, string_to_array(products, $19), source, sourcing, owner, ext, registration, opened,
       coalesce(closed, opened)
     from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[],
       $10::bigint[], $11::numeric[], $12::timestamptz[], $13::timestamptz[], $14::date[], $15::text[], $16::text[],
       $17::uuid[], $18::text[], $20::text[], $21::uuid[])
       as t(id, account, account_name, name, stage, outcome, amount, currency, reporting, rate, opened, closed,
         expected, products, source, sourcing, owner, ext, registration)`,
    [
      workspaceId,
      opportunities.map((o) => o.id),
      opportunities.map((o) => o.accountId),
      opportunities.map((o) => o.accountName),
      opportunities.map((o) => o.name),
      opportunities.map((o) => o.stage),
      opportunities.map((o) => o.outcome),
      opportunities.map((o) => o.amountMinor),
      opportunities.map((o) => o.currency),
      opportunities.map((o) => o.amountReportingMinor),
      opportunities.map((o) => String(o.fxRate)),
      opportunities.map((o) => iso(o.openedAt)),
      opportunities.map((o) => (o.closedAt === null ? null : iso(o.closedAt))),
      opportunities.map((o) => o.expectedCloseOn),
      opportunities.map((o) => o.products.join(SEP)),
      opportunities.map((o) => o.source),
      opportunities.map((o) => o.sourcingPartnerId),
      opportunities.map((o) => o.ownerName),
      SEP,
      opportunities.map((o) => o.externalId),
      opportunities.map((o) => o.registrationId),
    ],
  );
  await writeRegistrations(tx, workspaceId, registrations);
  await writeLeads(tx, workspaceId, leads);
  await run(
    tx,
    `insert into touchpoints (workspace_id, id, partner_id, opportunity_id, account_id, type, occurred_at,
       accelerated, origin, actor_label, created_at)
     select $1, id, partner, opportunity, account, type, occurred, accelerated, 'demo_seed', 'demo seed', occurred
     from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::timestamptz[], $8::boolean[])
       as t(id, partner, opportunity, account, type, occurred, accelerated)`,
    [
      workspaceId,
      touchpoints.map((t) => t.id),
      touchpoints.map((t) => t.partnerId),
      touchpoints.map((t) => t.opportunityId),
      touchpoints.map((t) => t.accountId),
      touchpoints.map((t) => t.type),
      touchpoints.map((t) => iso(t.occurredAt)),
      touchpoints.map((t) => t.accelerated),
    ],
  );
  await run(
    tx,
    `insert into revenue_events (workspace_id, id, account_id, opportunity_id, kind, occurred_on, amount_minor,
       currency, amount_reporting_minor, fx_rate, created_at)
     select $1, id, account, opportunity, kind, occurred, amount, currency, reporting, rate, occurred
     from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::date[], $7::bigint[], $8::text[], $9::bigint[],
       $10::numeric[]) as t(id, account, opportunity, kind, occurred, amount, currency, reporting, rate)`,
    [
      workspaceId,
      revenueEvents.map((r) => r.id),
      revenueEvents.map((r) => r.accountId),
      revenueEvents.map((r) => r.opportunityId),
      revenueEvents.map((r) => r.kind),
      revenueEvents.map((r) => r.occurredOn),
      revenueEvents.map((r) => r.amountMinor),
      revenueEvents.map((r) => r.currency),
      revenueEvents.map((r) => r.amountReportingMinor),
      revenueEvents.map((r) => String(r.fxRate)),
    ],
  );
}

/** Deal registrations (converted, rejected as conflicts, or waiting) with their state changes. */
async function writeRegistrations(tx: Tx, workspaceId: string, rows: DemoChunk["registrations"]): Promise<void> {
  if (rows.length === 0) return;
  const keys = rows.map((r) => accountMatchKeys({ name: r.companyName, domain: r.domain, country: r.country }));
  await run(
    tx,
    `insert into deal_registrations (workspace_id, id, partner_id, created_by_label, status, company_name, website,
       country, amount_minor, currency, expected_close_on, name_normalized, name_keys, domain, account_id,
       opportunity_id, submitted_at, review_due_at, decided_at, decided_by, decision_reason, approved_at,
       protection_expires_at, check_decision, created_at, updated_at)
     select $1, id, partner, 'demo seed', status, company, 'https://www.' || domain, country, amount, currency,
       expected, normalized, string_to_array(keys, $18), domain, account, opportunity, submitted,
       submitted + interval '2 days', decided, case when decided is not null then 'demo seed' end, reason,
       case when status = 'converted' then decided end, protection, check_decision, submitted,
       coalesce(decided, submitted)
     from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[],
       $10::date[], $11::text[], $12::text[], $13::uuid[], $14::uuid[], $15::timestamptz[], $16::timestamptz[],
       $17::text[], $19::timestamptz[], $20::text[])
       as t(id, partner, status, company, domain, country, amount, currency, expected, normalized, keys, account,
         opportunity, submitted, decided, reason, protection, check_decision)`,
    [
      workspaceId,
      rows.map((r) => r.id),
      rows.map((r) => r.partnerId),
      rows.map((r) => r.status),
      rows.map((r) => r.companyName),
      keys.map((k, i) => k.domain ?? rows[i]?.domain ?? null),
      rows.map((r) => r.country),
      rows.map((r) => r.amountMinor),
      rows.map((r) => r.currency),
      rows.map((r) => r.expectedCloseOn),
      keys.map((k) => k.nameNormalized),
      keys.map((k) => k.nameKeys.join(SEP)),
      rows.map((r) => r.accountId),
      rows.map((r) => r.opportunityId),
      rows.map((r) => iso(r.submittedAt)),
      rows.map((r) => (r.decidedAt === null ? null : iso(r.decidedAt))),
      rows.map((r) => r.decisionReason),
      SEP,
      rows.map((r) => (r.protectionExpiresAt === null ? null : iso(r.protectionExpiresAt))),
      rows.map((r) => r.checkDecision),
    ],
  );
  // The history: submitted, then the decision (converted registrations were approved first).
  await run(
    tx,
    `insert into registration_transitions (workspace_id, registration_id, from_status, to_status, actor_label, reason, at)
     select $1::uuid, id, null, 'submitted', 'demo seed', null, submitted
       from unnest($2::uuid[], $3::timestamptz[]) as t(id, submitted)
     union all
     select $1, id, 'submitted', case when status = 'converted' then 'approved' else status end, 'demo seed', reason, decided
       from unnest($2::uuid[], $4::text[], $5::timestamptz[], $6::text[]) as t(id, status, decided, reason)
      where status <> 'submitted'
     union all
     select $1, id, 'approved', 'converted', 'demo seed', 'Converted to an opportunity', decided + interval '1 hour'
       from unnest($2::uuid[], $4::text[], $5::timestamptz[]) as t(id, status, decided)
      where status = 'converted'`,
    [
      workspaceId,
      rows.map((r) => r.id),
      rows.map((r) => iso(r.submittedAt)),
      rows.map((r) => r.status),
      rows.map((r) => iso(r.decidedAt ?? r.submittedAt)),
      rows.map((r) => r.decisionReason),
    ],
  );
}

/** Leads and referrals in every direction; a lead offered to a partner has its offer. */
async function writeLeads(tx: Tx, workspaceId: string, rows: DemoChunk["leads"]): Promise<void> {
  if (rows.length === 0) return;
  await run(
    tx,
    `insert into leads (workspace_id, id, kind, source, status, company, domain, country, amount_minor, currency,
       sender_partner_id, recipient_partner_id, offer_expires_at, decline_reason, account_id, opportunity_id,
       created_by, created_at, updated_at)
     select $1, id, kind, source, status, company, domain, country, amount, currency, sender, recipient, expires,
       reason, account, opportunity, 'demo seed', created, created
     from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[],
       $10::text[], $11::uuid[], $12::uuid[], $13::timestamptz[], $14::text[], $15::uuid[], $16::uuid[],
       $17::timestamptz[])
       as t(id, kind, source, status, company, domain, country, amount, currency, sender, recipient, expires, reason,
         account, opportunity, created)`,
    [
      workspaceId,
      rows.map((r) => r.id),
      rows.map((r) => r.kind),
      rows.map((r) => r.source),
      rows.map((r) => r.status),
      rows.map((r) => r.company),
      rows.map((r) => r.domain),
      rows.map((r) => r.country),
      rows.map((r) => r.amountMinor),
      rows.map((r) => r.currency),
      rows.map((r) => r.senderPartnerId),
      rows.map((r) => r.recipientPartnerId),
      rows.map((r) => (r.offerExpiresAt === null ? null : iso(r.offerExpiresAt))),
      rows.map((r) => r.declineReason),
      rows.map((r) => r.accountId),
      rows.map((r) => r.opportunityId),
      rows.map((r) => iso(r.createdAt)),
    ],
  );
  await run(
    tx,
    `insert into lead_offers (workspace_id, lead_id, partner_id, offered_at, expires_at, outcome, decided_at, reason)
     select $1, id, recipient, created, created + interval '3 days',
       case status when 'offered' then 'pending' when 'declined' then 'declined' else 'accepted' end,
       case when status <> 'offered' then created + interval '1 day' end, reason
     from unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[])
       as t(id, recipient, created, status, reason)
     where recipient is not null`,
    [
      workspaceId,
      rows.map((r) => r.id),
      rows.map((r) => r.recipientPartnerId),
      rows.map((r) => iso(r.createdAt)),
      rows.map((r) => r.status),
      rows.map((r) => r.declineReason),
    ],
  );
}

import type { AuditSource } from "../../platform/audit";
import { ref, type SeedContext, type SeedContributor } from "../../seed/registry";
import { leadActivities, leadRoutingSettings, leads } from "./leads.schema";
import { emitLeadEvent, type LeadRow, logActivity, offerLeadTo, touchLead, updateLead } from "./leads.writes";

type Fields = Pick<
  typeof leads.$inferInsert,
  "company" | "domain" | "country" | "need" | "amountMinor" | "currency"
> & {
  contactName: string;
  contactEmail: string;
};

async function insert(context: SeedContext, source: AuditSource, shape: Partial<typeof leads.$inferInsert> & Fields) {
  const [row] = await context.tx
    .insert(leads)
    .values({ workspaceId: context.workspace.id, kind: "lead", source: "vendor", status: "unassigned", ...shape })
    .returning();
  if (!row) throw new Error("demo lead not inserted");
  await logActivity(context.tx, source, row, {
    type: row.kind === "referral" ? "referral.sent" : "lead.created",
    partnerId: row.senderPartnerId,
    status: row.status as never,
  });
  return row;
}

async function progress(
  context: SeedContext,
  source: AuditSource,
  lead: LeadRow,
  to: "contacted" | "qualified" | "converted",
  note: string,
) {
  const row = await updateLead(context.tx, lead, { status: to });
  await logActivity(context.tx, source, row, {
    type: `${lead.kind}.status_changed`,
    partnerId: lead.recipientPartnerId,
    status: to,
    note,
  });
  await emitLeadEvent(
    context.tx,
    source,
    row,
    lead.kind === "referral" ? "referral.status_changed" : "lead.status_changed",
    {
      from: lead.status,
      to,
      note,
      opportunityId: null,
    },
  );
  return row;
}

/** Demo leads: one waiting for each demo partner admin, one in the pool, referrals both ways. */
export const leadsSeed: SeedContributor = {
  module: "leads",
  async seed(context) {
    const { tx, workspace } = context;
    const source: AuditSource = { actor: { kind: "system", workspaceId: workspace.id, label: "demo seed" } };
    const northwind = ref(context, "partner:northwind");
    const contoso = ref(context, "partner:contoso");
    const fabrikam = ref(context, "partner:fabrikam");
    await tx.insert(leadRoutingSettings).values({ workspaceId: workspace.id, rule: "round_robin", acceptHours: 48 });

    const forNorthwind = await insert(context, source, {
      company: "Harborview Clinics",
      domain: "harborview-clinics.example",
      country: "GB",
      need: "Patient billing across 12 clinics; wants a pilot this quarter",
      amountMinor: 3_600_000,
      currency: "GBP",
      contactName: "Priya Shah",
      contactEmail: "priya.shah@harborview-clinics.example",
    });
    await offerLeadTo(tx, source, forNorthwind, northwind, 36);

    const forContoso = await insert(context, source, {
      company: "Alpine Freight AG",
      domain: "alpine-freight.example",
      country: "CH",
      need: "Usage-based invoicing for 300 trucks",
      amountMinor: 5_200_000,
      currency: "EUR",
      contactName: "Jonas Meier",
      contactEmail: "jonas.meier@alpine-freight.example",
    });
    await offerLeadTo(tx, source, forContoso, contoso, 20);

    const pooled = await insert(context, source, {
      status: "pooled",
      company: "Sunvale Energy",
      domain: "sunvale-energy.example",
      country: "DE",
      need: "Metering data to invoices; evaluating three vendors",
      amountMinor: 2_400_000,
      currency: "EUR",
      contactName: "Lea Wagner",
      contactEmail: "lea.wagner@sunvale-energy.example",
    });
    await tx
      .insert(leadActivities)
      .values({ workspaceId: workspace.id, leadId: pooled.id, type: "lead.pooled", status: "pooled" });

    // Contoso referred a company to Northwind, who accepted and qualified it.
    let p2p = await insert(context, source, {
      kind: "referral",
      source: "partner",
      status: "accepted",
      senderPartnerId: contoso,
      recipientPartnerId: northwind,
      company: "Brightline Retail",
      domain: "brightline-retail.example",
      country: "NL",
      need: "Subscription boxes; needs a Dutch-speaking implementer",
      amountMinor: 1_800_000,
      currency: "EUR",
      contactName: "Daan de Vries",
      contactEmail: "daan@brightline-retail.example",
    });
    p2p = await touchLead(tx, source, p2p, contoso, "referral", null);
    p2p = await touchLead(tx, source, p2p, northwind, "lead", null);
    await progress(context, source, p2p, "qualified", "Budget approved, demo next week");

    // Fabrikam referred a company to the vendor; it waits for an answer.
    const toVendor = await insert(context, source, {
      kind: "referral",
      source: "partner",
      status: "offered",
      senderPartnerId: fabrikam,
      company: "Quarry Lane Studios",
      domain: "quarrylane.example",
      country: "US",
      need: "Switching from spreadsheets; 40 seats",
      amountMinor: 960_000,
      currency: "USD",
      contactName: "Morgan Lee",
      contactEmail: "morgan@quarrylane.example",
    });
    await touchLead(tx, source, toVendor, fabrikam, "referral", null);
    context.progress("5 leads and referrals");
  },
};

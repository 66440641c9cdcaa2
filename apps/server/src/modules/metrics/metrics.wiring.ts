import { latestPartnerCredit, partnerDealCreditSql } from "../attribution";
import { leadReciprocity } from "../leads";
import {
  registerAttributedRevenueProvider,
  registerDealCreditProvider,
  registerReciprocityProvider,
} from "./metrics.providers";

// Attributed revenue comes from the attribution module's latest completed snapshot (partner
// grouping); a workspace without one reports the linear split over involved partners.
registerAttributedRevenueProvider(latestPartnerCredit);
registerDealCreditProvider(partnerDealCreditSql);

// Lead sharing comes from the leads module: per partner, leads and referrals the vendor and other
// partners gave it, and those it gave back (all time: lead rows carry no period filter here).
registerReciprocityProvider(async (db, query) => {
  const rows = await leadReciprocity(db, query.workspaceId, { partnerId: query.partnerId });
  const byPartner = new Map<string, { sentToPartner: number; receivedFromPartner: number }>();
  const entry = (id: string) => {
    let value = byPartner.get(id);
    if (!value) {
      value = { sentToPartner: 0, receivedFromPartner: 0 };
      byPartner.set(id, value);
    }
    return value;
  };
  for (const row of rows) {
    if (row.toPartnerId) entry(row.toPartnerId).sentToPartner += row.given;
    if (row.fromPartnerId) entry(row.fromPartnerId).receivedFromPartner += row.given;
  }
  return byPartner;
});

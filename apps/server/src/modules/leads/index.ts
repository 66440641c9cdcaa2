// Leads and referrals in every direction: vendor → partner offers with deadlines and reassignment,
// the claimable pool, partner → vendor and partner → partner referrals, public referral links,
// loop closure and reciprocity.
import "./leads.events";

export { reassignExpiredOffers, reassignExpiredOffersJob } from "./leads.jobs";
export { leadReciprocity } from "./leads.reciprocity";
export { consoleLeadRoutes, portalLeadRoutes, publicReferralRoutes } from "./leads.routes";
export { leadActivities, leadOffers, leadRoutingSettings, leads, referralLinks } from "./leads.schema";
export { leadsSeed } from "./leads.seed";

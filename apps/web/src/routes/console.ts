import { createRoute, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { parseAccountSearch } from "../pages/console/accounts/accountSearch";
import { parseDashboardSearch } from "../pages/console/dashboard/dashboardSearch";
import { parsePartnerSearch } from "../pages/console/partners/partnerSearch";
import { parseOpportunitySearch } from "../pages/console/revenue/opportunitySearch";
import { NotFoundPage } from "../pages/system";
import { requireSurface } from "./guards";
import { rootRoute } from "./root";

// ── vendor console ──────────────────────────────────────────────────────────

const consoleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/console",
  beforeLoad: ({ location }) => requireSurface("vendor", location.href),
  component: lazyRouteComponent(() => import("../pages/console/ConsoleShell"), "ConsoleShell"),
  notFoundComponent: NotFoundPage,
});

const soon = () => import("../pages/comingSoon");

const consoleIndexRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "/",
  // Filters and the figure being drilled into live in the URL, so a view can be shared.
  validateSearch: parseDashboardSearch,
  component: lazyRouteComponent(() => import("../pages/console/dashboard/DashboardPage"), "DashboardPage"),
});
const consolePartnersRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "partners",
  // Filters, sort and page live in the URL so a filtered view can be shared and Back restores it.
  validateSearch: parsePartnerSearch,
  component: lazyRouteComponent(() => import("../pages/console/partners/PartnersPage"), "PartnersPage"),
});
const consolePartnerImportRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "partners/import",
  component: lazyRouteComponent(
    () => import("../pages/console/partners/import/ImportPartnersPage"),
    "ImportPartnersPage",
  ),
});
// ── accounts and imports ────────────────────────────────────────────────────
const consoleAccountsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "accounts",
  validateSearch: parseAccountSearch,
  component: lazyRouteComponent(() => import("../pages/console/accounts/AccountsPage"), "AccountsPage"),
});
const consoleAccountListsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "accounts/lists",
  component: lazyRouteComponent(() => import("../pages/console/accounts/AccountListsPage"), "AccountListsPage"),
});
const consoleAccountRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "accounts/$accountId",
  component: lazyRouteComponent(() => import("../pages/console/accounts/AccountPage"), "AccountPage"),
});
const consoleImportWizardRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "imports/$kind",
  component: lazyRouteComponent(() => import("../pages/console/imports/ImportWizardPage"), "ImportWizardPage"),
});
const consolePartnerProfileRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "partners/$partnerId",
  component: lazyRouteComponent(() => import("../pages/console/partners/PartnerProfilePage"), "PartnerProfilePage"),
});
const consoleProgramsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "programs",
  component: lazyRouteComponent(() => import("../pages/console/programs/ProgramsPage"), "ProgramsPage"),
});
const consoleTierProposalsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "programs/proposals",
  component: lazyRouteComponent(() => import("../pages/console/programs/TierProposalsPage"), "TierProposalsPage"),
});
const consoleProgramRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "programs/$programId",
  component: lazyRouteComponent(() => import("../pages/console/programs/ProgramPage"), "ProgramPage"),
});
const consoleRecruitmentRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "recruitment",
  component: lazyRouteComponent(() => import("../pages/console/recruitment/RecruitmentPage"), "RecruitmentPage"),
});
const consoleIppRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "recruitment/ipp/$programId",
  component: lazyRouteComponent(() => import("../pages/console/recruitment/IppEditorPage"), "IppEditorPage"),
});
const consoleAgreementsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "agreements",
  component: lazyRouteComponent(() => import("../pages/console/agreements/AgreementsPage"), "AgreementsPage"),
});
const consoleOnboardingRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "onboarding",
  component: lazyRouteComponent(() => import("../pages/console/onboarding/OnboardingPage"), "OnboardingPage"),
});
const consoleLeadsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "leads",
  component: lazyRouteComponent(() => import("../pages/console/leads/LeadsPage"), "LeadsPage"),
});
const consoleLeadRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "leads/$leadId",
  component: lazyRouteComponent(() => import("../pages/console/leads/LeadPage"), "LeadPage"),
});
const consoleDealsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "deals",
  component: lazyRouteComponent(() => import("../pages/console/deals/RegistrationQueuePage"), "RegistrationQueuePage"),
});
const consoleDealRulesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "deals/rules",
  component: lazyRouteComponent(() => import("../pages/console/deals/RulesPage"), "RulesPage"),
});
const consoleDealRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "deals/$id",
  component: lazyRouteComponent(
    () => import("../pages/console/deals/RegistrationReviewPage"),
    "RegistrationReviewPage",
  ),
});
const consoleAttributionRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "attribution",
  component: lazyRouteComponent(() => import("../pages/console/attribution/AttributionPage"), "AttributionPage"),
});
const consolePathAnalysisRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "attribution/paths",
  component: lazyRouteComponent(() => import("../pages/console/attribution/PathAnalysisPage"), "PathAnalysisPage"),
});
const consoleOpportunitiesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "opportunities",
  validateSearch: parseOpportunitySearch,
  component: lazyRouteComponent(() => import("../pages/console/revenue/OpportunitiesPage"), "OpportunitiesPage"),
});
const consoleOpportunityRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "opportunities/$opportunityId",
  component: lazyRouteComponent(() => import("../pages/console/revenue/OpportunityPage"), "OpportunityPage"),
});
const consoleFxRatesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "fx-rates",
  component: lazyRouteComponent(() => import("../pages/console/revenue/FxRatesPage"), "FxRatesPage"),
});
const consoleEnablementRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "enablement",
  component: lazyRouteComponent(soon, "ConsoleEnablementPage"),
});
const consoleMdfRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "mdf",
  component: lazyRouteComponent(soon, "ConsoleMdfPage"),
});

const settings = () => import("../pages/console/settings");

const settingsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "settings",
  component: lazyRouteComponent(settings, "SettingsLayout"),
});
const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/",
  beforeLoad: ({ context }) => {
    const admin = context.session?.user.role === "admin";
    throw redirect({ to: admin ? "/console/settings/users" : "/console/settings/security", replace: true });
  },
});
const settingsUsersRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "users",
  component: lazyRouteComponent(settings, "ConsoleUsersSection"),
});
const settingsInvitationsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "invitations",
  component: lazyRouteComponent(settings, "ConsoleInvitationsSection"),
});
const settingsApiKeysRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "api-keys",
  component: lazyRouteComponent(settings, "ConsoleApiKeysSection"),
});
const settingsAuditRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "audit-log",
  component: lazyRouteComponent(settings, "AuditLogSection"),
});
const settingsCustomFieldsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "custom-fields",
  component: lazyRouteComponent(() => import("../pages/console/settings/partnerDirectory"), "PartnerDirectorySection"),
});
const settingsSecurityRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "security",
  component: lazyRouteComponent(settings, "ConsoleSecuritySection"),
});

export const consoleTree = consoleRoute.addChildren([
  consoleIndexRoute,
  consolePartnersRoute,
  consolePartnerImportRoute,
  consolePartnerProfileRoute,
  consoleAccountsRoute,
  consoleAccountListsRoute,
  consoleAccountRoute,
  consoleImportWizardRoute,
  consoleProgramsRoute,
  consoleTierProposalsRoute,
  consoleProgramRoute,
  consoleRecruitmentRoute,
  consoleIppRoute,
  consoleAgreementsRoute,
  consoleOnboardingRoute,
  consoleLeadsRoute,
  consoleLeadRoute,
  consoleDealsRoute,
  consoleDealRulesRoute,
  consoleDealRoute,
  consoleAttributionRoute,
  consolePathAnalysisRoute,
  consoleOpportunitiesRoute,
  consoleOpportunityRoute,
  consoleFxRatesRoute,
  consoleEnablementRoute,
  consoleMdfRoute,
  settingsRoute.addChildren([
    settingsIndexRoute,
    settingsUsersRoute,
    settingsInvitationsRoute,
    settingsApiKeysRoute,
    settingsAuditRoute,
    settingsCustomFieldsRoute,
    settingsSecurityRoute,
  ]),
]);

import type { AuthSession, UserKind } from "@symbiont/contracts";
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { ensureSession, homeFor, postLoginTarget } from "./lib/auth";
import { setNotice } from "./lib/notice";
import { parseAccountSearch } from "./pages/console/accounts/accountSearch";
import { parseDashboardSearch } from "./pages/console/dashboard/dashboardSearch";
import { parsePartnerSearch } from "./pages/console/partners/partnerSearch";
import { parseOpportunitySearch } from "./pages/console/revenue/opportunitySearch";
import { NotFoundPage, RouteErrorPage } from "./pages/system";

export interface RouterContext {
  queryClient: QueryClient;
  session?: AuthSession;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

// ── public ──────────────────────────────────────────────────────────────────

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: async () => {
    const session = await ensureSession();
    if (!session) throw redirect({ to: "/login", search: {} });
    throw redirect({ to: homeFor(session.user) });
  },
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === "string" && search.redirect ? { redirect: search.redirect } : {},
  beforeLoad: async ({ search }) => {
    const session = await ensureSession();
    if (session) throw redirect({ href: postLoginTarget(session.user, search.redirect) });
  },
  component: lazyRouteComponent(() => import("./pages/LoginPage"), "LoginPage"),
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invite/$token",
  component: lazyRouteComponent(() => import("./pages/InvitePage"), "InvitePage"),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === "string" && search.token ? { token: search.token } : {},
  component: lazyRouteComponent(() => import("./pages/ResetPasswordPage"), "ResetPasswordPage"),
});

const applyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/apply/$workspaceSlug/$programSlug",
  component: lazyRouteComponent(() => import("./pages/apply/ApplyPage"), "ApplyPage"),
});

const referralFormRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/r/$code",
  component: lazyRouteComponent(() => import("./pages/referral/ReferralFormPage"), "ReferralFormPage"),
});

// ── guards ──────────────────────────────────────────────────────────────────

// Keyed by who is signed in: what they are told when they open the other surface.
const surfaceNotices: Record<UserKind, string> = {
  vendor: "That page is for partners",
  partner: "That page is for vendor staff",
};

async function requireSurface(kind: UserKind, href: string): Promise<{ session: AuthSession }> {
  const session = await ensureSession();
  if (!session) throw redirect({ to: "/login", search: { redirect: href } });
  if (session.user.kind !== kind) {
    setNotice("surface", surfaceNotices[session.user.kind]);
    throw redirect({ to: homeFor(session.user) });
  }
  return { session };
}

// ── vendor console ──────────────────────────────────────────────────────────

const consoleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/console",
  beforeLoad: ({ location }) => requireSurface("vendor", location.href),
  component: lazyRouteComponent(() => import("./pages/console/ConsoleShell"), "ConsoleShell"),
  notFoundComponent: NotFoundPage,
});

const soon = () => import("./pages/comingSoon");

const consoleIndexRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "/",
  // Filters and the figure being drilled into live in the URL, so a view can be shared.
  validateSearch: parseDashboardSearch,
  component: lazyRouteComponent(() => import("./pages/console/dashboard/DashboardPage"), "DashboardPage"),
});
const consolePartnersRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "partners",
  // Filters, sort and page live in the URL so a filtered view can be shared and Back restores it.
  validateSearch: parsePartnerSearch,
  component: lazyRouteComponent(() => import("./pages/console/partners/PartnersPage"), "PartnersPage"),
});
const consolePartnerImportRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "partners/import",
  component: lazyRouteComponent(
    () => import("./pages/console/partners/import/ImportPartnersPage"),
    "ImportPartnersPage",
  ),
});
// ── accounts and imports ────────────────────────────────────────────────────
const consoleAccountsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "accounts",
  validateSearch: parseAccountSearch,
  component: lazyRouteComponent(() => import("./pages/console/accounts/AccountsPage"), "AccountsPage"),
});
const consoleAccountListsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "accounts/lists",
  component: lazyRouteComponent(() => import("./pages/console/accounts/AccountListsPage"), "AccountListsPage"),
});
const consoleAccountRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "accounts/$accountId",
  component: lazyRouteComponent(() => import("./pages/console/accounts/AccountPage"), "AccountPage"),
});
const consoleImportWizardRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "imports/$kind",
  component: lazyRouteComponent(() => import("./pages/console/imports/ImportWizardPage"), "ImportWizardPage"),
});
const consolePartnerProfileRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "partners/$partnerId",
  component: lazyRouteComponent(() => import("./pages/console/partners/PartnerProfilePage"), "PartnerProfilePage"),
});
const consoleProgramsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "programs",
  component: lazyRouteComponent(() => import("./pages/console/programs/ProgramsPage"), "ProgramsPage"),
});
const consoleTierProposalsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "programs/proposals",
  component: lazyRouteComponent(() => import("./pages/console/programs/TierProposalsPage"), "TierProposalsPage"),
});
const consoleProgramRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "programs/$programId",
  component: lazyRouteComponent(() => import("./pages/console/programs/ProgramPage"), "ProgramPage"),
});
const consoleRecruitmentRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "recruitment",
  component: lazyRouteComponent(() => import("./pages/console/recruitment/RecruitmentPage"), "RecruitmentPage"),
});
const consoleIppRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "recruitment/ipp/$programId",
  component: lazyRouteComponent(() => import("./pages/console/recruitment/IppEditorPage"), "IppEditorPage"),
});
const consoleAgreementsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "agreements",
  component: lazyRouteComponent(() => import("./pages/console/agreements/AgreementsPage"), "AgreementsPage"),
});
const consoleOnboardingRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "onboarding",
  component: lazyRouteComponent(() => import("./pages/console/onboarding/OnboardingPage"), "OnboardingPage"),
});
const consoleLeadsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "leads",
  component: lazyRouteComponent(() => import("./pages/console/leads/LeadsPage"), "LeadsPage"),
});
const consoleLeadRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "leads/$leadId",
  component: lazyRouteComponent(() => import("./pages/console/leads/LeadPage"), "LeadPage"),
});
const consoleDealsRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "deals",
  component: lazyRouteComponent(() => import("./pages/console/deals/RegistrationQueuePage"), "RegistrationQueuePage"),
});
const consoleDealRulesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "deals/rules",
  component: lazyRouteComponent(() => import("./pages/console/deals/RulesPage"), "RulesPage"),
});
const consoleDealRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "deals/$id",
  component: lazyRouteComponent(() => import("./pages/console/deals/RegistrationReviewPage"), "RegistrationReviewPage"),
});
const consoleAttributionRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "attribution",
  component: lazyRouteComponent(() => import("./pages/console/attribution/AttributionPage"), "AttributionPage"),
});
const consolePathAnalysisRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "attribution/paths",
  component: lazyRouteComponent(() => import("./pages/console/attribution/PathAnalysisPage"), "PathAnalysisPage"),
});
const consoleOpportunitiesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "opportunities",
  validateSearch: parseOpportunitySearch,
  component: lazyRouteComponent(() => import("./pages/console/revenue/OpportunitiesPage"), "OpportunitiesPage"),
});
const consoleOpportunityRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "opportunities/$opportunityId",
  component: lazyRouteComponent(() => import("./pages/console/revenue/OpportunityPage"), "OpportunityPage"),
});
const consoleFxRatesRoute = createRoute({
  getParentRoute: () => consoleRoute,
  path: "fx-rates",
  component: lazyRouteComponent(() => import("./pages/console/revenue/FxRatesPage"), "FxRatesPage"),
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

const settings = () => import("./pages/console/settings");

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
  component: lazyRouteComponent(() => import("./pages/console/settings/partnerDirectory"), "PartnerDirectorySection"),
});
const settingsSecurityRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "security",
  component: lazyRouteComponent(settings, "ConsoleSecuritySection"),
});

// ── partner portal ──────────────────────────────────────────────────────────

const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/portal",
  beforeLoad: ({ location }) => requireSurface("partner", location.href),
  component: lazyRouteComponent(() => import("./pages/portal/PortalShell"), "PortalShell"),
  notFoundComponent: NotFoundPage,
});

const portalIndexRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "/",
  component: lazyRouteComponent(() => import("./pages/portal/PortalHomePage"), "PortalHomePage"),
});
const portalTierRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "tier",
  component: lazyRouteComponent(() => import("./pages/portal/PortalTierPage"), "PortalTierPage"),
});
const portalScorecardRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "scorecard",
  component: lazyRouteComponent(() => import("./pages/portal/PortalScorecardPage"), "PortalScorecardPage"),
});
const portalAgreementsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "agreements",
  component: lazyRouteComponent(() => import("./pages/portal/PortalAgreementsPage"), "PortalAgreementsPage"),
});
const portalDealsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "deals",
  component: lazyRouteComponent(() => import("./pages/portal/deals/PortalDealsPage"), "PortalDealsPage"),
});
const portalRegisterDealRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "deals/new",
  component: lazyRouteComponent(() => import("./pages/portal/deals/RegisterDealPage"), "RegisterDealPage"),
});
const portalDealRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "deals/$id",
  component: lazyRouteComponent(() => import("./pages/portal/deals/PortalDealPage"), "PortalDealPage"),
});
const portalLeadsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "leads",
  component: lazyRouteComponent(() => import("./pages/portal/leads/PortalLeadsPage"), "PortalLeadsPage"),
});
const portalLeadRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "leads/$leadId",
  component: lazyRouteComponent(() => import("./pages/portal/leads/PortalLeadPage"), "PortalLeadPage"),
});
const portalLearningRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "learning",
  component: lazyRouteComponent(soon, "PortalLearningPage"),
});
const portalFundsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "funds",
  component: lazyRouteComponent(soon, "PortalFundsPage"),
});
const portalEarningsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "earnings",
  component: lazyRouteComponent(soon, "PortalEarningsPage"),
});

const profile = () => import("./pages/portal/profile");

const profileRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "profile",
  component: lazyRouteComponent(profile, "ProfileLayout"),
});
const profileIndexRoute = createRoute({
  getParentRoute: () => profileRoute,
  path: "/",
  component: lazyRouteComponent(profile, "OrganizationSection"),
});
const profileInvitationsRoute = createRoute({
  getParentRoute: () => profileRoute,
  path: "invitations",
  component: lazyRouteComponent(profile, "PortalInvitationsSection"),
});
const profileApiKeysRoute = createRoute({
  getParentRoute: () => profileRoute,
  path: "api-keys",
  component: lazyRouteComponent(profile, "PortalApiKeysSection"),
});
const profileSecurityRoute = createRoute({
  getParentRoute: () => profileRoute,
  path: "security",
  component: lazyRouteComponent(profile, "PortalSecuritySection"),
});

// ── tree ────────────────────────────────────────────────────────────────────

const routeTree = rootRoute.addChildren([
  indexRoute,
  loginRoute,
  inviteRoute,
  resetPasswordRoute,
  applyRoute,
  referralFormRoute,
  consoleRoute.addChildren([
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
  ]),
  portalRoute.addChildren([
    portalIndexRoute,
    portalTierRoute,
    portalScorecardRoute,
    portalAgreementsRoute,
    portalDealsRoute,
    portalRegisterDealRoute,
    portalDealRoute,
    portalLeadsRoute,
    portalLeadRoute,
    portalLearningRoute,
    portalFundsRoute,
    portalEarningsRoute,
    profileRoute.addChildren([profileIndexRoute, profileInvitationsRoute, profileApiKeysRoute, profileSecurityRoute]),
  ]),
]);

/** Plain `?a=b` search strings (no JSON encoding), so tokens and redirects stay readable. */
function parseSearch(searchStr: string): Record<string, unknown> {
  const params = new URLSearchParams(searchStr.startsWith("?") ? searchStr.slice(1) : searchStr);
  const result: Record<string, string> = {};
  for (const [key, value] of params) result[key] = value;
  return result;
}

function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function buildRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    defaultErrorComponent: RouteErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    defaultPendingMinMs: 0,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof buildRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: AppRouter;
  }
}

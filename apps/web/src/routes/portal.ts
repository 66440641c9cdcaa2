import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { NotFoundPage } from "../pages/system";
import { requireSurface } from "./guards";
import { rootRoute } from "./root";

// ── partner portal ──────────────────────────────────────────────────────────

const soon = () => import("../pages/comingSoon");

const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/portal",
  beforeLoad: ({ location }) => requireSurface("partner", location.href),
  component: lazyRouteComponent(() => import("../pages/portal/PortalShell"), "PortalShell"),
  notFoundComponent: NotFoundPage,
});

const portalIndexRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "/",
  component: lazyRouteComponent(() => import("../pages/portal/PortalHomePage"), "PortalHomePage"),
});
const portalTierRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "tier",
  component: lazyRouteComponent(() => import("../pages/portal/PortalTierPage"), "PortalTierPage"),
});
const portalScorecardRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "scorecard",
  component: lazyRouteComponent(() => import("../pages/portal/PortalScorecardPage"), "PortalScorecardPage"),
});
const portalAgreementsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "agreements",
  component: lazyRouteComponent(() => import("../pages/portal/PortalAgreementsPage"), "PortalAgreementsPage"),
});
const portalDealsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "deals",
  component: lazyRouteComponent(() => import("../pages/portal/deals/PortalDealsPage"), "PortalDealsPage"),
});
const portalRegisterDealRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "deals/new",
  component: lazyRouteComponent(() => import("../pages/portal/deals/RegisterDealPage"), "RegisterDealPage"),
});
const portalDealRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "deals/$id",
  component: lazyRouteComponent(() => import("../pages/portal/deals/PortalDealPage"), "PortalDealPage"),
});
const portalLeadsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "leads",
  component: lazyRouteComponent(() => import("../pages/portal/leads/PortalLeadsPage"), "PortalLeadsPage"),
});
const portalLeadRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "leads/$leadId",
  component: lazyRouteComponent(() => import("../pages/portal/leads/PortalLeadPage"), "PortalLeadPage"),
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

const profile = () => import("../pages/portal/profile");

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

export const portalTree = portalRoute.addChildren([
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
]);

import { createRoute, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { ensureSession, homeFor, postLoginTarget } from "../lib/auth";
import { rootRoute } from "./root";

// Pages anyone may open: sign-in, invitations, password reset, partner applications and referrals.

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
  component: lazyRouteComponent(() => import("../pages/LoginPage"), "LoginPage"),
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invite/$token",
  component: lazyRouteComponent(() => import("../pages/InvitePage"), "InvitePage"),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === "string" && search.token ? { token: search.token } : {},
  component: lazyRouteComponent(() => import("../pages/ResetPasswordPage"), "ResetPasswordPage"),
});

const applyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/apply/$workspaceSlug/$programSlug",
  component: lazyRouteComponent(() => import("../pages/apply/ApplyPage"), "ApplyPage"),
});

const referralFormRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/r/$code",
  component: lazyRouteComponent(() => import("../pages/referral/ReferralFormPage"), "ReferralFormPage"),
});

export const publicRoutes = [
  indexRoute,
  loginRoute,
  inviteRoute,
  resetPasswordRoute,
  applyRoute,
  referralFormRoute,
] as const;

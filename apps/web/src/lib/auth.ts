import type { AuthSession, CurrentUser, Role } from "@symbiont/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { ApiError, api, setCsrfToken } from "./api";
import { queryClient } from "./query";

export const meQueryKey = ["auth", "me"] as const;

export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: async ({ signal }): Promise<AuthSession | null> => {
    try {
      const session = await api.auth.me(signal);
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

/** The signed-in session, or null when signed out. */
export function useMe() {
  return useQuery(meQuery);
}

/** Inside a guarded shell the session is always present. */
export function useSession(): AuthSession | null {
  return useQuery(meQuery).data ?? null;
}

export function useCurrentUser(): CurrentUser | null {
  return useSession()?.user ?? null;
}

export function ensureSession(): Promise<AuthSession | null> {
  return queryClient.ensureQueryData(meQuery);
}

export function storeSession(session: AuthSession): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(meQueryKey, session);
}

/** Forget everything we know about the signed-in user. */
export function clearSession(): void {
  setCsrfToken(null);
  queryClient.cancelQueries();
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, null);
}

export function homeFor(user: Pick<CurrentUser, "kind">): "/console" | "/portal" {
  return user.kind === "vendor" ? "/console" : "/portal";
}

/**
 * Where to go after signing in: the `redirect` target when it is a same-origin path on
 * the user's own surface, otherwise the surface home.
 */
export function postLoginTarget(user: Pick<CurrentUser, "kind">, redirect: string | undefined): string {
  const home = homeFor(user);
  if (!redirect?.startsWith("/") || redirect.startsWith("//") || redirect.includes("\\")) return home;
  if (redirect === home || redirect.startsWith(`${home}/`) || redirect.startsWith(`${home}?`)) return redirect;
  return home;
}

// ── role-aware capabilities ─────────────────────────────────────────────────

export type Capability =
  | "users.manage"
  | "invitations.manage"
  | "apiKeys.manage"
  | "audit.read"
  | "partners.create"
  | "portal.admin";

const grants: Record<Capability, readonly Role[]> = {
  "users.manage": ["admin"],
  "invitations.manage": ["admin"],
  "apiKeys.manage": ["admin"],
  "audit.read": ["admin"],
  "partners.create": ["admin", "partner_manager"],
  "portal.admin": ["partner_admin"],
};

export function can(user: Pick<CurrentUser, "role"> | null | undefined, capability: Capability): boolean {
  if (!user) return false;
  return grants[capability].includes(user.role);
}

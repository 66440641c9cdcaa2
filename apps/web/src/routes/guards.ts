import type { AuthSession, UserKind } from "@symbiont/contracts";
import { redirect } from "@tanstack/react-router";
import { ensureSession, homeFor } from "../lib/auth";
import { setNotice } from "../lib/notice";

// Keyed by who is signed in: what they are told when they open the other surface.
const surfaceNotices: Record<UserKind, string> = {
  vendor: "That page is for partners",
  partner: "That page is for vendor staff",
};

export async function requireSurface(kind: UserKind, href: string): Promise<{ session: AuthSession }> {
  const session = await ensureSession();
  if (!session) throw redirect({ to: "/login", search: { redirect: href } });
  if (session.user.kind !== kind) {
    setNotice("surface", surfaceNotices[session.user.kind]);
    throw redirect({ to: homeFor(session.user) });
  }
  return { session };
}

import type { PartnerRole, Role, VendorRole } from "@symbiont/contracts";
import { AppError } from "../errors";

interface ActorBase {
  workspaceId: string;
  /** The person behind the request; null for API keys. */
  userId: string | null;
  apiKeyId: string | null;
  sessionId: string | null;
  /** Human-readable name for audit entries: an email or an API key name. */
  label: string;
  /** Names for display, loaded with the credentials when that costs no extra query. */
  profile?: ActorProfile;
}

export interface ActorProfile {
  name: string;
  email: string;
  workspace: { id: string; name: string; slug: string };
  partner: { id: string; name: string } | null;
}

export interface VendorActor extends ActorBase {
  kind: "vendor";
  role: VendorRole;
  partnerId: null;
}

export interface PartnerActor extends ActorBase {
  kind: "partner";
  role: PartnerRole;
  partnerId: string;
}

/** Who is asking. Every service function receives one and checks it first. */
export type Actor = VendorActor | PartnerActor;

/** Jobs and the CLI act as the system inside one workspace. */
export interface SystemActor {
  kind: "system";
  workspaceId: string;
  label: string;
}

export function isVendor(actor: Actor): actor is VendorActor {
  return actor.kind === "vendor";
}

export function isPartner(actor: Actor): actor is PartnerActor {
  return actor.kind === "partner";
}

/** Throws FORBIDDEN unless the actor holds one of `roles`. */
export function requireRole(actor: Actor, roles: readonly Role[], message?: string): void {
  if (!roles.includes(actor.role)) throw new AppError("FORBIDDEN", message ? { message } : {});
}

export function requireVendor(actor: Actor, roles?: readonly VendorRole[]): asserts actor is VendorActor {
  if (actor.kind !== "vendor") throw new AppError("FORBIDDEN", { message: "This is for vendor staff only" });
  if (roles) requireRole(actor, roles);
}

export function requirePartner(actor: Actor, roles?: readonly PartnerRole[]): asserts actor is PartnerActor {
  if (actor.kind !== "partner") throw new AppError("FORBIDDEN", { message: "This is for partner users only" });
  if (roles) requireRole(actor, roles);
}

/** Staff roles that may change data. `analyst` reads only. */
export const vendorWriters: readonly VendorRole[] = ["admin", "partner_manager", "marketing", "finance"];

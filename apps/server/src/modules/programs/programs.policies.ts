import type { VendorRole } from "@symbiont/contracts";
import { type Actor, requireVendor, type VendorActor } from "../../platform/authz";

/** Staff who configure programs, tiers and memberships. */
export const programManagers: readonly VendorRole[] = ["admin", "partner_manager"];

/** Every vendor role may read programs. */
export function assertCanReadPrograms(actor: Actor): asserts actor is VendorActor {
  requireVendor(actor);
}

export function assertCanManagePrograms(actor: Actor): asserts actor is VendorActor {
  requireVendor(actor, programManagers);
}

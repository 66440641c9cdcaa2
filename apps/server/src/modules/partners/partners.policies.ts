import type { VendorRole } from "@symbiont/contracts";
import { type Actor, type PartnerActor, requirePartner, requireVendor, type VendorActor } from "../../platform/authz";

/** Staff who may change the directory; marketing, finance and analysts read it. */
export const partnerWriters: readonly VendorRole[] = ["admin", "partner_manager"];

export function assertCanReadPartners(actor: Actor): asserts actor is VendorActor {
  requireVendor(actor);
}

export function assertCanWritePartners(actor: Actor): asserts actor is VendorActor {
  requireVendor(actor, partnerWriters);
}

/** Custom field definitions and directory settings belong to workspace admins. */
export function assertCanConfigureDirectory(actor: Actor): asserts actor is VendorActor {
  requireVendor(actor, ["admin"]);
}

/** Partner admins edit their own organization's profile; partner users only read it. */
export function assertCanEditOwnPartner(actor: Actor): asserts actor is PartnerActor {
  requirePartner(actor, ["partner_admin"]);
}

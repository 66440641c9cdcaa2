import type { Role } from "@symbiont/contracts";
import { type Actor, requirePartner, requireVendor } from "../../platform/authz";
import { AppError } from "../../platform/errors";

/**
 * Vendor admins invite anyone (staff, or people into a partner); partner admins invite
 * colleagues into their own organization only.
 */
export function assertCanInvite(actor: Actor, role?: Role): void {
  if (actor.kind === "vendor") {
    requireVendor(actor, ["admin"]);
    return;
  }
  requirePartner(actor, ["partner_admin"]);
  if (role && role !== "partner_admin" && role !== "partner_user") {
    throw new AppError("FORBIDDEN", { message: "Partner admins can invite partner users only" });
  }
}

/** Who may see the people list: staff see staff, partner users see their colleagues. */
export function assertCanListPeople(actor: Actor): void {
  if (actor.kind === "vendor") requireVendor(actor, ["admin"]);
}

/** Changing someone's role or disabling them: vendor admins for staff, partner admins for colleagues. */
export function assertCanManagePeople(actor: Actor): void {
  if (actor.kind === "vendor") requireVendor(actor, ["admin"]);
  else requirePartner(actor, ["partner_admin"]);
}

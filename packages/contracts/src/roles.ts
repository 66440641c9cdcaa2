import { z } from "zod";

/** Vendor staff roles, most to least privileged. `analyst` is read-only. */
export const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
/** Roles of people at a partner organization. */
export const partnerRoles = ["partner_admin", "partner_user"] as const;
export const roles = [...vendorRoles, ...partnerRoles] as const;

export const vendorRole = z.enum(vendorRoles);
export const partnerRole = z.enum(partnerRoles);
export const role = z.enum(roles);

export type VendorRole = z.infer<typeof vendorRole>;
export type PartnerRole = z.infer<typeof partnerRole>;
export type Role = z.infer<typeof role>;

export const userKinds = ["vendor", "partner"] as const;
export type UserKind = (typeof userKinds)[number];

export function isPartnerRole(value: Role): value is PartnerRole {
  return (partnerRoles as readonly string[]).includes(value);
}

export const roleLabels: Record<Role, string> = {
  admin: "Admin",
  partner_manager: "Partner manager",
  marketing: "Marketing",
  finance: "Finance",
  analyst: "Analyst (read-only)",
  partner_admin: "Partner admin",
  partner_user: "Partner user",
};

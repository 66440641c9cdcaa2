import type { VendorRole } from "@symbiont/contracts";

/** Staff who may change the account book; every staff role may read it. Partner users never see it. */
export const accountWriters: readonly VendorRole[] = ["admin", "partner_manager"];

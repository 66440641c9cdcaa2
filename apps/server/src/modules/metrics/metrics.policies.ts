import type { VendorRole } from "@symbiont/contracts";
import { type Actor, requireVendor } from "../../platform/authz";

/** Every staff role reads the evidence (analysts included). */
export const metricReaders: readonly VendorRole[] = ["admin", "partner_manager", "marketing", "finance", "analyst"];
/** Spend and program cost lines are finance data. */
export const costWriters: readonly VendorRole[] = ["admin", "finance"];
/** Weights, half-life, bands and margin change every figure: admins only. */
export const settingsWriters: readonly VendorRole[] = ["admin"];

export function assertCanReadMetrics(actor: Actor) {
  requireVendor(actor, metricReaders);
}

export function assertCanWriteCosts(actor: Actor) {
  requireVendor(actor, costWriters);
}

export function assertCanWriteMetricSettings(actor: Actor) {
  requireVendor(actor, settingsWriters);
}

import { moneyTierMetrics, type TierMetric, tierMetricLabels, tierMetrics } from "@symbiont/contracts";
import { Badge } from "../../../components/ui/Badge";
import { useCurrentUser } from "../../../lib/auth";

/** Admins and partner managers configure programs, tiers and memberships; everyone else reads. */
export function useCanManagePrograms(): boolean {
  const user = useCurrentUser();
  return user?.role === "admin" || user?.role === "partner_manager";
}

export function protectionLabel(days: number | null): string {
  return days === null ? "No expiry" : `${days} days`;
}

export const metricOptions = tierMetrics.map((metric) => ({ value: metric, label: tierMetricLabels[metric] }));

export const isMoneyMetric = (metric: TierMetric) => moneyTierMetrics.includes(metric);

export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** A threshold for display: money from minor units in the reporting currency, counts as numbers. */
export function formatThreshold(metric: TierMetric, value: number, currency: string): string {
  if (!isMoneyMetric(metric)) return value.toLocaleString("en-US");
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(
    value / 10 ** currencyDigits(currency),
  );
}

/** Form value (major units for money) ⇄ stored value (minor units). */
export const toStored = (metric: TierMetric, input: number, currency: string) =>
  isMoneyMetric(metric) ? Math.round(input * 10 ** currencyDigits(currency)) : input;
export const toInput = (metric: TierMetric, stored: number, currency: string) =>
  isMoneyMetric(metric) ? stored / 10 ** currencyDigits(currency) : stored;

export function TierBadge({ name, color }: { name: string | null | undefined; color?: string | null }) {
  if (!name) return <span className="text-slate-400">No tier</span>;
  return (
    <Badge tone="brand">
      {color ? <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: color }} /> : null}
      {name}
    </Badge>
  );
}

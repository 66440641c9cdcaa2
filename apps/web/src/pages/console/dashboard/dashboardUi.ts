import { type FigureUnit, regionLabelOf } from "@symbiont/contracts";

export function formatMoney(minor: number | null | undefined, currency: string, compact = true): string {
  if (minor === null || minor === undefined) return "—";
  const major = minor / 100;
  const useCompact = compact && Math.abs(major) >= 10_000;
  return new Intl.NumberFormat("en", {
    style: "currency",
    currency,
    notation: useCompact ? "compact" : "standard",
    maximumFractionDigits: useCompact ? 1 : 0,
  }).format(major);
}

export const formatPercent = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "—" : `${(value * 100).toFixed(digits)} %`;

export const formatPoints = (value: number | null | undefined) =>
  value === null || value === undefined
    ? "—"
    : `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value * 100).toFixed(1)} pts`;

export function formatFigure(unit: FigureUnit, value: number | null, currency: string): string {
  if (value === null) return "—";
  if (unit === "money") return formatMoney(value, currency);
  if (unit === "money_per_day") return `${formatMoney(value, currency)} / day`;
  if (unit === "percent") return formatPercent(value);
  if (unit === "ratio") return value.toFixed(2);
  if (unit === "days") return `${value.toFixed(0)} days`;
  if (unit === "score") return value.toFixed(0);
  return value.toLocaleString("en", { maximumFractionDigits: 1 });
}

/** "+12.5 %" / "−3.0 %" with a direction for colour and screen readers. */
export function describeChange(change: number | null): { text: string; direction: "up" | "down" | "flat" | "none" } {
  if (change === null) return { text: "no previous figure", direction: "none" };
  if (Math.abs(change) < 0.0005) return { text: "unchanged", direction: "flat" };
  const text = `${change > 0 ? "+" : "−"}${Math.abs(change * 100).toFixed(1)} %`;
  return { text, direction: change > 0 ? "up" : "down" };
}

/** A region key as people read it (`north_america` → North America); free-text regions show as typed. */
export const regionLabel = (region: string) => (region === "unknown" ? "Unknown region" : regionLabelOf(region));

export const roleLabel = (role: string) =>
  role === "unspecified" ? "Role not set" : role.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());

export const seriesColors = { sourced: "#4f46e5", influenced: "#0891b2", direct: "#94a3b8" } as const;

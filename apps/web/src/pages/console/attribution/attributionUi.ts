import { type AttributionModel, attributionModelLabels } from "@symbiont/contracts";

export const modelLabel = (model: AttributionModel) => attributionModelLabels[model] ?? model;

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Minor units of `currency` as money ("$12,400"); fractional credit rounds to whole units. */
export function formatMoney(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return "—";
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: "currency", currency, maximumFractionDigits: 0 });
    } catch {
      format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
    }
    moneyFormats.set(currency, format);
  }
  const exponent = currency === "JPY" || currency === "KRW" ? 0 : 2;
  return format.format(minor / 10 ** exponent);
}

const decimals = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
export const formatCredit = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : decimals.format(value);

const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });
export const formatShare = (value: number) => percent.format(value);

/** A stable colour per series index, readable on white. */
export const seriesColors = ["#4f46e5", "#0891b2", "#16a34a", "#ca8a04", "#dc2626", "#9333ea", "#db2777", "#475569"];
export const colorOf = (i: number) => seriesColors[i % seriesColors.length]!;

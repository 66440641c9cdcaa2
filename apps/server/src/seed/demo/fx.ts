import { minorDigits } from "../../modules/revenue";
import { DAY_MS, FX_MONTHLY_SD, HISTORY_DAYS, usdPerUnit } from "./model";
import type { Random } from "./random";

/** Monthly FX rates into the reporting currency, the same table the generator converts with. */
export interface FxTable {
  reportingCurrency: string;
  /** Rate dates (first of each month, YYYY-MM-DD), oldest first. */
  months: string[];
  /** Per currency: reporting units per unit, one per month (rounded as stored). */
  rates: Map<string, number[]>;
  /** Index of the month of `timeMs`, clamped to the table. */
  monthIndex(timeMs: number): number;
  /** The stored rate of `currency` for the month of `timeMs` (1 for the reporting currency). */
  rate(currency: string, timeMs: number): number;
}

function monthNumber(timeMs: number): number {
  const date = new Date(timeMs);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** A random walk per currency from two months before the history starts to the anchor month. */
export function buildFxTable(random: Random, anchorMs: number, reportingCurrency: string): FxTable {
  const first = monthNumber(anchorMs - (HISTORY_DAYS + 60) * DAY_MS);
  const last = monthNumber(anchorMs);
  const months: string[] = [];
  for (let m = first; m <= last; m += 1)
    months.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-01`);
  const usd = new Map<string, number[]>();
  for (const [currency, start] of Object.entries(usdPerUnit)) {
    let value = start;
    const series: number[] = [];
    for (let i = 0; i < months.length; i += 1) {
      if (currency !== "USD") value *= Math.exp(FX_MONTHLY_SD * random.normal());
      series.push(value);
    }
    usd.set(currency, series);
  }
  const reportingUsd = usd.get(reportingCurrency) ?? months.map(() => 1);
  const rates = new Map<string, number[]>();
  for (const [currency, series] of usd) {
    if (currency === reportingCurrency) continue;
    rates.set(
      currency,
      series.map((value, i) => Number((value / (reportingUsd[i] ?? 1)).toPrecision(10))),
    );
  }
  const monthIndex = (timeMs: number) => Math.min(months.length - 1, Math.max(0, monthNumber(timeMs) - first));
  return {
    reportingCurrency,
    months,
    rates,
    monthIndex,
    rate: (currency, timeMs) =>
      currency === reportingCurrency ? 1 : (rates.get(currency)?.[monthIndex(timeMs)] ?? Number.NaN),
  };
}

const digitsCache = new Map<string, number>();

/** `minorDigits` of the revenue module, memoized (it builds an Intl formatter per call). */
export function cachedMinorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = minorDigits(currency);
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** `convertMinor` of the revenue module with memoized minor digits: the same formula and rounding. */
export function convertMinorFast(amountMinor: number, from: string, to: string, rate: number): number {
  const scaled = (amountMinor * rate * 10 ** cachedMinorDigits(to)) / 10 ** cachedMinorDigits(from);
  return Math.sign(scaled) * Math.round(Math.abs(scaled));
}

import { and, desc, eq, lte } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { workspaces } from "../workspaces/workspaces.schema";
import { fxRates } from "./revenue.schema";

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** True for an ISO 4217 code this runtime knows (upper case, three letters). */
export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code);
}

/** Digits after the decimal point of a currency's minor unit (USD 2, JPY 0, KWD 3). */
// Building an Intl.NumberFormat costs far more than a lookup, and the answer per currency never changes.
const digitsByCurrency = new Map<string, number>();

export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * Converts integer minor units of `from` into minor units of `to` at `rate` (units of `to` per
 * unit of `from`), rounding half away from zero once at the end.
 */
export function convertMinor(amountMinor: number, from: string, to: string, rate: number): number {
  const scaled = (amountMinor * rate * 10 ** minorDigits(to)) / 10 ** minorDigits(from);
  return Math.sign(scaled) * Math.round(Math.abs(scaled));
}

export async function reportingCurrencyOf(db: DbOrTx, workspaceId: string): Promise<string> {
  const [row] = await db
    .select({ currency: workspaces.reportingCurrency })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.currency ?? "USD";
}

/** The newest rate of `currency` on or before `onDate` (YYYY-MM-DD), or null when none is known. */
export async function rateOn(
  db: DbOrTx,
  workspaceId: string,
  currency: string,
  onDate: string,
): Promise<{ rate: number; rateDate: string } | null> {
  const [row] = await db
    .select({ rate: fxRates.rate, rateDate: fxRates.rateDate })
    .from(fxRates)
    .where(and(eq(fxRates.workspaceId, workspaceId), eq(fxRates.currency, currency), lte(fxRates.rateDate, onDate)))
    .orderBy(desc(fxRates.rateDate))
    .limit(1);
  return row ? { rate: Number(row.rate), rateDate: row.rateDate } : null;
}

export interface ReportingAmount {
  amountReportingMinor: number | null;
  /** The rate used, as a decimal string; null when no rate is known. */
  fxRate: string | null;
}

/**
 * An amount in the reporting currency at the rate of `onDate` (never today's rate). Same currency
 * → rate 1. No rate on or before the date → null amount, so reports can say what is missing.
 */
export async function toReporting(
  db: DbOrTx,
  workspaceId: string,
  amountMinor: number | null,
  currency: string | null,
  onDate: string,
  reportingCurrency?: string,
): Promise<ReportingAmount> {
  if (amountMinor === null || currency === null) return { amountReportingMinor: null, fxRate: null };
  const reporting = reportingCurrency ?? (await reportingCurrencyOf(db, workspaceId));
  if (currency === reporting) return { amountReportingMinor: amountMinor, fxRate: "1" };
  const found = await rateOn(db, workspaceId, currency, onDate);
  if (!found) return { amountReportingMinor: null, fxRate: null };
  return {
    amountReportingMinor: convertMinor(amountMinor, currency, reporting, found.rate),
    fxRate: String(found.rate),
  };
}

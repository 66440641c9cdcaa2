import { describe, expect, it } from "vitest";
import { convertMinor, isKnownCurrency, minorDigits } from "./revenue.fx";

describe("FX conversion", () => {
  it("knows minor units per currency", () => {
    expect(minorDigits("USD")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("KWD")).toBe(3);
  });

  it("converts between currencies with different minor units", () => {
    // ¥1,000,000 at 0.0067 USD/JPY = $6,700.00
    expect(convertMinor(1_000_000, "JPY", "USD", 0.0067)).toBe(670_000);
    // €123.45 at 1.0856 = $134.0173… → 13,402 cents
    expect(convertMinor(12_345, "EUR", "USD", 1.0856)).toBe(13_402);
    // $10.00 into JPY at 149.5 = ¥1,495
    expect(convertMinor(1_000, "USD", "JPY", 149.5)).toBe(1_495);
  });

  it("rounds half away from zero", () => {
    expect(convertMinor(1, "EUR", "USD", 0.5)).toBe(1);
    expect(convertMinor(3, "EUR", "USD", 0.5)).toBe(2);
  });

  it("accepts only ISO 4217 codes", () => {
    expect(isKnownCurrency("EUR")).toBe(true);
    expect(isKnownCurrency("eur")).toBe(false);
    expect(isKnownCurrency("XYZ")).toBe(false);
    expect(isKnownCurrency("EURO")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { groupVariants, outcomeOfStage, parseCrmAmount, parseCrmDate, variantKey } from "./revenue.crm";

describe("reading CRM exports", () => {
  it("maps stages to outcomes", () => {
    expect(
      ["Prospecting", "Engaging", "Won", "Lost", "Closed Won", "closed_lost", "Negotiation"].map(outcomeOfStage),
    ).toEqual(["open", "open", "won", "lost", "won", "lost", "open"]);
  });

  it("reads dates and refuses impossible ones", () => {
    expect(parseCrmDate("2017-03-01")).toBe("2017-03-01T00:00:00.000Z");
    expect(parseCrmDate("3/1/2017")).toBe("2017-03-01T00:00:00.000Z");
    expect(parseCrmDate("2017-03-01 14:05")).toBe("2017-03-01T14:05:00.000Z");
    expect(parseCrmDate("2017-02-30")).toBeNull();
    expect(parseCrmDate("soon")).toBeNull();
  });

  it("reads amounts into minor units", () => {
    expect(parseCrmAmount("1,054.50", "USD")).toBe(105_450);
    expect(parseCrmAmount("$1054", "USD")).toBe(105_400);
    expect(parseCrmAmount("1054", "JPY")).toBe(1054);
    expect(parseCrmAmount("", "USD")).toBeNull();
    expect(parseCrmAmount("-5", "USD")).toBeNaN();
    expect(parseCrmAmount("1.005", "USD")).toBeNaN();
    expect(parseCrmAmount("12abc", "USD")).toBeNaN();
  });

  it("groups spellings that differ in case, spaces or punctuation", () => {
    expect(variantKey(" GTX-Pro ")).toBe(variantKey("gtx pro"));
    const groups = groupVariants(["GTX Pro", "GTXPro", "GTX Pro", "gtx pro", "MG Special", "Acme, Inc.", "ACME Inc"]);
    expect(groups).toEqual([
      {
        canonical: "Acme, Inc.",
        spellings: [
          { value: "Acme, Inc.", count: 1 },
          { value: "ACME Inc", count: 1 },
        ],
      },
      {
        canonical: "GTX Pro",
        spellings: [
          { value: "GTX Pro", count: 2 },
          { value: "GTXPro", count: 1 },
          { value: "gtx pro", count: 1 },
        ],
      },
    ]);
  });
});

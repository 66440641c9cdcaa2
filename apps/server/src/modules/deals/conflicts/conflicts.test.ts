import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CandidateIndex, keyFrequencyFromStats, probeNameKeys } from "./blocking";
import { candidateQuery, rowToCandidate } from "./candidate-query";
import { checkConflicts, partnerView } from "./decide";
import { jaroWinkler, trigramSimilarity } from "./score";
import type { CandidateRecord } from "./types";

describe("string similarity", () => {
  it("Jaro-Winkler matches the textbook values", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3);
    expect(jaroWinkler("dwayne", "duane")).toBeCloseTo(0.84, 2);
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.813, 3);
    expect(jaroWinkler("", "")).toBe(0);
  });
  it("trigram similarity follows pg_trgm", () => {
    expect(trigramSimilarity("word", "two words")).toBeCloseTo(4 / 11, 5);
    expect(trigramSimilarity("contoso", "contoso")).toBe(1);
  });
  it("both are symmetric and within [0, 1]", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        for (const f of [jaroWinkler, trigramSimilarity]) {
          const x = f(a, b);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1 + 1e-9);
          expect(x).toBeCloseTo(f(b, a), 9);
        }
      }),
    );
  });
});

const customer: CandidateRecord = {
  id: "c1",
  kind: "customer",
  name: "Contoso Ltd",
  domain: "contoso.com",
  country: "GB",
  phone: "+442079460018",
};

describe("checkConflicts", () => {
  it("says who and why for a conflict", () => {
    const result = checkConflicts({ name: "CONTOSO LIMITED", domain: "https://www.contoso.com" }, [customer]);
    expect(result.decision).toBe("conflict");
    expect(result.reason).toMatch(/^Contoso Ltd \(contoso\.com\) is an existing customer/);
    expect(result.matches[0]!.evidence).toContainEqual({
      key: "domain",
      probeValue: "contoso.com",
      candidateValue: "contoso.com",
      score: 1,
    });
  });

  it.each([
    [{ name: "Contoso Germany", domain: "contoso.com" }, "review"],
    [{ name: "Contoso Germany GmbH", domain: "contoso.de", country: "DE" }, "review"],
    [{ name: "Fabrikam Research", domain: "contoso.com" }, "review"],
    [{ name: "Contsoo Ltd", country: "GB" }, "conflict"],
    [{ name: "Contoso", country: "US" }, "review"],
    [{ name: "Someone", contactEmail: "jane@contoso.com" }, "review"],
    [{ name: "Contoso", contactEmail: "jane@contoso.com" }, "conflict"],
    [{ name: "Contoso", contactEmail: "jane@gmail.com", country: "GB" }, "conflict"],
    [{ name: "Northwind", contactEmail: "jane@gmail.com", phone: "020 7946 0018", country: "GB" }, "review"],
    [{ name: "Northwind Traders", domain: "northwind.com" }, "clear"],
    [{ name: "", domain: "contoso.com" }, "conflict"],
  ])("%j → %s", (probe, expected) => {
    const result = checkConflicts(probe, [customer]);
    expect(result.decision, result.reason).toBe(expected);
    expect(result.reason.length).toBeGreaterThan(0);
  });

  it("keeps different companies with similar names apart", () => {
    const delta: CandidateRecord = { id: "a1", kind: "account", name: "Delta Air Lines, Inc.", domain: "delta.com" };
    expect(checkConflicts({ name: "Delta Dental", domain: "deltadental.com" }, [delta]).decision).toBe("clear");
    expect(checkConflicts({ name: "Delta Airlines", domain: "delta.com" }, [delta]).decision).toBe("conflict");
  });

  it("ignores direct engagement outside the look-back window", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const engagement = (engagedAt: string): CandidateRecord => ({
      id: "e1",
      kind: "direct_engagement",
      name: "Contoso",
      domain: "contoso.com",
      engagedAt,
    });
    const probe = { name: "Contoso", domain: "contoso.com" };
    expect(checkConflicts(probe, [engagement("2026-01-01")], { now }).decision).toBe("clear");
    const recent = checkConflicts(probe, [engagement("2026-05-01")], { now });
    expect(recent.decision).toBe("conflict");
    expect(recent.reason).toContain("engaged by direct sales on 2026-05-01");
  });

  it("names the named-account list and hides records from partners", () => {
    const named: CandidateRecord = { id: "n1", kind: "named_account", name: "Contoso", listName: "Strategic 50" };
    const result = checkConflicts({ name: "Contoso Ltd" }, [named]);
    expect(result.reason).toContain('named-account list "Strategic 50"');
    expect(JSON.stringify(partnerView(result))).not.toContain("Strategic");
  });
});

describe("blocking", () => {
  const records: CandidateRecord[] = [
    customer,
    { id: "r1", kind: "registration", name: "Contoso Deutschland GmbH", domain: "contoso.de", partnerId: "p1" },
    { id: "r2", kind: "registration", name: "Fabrikam", domain: "fabrikam.com", partnerId: "p2" },
    { id: "a1", kind: "account", name: "Coca-Cola", domain: "coca-cola.com" },
  ];
  const index = new CandidateIndex(records);
  const ids = (probe: Parameters<typeof index.candidates>[0], options = {}) =>
    index
      .candidates(probe, options)
      .map((r) => r.id)
      .sort();

  it("finds by domain, e-mail domain, tokens, typos and the spaceless name", () => {
    expect(ids({ name: "zzz", domain: "www.contoso.com" })).toContain("c1");
    expect(ids({ name: "zzz", contactEmail: "a@fabrikam.com" })).toEqual(["r2"]);
    expect(ids({ name: "Contoso" })).toEqual(["c1", "r1"]);
    expect(ids({ name: "Fabrikan" })).toEqual(["r2"]);
    expect(ids({ name: "Fabrikkamm" })).toEqual([]);
    expect(ids({ name: "Fabrikkamm" }, { includeTrigram: true })).toEqual(["r2"]);
    expect(ids({ name: "CocaCola" })).toEqual(["a1"]);
  });

  it("skips the partner's own registrations", () => {
    expect(ids({ name: "Contoso" }, { excludePartnerId: "p1" })).toEqual(["c1"]);
  });

  it("builds one parameterized statement", () => {
    const q = candidateQuery(
      { name: "Contoso Ltd", domain: "contoso.com", contactEmail: "a@contoso.co.uk", country: "gb" },
      { relation: "deal_conflict_candidates", workspaceId: "w1" },
    );
    expect(q.text).toContain("name_keys && $5::text[]");
    expect(q.text).not.toContain("%");
    expect(q.text).not.toContain("Contoso");
    expect(q.values.slice(0, 6)).toEqual([
      "w1",
      ["contoso.com", "contoso.co.uk"],
      null,
      "contoso",
      expect.arrayContaining(["contoso", "~contoso", "~cntoso", "=contoso"]),
      "GB",
    ]);
    expect(() => candidateQuery({ name: "x" }, { relation: "t; drop table x", workspaceId: "w1" })).toThrow();
  });

  it("prefers rare name keys when statistics say a key is common", () => {
    const frequency = keyFrequencyFromStats(["airlines", "~irlines"], [0.01, 0.002], 1_000_000);
    const keys = probeNameKeys({ tokens: ["pevamu", "airlines"], compact: "pevamuairlines" }, frequency, 3, 500);
    expect(keys).toContain("pevamu");
    expect(keys).toContain("~pevamu");
    expect(keys).not.toContain("airlines");
    expect(keys).not.toContain("~irlines");
    expect(keys).toContain("=pevamuairlines");
    // A name of one common word is still found through its spaceless form and its rarer variants.
    const common = probeNameKeys({ tokens: ["airlines"], compact: "airlines" }, frequency, 3, 500);
    expect(common).toContain("=airlines");
    expect(common).not.toContain("airlines");
    expect(probeNameKeys({ tokens: ["airlines"], compact: "airlines" }, () => 10_000, 3, 500)).toEqual([
      "airlines",
      "=airlines",
    ]);
  });

  it("maps rows back to records", () => {
    const record = rowToCandidate({
      record_id: "1",
      kind: "customer",
      display_name: "Contoso Ltd",
      name_normalized: "contoso",
      domain: "contoso.com",
      email_domain: null,
      phone_e164: null,
      country: "GB",
      partner_id: null,
      list_name: null,
      engaged_at: null,
    });
    expect(checkConflicts({ name: "Contoso" }, [record]).decision).toBe("conflict");
  });
});

import { describe, expect, it } from "vitest";
import { cleanDomain, companyDomainOfEmail, pickNextPartner, progressRefusal } from "./leads.rules";

describe("lead progress", () => {
  it("moves forward only, lost from any active step, nothing after the end", () => {
    expect(progressRefusal("accepted", "contacted")).toBeNull();
    expect(progressRefusal("accepted", "converted")).toBeNull();
    expect(progressRefusal("contacted", "qualified")).toBeNull();
    expect(progressRefusal("qualified", "lost")).toBeNull();
    expect(progressRefusal("qualified", "contacted")).toMatch(/already qualified/);
    expect(progressRefusal("contacted", "contacted")).toMatch(/already contacted/);
    expect(progressRefusal("offered", "contacted")).toMatch(/Accept the lead/);
    expect(progressRefusal("pooled", "lost")).toMatch(/Accept the lead/);
    expect(progressRefusal("converted", "lost")).toMatch(/already converted/);
    expect(progressRefusal("lost", "converted")).toMatch(/already lost/);
  });
});

describe("routing", () => {
  const t = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
  const eligible = [
    { partnerId: "b", lastOfferedAt: t(5) },
    { partnerId: "a", lastOfferedAt: t(1) },
    { partnerId: "c", lastOfferedAt: null },
  ];
  it("round robin: never-offered first, then least recently offered, skipping who had the lead", () => {
    expect(pickNextPartner({ rule: "round_robin", ranked: [], eligible, alreadyOffered: new Set() })).toBe("c");
    expect(pickNextPartner({ rule: "round_robin", ranked: [], eligible, alreadyOffered: new Set(["c"]) })).toBe("a");
    expect(
      pickNextPartner({ rule: "round_robin", ranked: [], eligible, alreadyOffered: new Set(["c", "a", "b"]) }),
    ).toBeNull();
  });
  it("ranked: the first eligible partner of the list not yet offered", () => {
    const ranked = ["x", "b", "a"];
    expect(pickNextPartner({ rule: "ranked", ranked, eligible, alreadyOffered: new Set() })).toBe("b");
    expect(pickNextPartner({ rule: "ranked", ranked, eligible, alreadyOffered: new Set(["b"]) })).toBe("a");
    expect(pickNextPartner({ rule: "ranked", ranked, eligible, alreadyOffered: new Set(["b", "a"]) })).toBeNull();
  });
});

describe("domains", () => {
  it("cleans what people type and ignores free-mail", () => {
    expect(cleanDomain("https://www.Contoso.com/about")).toBe("contoso.com");
    expect(cleanDomain("")).toBeNull();
    expect(companyDomainOfEmail("a@Fabrikam.io")).toBe("fabrikam.io");
    expect(companyDomainOfEmail("someone@gmail.com")).toBeNull();
    expect(companyDomainOfEmail(null)).toBeNull();
  });
});

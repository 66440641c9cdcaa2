import { describe, expect, it } from "vitest";
import { type ClassifiableTouch, classifyOpportunity } from "./revenue.classification";

const opened = new Date("2026-02-01T00:00:00Z");
const closed = new Date("2026-04-01T00:00:00Z");
const opp = { openedAt: opened, closedAt: closed, source: "direct" as const, sourcingPartnerId: null };
const touch = (partnerId: string, at: string, extra: Partial<ClassifiableTouch> = {}): ClassifiableTouch => ({
  partnerId,
  occurredAt: new Date(at),
  accelerated: false,
  voided: false,
  onOpportunity: true,
  ...extra,
});

describe("classifyOpportunity", () => {
  it("is direct without touches, sourced by source or an earlier touch, influenced otherwise", () => {
    expect(classifyOpportunity(opp, [])).toEqual({
      kind: "direct",
      accelerated: false,
      sourcingPartnerIds: [],
      influencingPartnerIds: [],
    });
    expect(classifyOpportunity({ ...opp, source: "partner_sourced", sourcingPartnerId: "p1" }, []).kind).toBe(
      "sourced",
    );
    expect(classifyOpportunity(opp, [touch("p1", "2026-01-15T00:00:00Z")]).sourcingPartnerIds).toEqual(["p1"]);
    const both = classifyOpportunity(opp, [
      touch("p2", "2026-02-10T00:00:00Z", { accelerated: true }),
      touch("p1", "2026-01-31T23:59:59Z"),
    ]);
    expect(both).toEqual({
      kind: "sourced",
      accelerated: true,
      sourcingPartnerIds: ["p1"],
      influencingPartnerIds: ["p2"],
    });
    expect(classifyOpportunity(opp, [touch("p2", "2026-02-01T00:00:00Z")]).kind).toBe("influenced");
  });

  it("ignores voided touches, touches after the close and stale account-level touches", () => {
    expect(classifyOpportunity(opp, [touch("p1", "2026-03-01T00:00:00Z", { voided: true })]).kind).toBe("direct");
    expect(classifyOpportunity(opp, [touch("p1", "2026-04-02T00:00:00Z")]).kind).toBe("direct");
    expect(classifyOpportunity(opp, [touch("p1", "2024-06-01T00:00:00Z", { onOpportunity: false })]).kind).toBe(
      "direct",
    );
    expect(classifyOpportunity(opp, [touch("p1", "2025-06-01T00:00:00Z", { onOpportunity: false })]).kind).toBe(
      "sourced",
    );
    // The flag only counts on a counted touch.
    expect(
      classifyOpportunity(opp, [touch("p1", "2026-03-01T00:00:00Z", { voided: true, accelerated: true })]).accelerated,
    ).toBe(false);
  });
});

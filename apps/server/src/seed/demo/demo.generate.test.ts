import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formulas } from "../../modules/metrics";
import { convertMinor } from "../../modules/revenue";
import { convertMinorFast } from "./fx";
import { DemoGenerator, type GenerateOptions } from "./generate";
import { HISTORY_DAYS } from "./model";
import { generatePartners } from "./partners";
import { mulberry32 } from "./random";
import type { DemoChunk } from "./rows";

const anchor = new Date("2026-06-15T00:00:00Z");
const DAY = 86_400_000;

function generate(overrides: Partial<GenerateOptions> = {}) {
  const options: GenerateOptions = {
    seed: 11,
    scale: 1,
    control: false,
    anchor,
    reportingCurrency: "USD",
    ...overrides,
  };
  const partners = generatePartners(
    mulberry32(options.seed ^ 0x5eed),
    60,
    anchor.getTime(),
    new Set(),
    (n) => `00000000-000e-4000-8000-${n.toString(16).padStart(12, "0")}`,
  );
  const generator = new DemoGenerator(options, partners);
  const all: DemoChunk = {
    accounts: [],
    opportunities: [],
    touchpoints: [],
    revenueEvents: [],
    registrations: [],
    leads: [],
  };
  const hash = createHash("sha256");
  for (const chunk of generator.chunks()) {
    hash.update(JSON.stringify(chunk));
    all.accounts.push(...chunk.accounts);
    all.opportunities.push(...chunk.opportunities);
    all.touchpoints.push(...chunk.touchpoints);
    all.revenueEvents.push(...chunk.revenueEvents);
    all.registrations.push(...chunk.registrations);
    all.leads.push(...chunk.leads);
  }
  return { ...all, generator, partners, checksum: hash.digest("hex") };
}

/** Win-rate uplift of partner-involved over comparable direct-only closed deals (the metrics formula). */
function upliftOf(data: ReturnType<typeof generate>) {
  const sizes = new Map(data.accounts.map((a) => [a.id, a.size]));
  const result = formulas.partnerUplift(
    data.opportunities
      .filter((deal) => deal.outcome !== "open")
      .map((deal) => ({
        partner: deal.partnerInvolved,
        stratum: formulas.dealStratum(sizes.get(deal.accountId) ?? null, deal.amountReportingMinor),
        value: deal.outcome === "won" ? 1 : 0,
      })),
  );
  if (!result.interval || result.difference === null) throw new Error("no comparable deals");
  return { uplift: result.difference, ...result.interval };
}

describe("the demo ecosystem generator", () => {
  const demo = generate();

  it("is deterministic: same seed and anchor → same rows; another seed → other rows", () => {
    const again = generate();
    expect(again.checksum).toBe(demo.checksum);
    expect(again.opportunities.length).toBe(demo.opportunities.length);
    const other = generate({ seed: 12 });
    expect(other.checksum).not.toBe(demo.checksum);
  });

  it("produces the scale-1 volumes over three years, with every role and quarter-end peaks", () => {
    expect(demo.accounts).toHaveLength(1_500);
    expect(demo.opportunities.length).toBeGreaterThan(3_500);
    expect(demo.opportunities.length).toBeLessThan(4_500);
    expect(demo.touchpoints.length).toBeGreaterThan(demo.opportunities.length);
    const opened = demo.opportunities.map((o) => o.openedAt);
    expect(Math.min(...opened)).toBeGreaterThanOrEqual(anchor.getTime() - HISTORY_DAYS * DAY);
    expect(Math.max(...opened)).toBeLessThan(anchor.getTime());
    const outcomes = new Set(demo.opportunities.map((o) => o.outcome));
    expect(outcomes).toEqual(new Set(["open", "won", "lost"]));
    // A uniform close date would land in a quarter's last 14 days 14/91 ≈ 15% of the time.
    const closed = demo.opportunities.filter((o) => o.closedAt !== null);
    const lastTwoWeeks = closed.filter((o) => {
      const date = new Date(o.closedAt ?? 0);
      const end = Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3 + 3, 1);
      return end - (o.closedAt ?? 0) <= 14 * DAY;
    });
    expect(lastTwoWeeks.length / closed.length).toBeGreaterThan(0.35);
    const touchingPartners = new Set(demo.touchpoints.map((t) => t.partnerId));
    const roles = new Set(demo.partners.filter((p) => touchingPartners.has(p.id)).map((p) => p.types[0]));
    expect(roles.size).toBe(15);
    const sourced = demo.opportunities.filter((o) => o.source === "partner_sourced");
    expect(sourced.length).toBeGreaterThan(500);
    expect(sourced.every((o) => o.partnerInvolved && o.sourcingPartnerId)).toBe(true);
    expect(new Set(demo.revenueEvents.map((r) => r.kind))).toEqual(
      new Set(["new", "expansion", "contraction", "renewal", "churn"]),
    );
    expect(new Set(demo.opportunities.map((o) => o.currency)).size).toBeGreaterThanOrEqual(5);
  });

  it("touchpoints belong to their deal: its account, an activated partner, sourced touches before the deal", () => {
    const deals = new Map(demo.opportunities.map((o) => [o.id, o]));
    const partners = new Map(demo.partners.map((p) => [p.id, p]));
    for (const touch of demo.touchpoints) {
      const deal = deals.get(touch.opportunityId);
      expect(deal?.accountId).toBe(touch.accountId);
      expect(partners.get(touch.partnerId)?.activatedAt).toBeLessThanOrEqual(deal?.openedAt ?? 0);
    }
    const firstTouch = new Map<string, number>();
    for (const touch of demo.touchpoints)
      firstTouch.set(touch.opportunityId, Math.min(firstTouch.get(touch.opportunityId) ?? Infinity, touch.occurredAt));
    for (const deal of demo.opportunities.filter((o) => o.source === "partner_sourced"))
      expect(firstTouch.get(deal.id)).toBeLessThan(deal.openedAt);
  });

  it("registrations: sourced deals come from converted ones; conflicts are rejected; prospects wait for review", () => {
    const deals = new Map(demo.opportunities.map((o) => [o.id, o]));
    const byStatus = (status: string) => demo.registrations.filter((r) => r.status === status);
    const converted = byStatus("converted");
    expect(converted.length).toBeGreaterThan(100);
    for (const registration of converted) {
      const deal = deals.get(registration.opportunityId ?? "");
      expect(deal?.registrationId).toBe(registration.id);
      expect(deal?.sourcingPartnerId).toBe(registration.partnerId);
      expect(registration.submittedAt).toBeLessThan(deal?.openedAt ?? 0);
    }
    const rejected = byStatus("rejected");
    expect(rejected.length).toBeGreaterThan(20);
    expect(rejected.every((r) => r.checkDecision === "conflict" && r.decisionReason && r.opportunityId === null)).toBe(
      true,
    );
    expect(byStatus("submitted").length + byStatus("under_review").length).toBeGreaterThan(5);
  });

  it("leads and referrals go both ways: partner referrals behind sourced deals, vendor leads to partners, partner to partner", () => {
    const deals = new Map(demo.opportunities.map((o) => [o.id, o]));
    const fromPartners = demo.leads.filter((l) => l.source === "partner" && l.recipientPartnerId === null);
    const toPartners = demo.leads.filter((l) => l.source === "vendor");
    const between = demo.leads.filter((l) => l.senderPartnerId && l.recipientPartnerId);
    expect(fromPartners.length).toBeGreaterThan(100);
    expect(toPartners.length).toBeGreaterThan(100);
    expect(between.length).toBeGreaterThan(5);
    for (const lead of fromPartners) {
      const deal = deals.get(lead.opportunityId ?? "");
      expect(deal?.sourcingPartnerId).toBe(lead.senderPartnerId);
    }
    expect(new Set(toPartners.map((l) => l.status)).size).toBeGreaterThanOrEqual(6);
    expect(toPartners.filter((l) => l.status === "declined").every((l) => l.declineReason)).toBe(true);
    expect(toPartners.filter((l) => l.status === "offered").every((l) => (l.offerExpiresAt ?? 0) > l.createdAt)).toBe(
      true,
    );
  });

  it("converts amounts exactly as the revenue module does, at the close month's rate", () => {
    for (const deal of demo.opportunities.slice(0, 500)) {
      expect(deal.fxRate).toBe(
        demo.generator.fx.rate(deal.currency, deal.closedAt ?? Date.parse(`${deal.expectedCloseOn}`)),
      );
      expect(deal.amountReportingMinor).toBe(convertMinor(deal.amountMinor, deal.currency, "USD", deal.fxRate));
    }
    for (const [amount, rate] of [
      [123_456, 1.0834],
      [99, 0.00671],
      [5_000_000, 1.27],
    ] as const)
      for (const currency of ["EUR", "JPY", "GBP"])
        expect(convertMinorFast(amount, currency, "USD", rate)).toBe(convertMinor(amount, currency, "USD", rate));
  });

  it("shows a real partner win-rate uplift whose 95% bootstrap interval excludes zero", () => {
    const interval = upliftOf(demo);
    expect(interval.low).toBeGreaterThan(0);
    expect(interval.uplift).toBeGreaterThan(0.05);
    expect(interval.uplift).toBeLessThan(0.25);
  });

  it("in the control model touchpoints change nothing: the interval contains zero", () => {
    const interval = upliftOf(generate({ control: true }));
    expect(interval.low).toBeLessThan(0);
    expect(interval.high).toBeGreaterThan(0);
  });

  it("control intervals cover zero about 95% of the time over many seeds (the statistics invent nothing)", () => {
    let excluding = 0;
    for (let seed = 100; seed < 120; seed += 1) {
      const interval = upliftOf(generate({ seed, control: true, scale: 0.5 }));
      if (interval.low > 0 || interval.high < 0) excluding += 1;
    }
    // Binomial(20, 0.05): five or more misses happens with probability < 0.3%.
    expect(excluding).toBeLessThan(5);
  });

  it("partner-attached customers churn less per contract year than the others", () => {
    // Scale 3: enough contract years for the rates (≈ 1,400 renewals or churns) to settle.
    const data = generate({ scale: 3 });
    // An account is partner-attached from its first won deal with a partner on it.
    const attachedSince = new Map<string, string>();
    for (const deal of data.opportunities) {
      if (deal.outcome !== "won" || !deal.partnerInvolved) continue;
      const day = new Date(deal.closedAt ?? 0).toISOString().slice(0, 10);
      const known = attachedSince.get(deal.accountId);
      if (!known || day < known) attachedSince.set(deal.accountId, day);
    }
    const years = { attached: { churn: 0, total: 0 }, other: { churn: 0, total: 0 } };
    for (const event of data.revenueEvents) {
      if (event.kind !== "churn" && event.kind !== "renewal") continue;
      const since = attachedSince.get(event.accountId);
      const group = since !== undefined && since <= event.occurredOn ? years.attached : years.other;
      group.total += 1;
      if (event.kind === "churn") group.churn += 1;
    }
    const rate = (g: { churn: number; total: number }) => g.churn / g.total;
    // Model: 8% vs 20% a year.
    expect(rate(years.attached)).toBeLessThan(rate(years.other) * 0.7);
  });
});

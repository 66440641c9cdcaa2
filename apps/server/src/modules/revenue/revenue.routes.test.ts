import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { collectTierMetrics } from "../tiers";
import { insertAccount } from "./revenue.fixtures";

const harness = useTestApp();
let world: World;

beforeAll(async () => {
  world = await createWorld(harness.database, "Revenue");
});

const call = (
  method: "GET" | "POST" | "PATCH" | "PUT",
  url: string,
  payload?: unknown,
  headers = world.vendor.admin.headers,
) => harness.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

const deal = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  name: `Deal ${externalId}`,
  openedAt: "2026-01-05T09:00:00Z",
  amountMinor: 100_000,
  currency: "EUR",
  ...extra,
});

describe("opportunities", () => {
  it("upserts by CRM id idempotently and reports the bad row's field", async () => {
    const items = [
      deal("idem-1"),
      deal("idem-2", { outcome: "won", closedAt: "2026-02-10T00:00:00Z" }),
      deal("idem-3"),
    ];
    const first = await call("POST", "/api/console/opportunities/bulk", { items });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 3, updated: 0 });
    const again = await call("POST", "/api/console/opportunities/bulk", {
      items: items.map((i) => ({ ...i, stage: "Engaging" })),
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 3 });
    expect(new Set(again.json().ids)).toEqual(new Set(first.json().ids));
    const listed = await call("GET", "/api/console/opportunities?q=idem-&limit=10");
    expect(listed.json().items.map((o: { stage: string }) => o.stage)).toEqual(["Engaging", "Engaging", "Engaging"]);

    const duplicate = await call("POST", "/api/console/opportunities/bulk", { items: [deal("dup-1"), deal("dup-1")] });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().details.issues[0].path).toBe("body.items.1.externalId");
    const badRows = await call("POST", "/api/console/opportunities/bulk", {
      items: [
        deal("ok-1"),
        deal("ok-2"),
        deal("ok-3"),
        deal("bad-4", { currency: "XYZ" }),
        deal("neg", { amountMinor: -1 }),
      ],
    });
    expect(badRows.statusCode).toBe(400);
    expect(badRows.json().details.issues.map((i: { path: string }) => i.path)).toEqual(["body.items.4.amountMinor"]);
    const unknownCurrency = await call("POST", "/api/console/opportunities/bulk", {
      items: [deal("ok-1"), deal("ok-2"), deal("ok-3"), deal("bad-4", { currency: "XYZ" })],
    });
    expect(unknownCurrency.json().details.issues[0].path).toBe("body.items.3.currency");
    // Nothing of a rejected batch was written.
    const none = await call("GET", "/api/console/opportunities?q=ok-");
    expect(none.json().total).toBe(0);
    const foreignAccount = await insertAccount(
      harness.database,
      (await createWorld(harness.database, "Else")).workspaceId,
    );
    const foreign = await call("POST", "/api/console/opportunities/bulk", {
      items: [deal("fa-1", { accountId: foreignAccount.id })],
    });
    expect(foreign.json().details.issues[0]).toMatchObject({ path: "body.items.0.accountId" });
  });

  it("converts at the close date's rate and recomputes when a rate changes", async () => {
    const rates = await call("POST", "/api/console/fx-rates/bulk", {
      items: [
        { currency: "GBP", rateDate: "2026-01-01", rate: 1.25 },
        { currency: "JPY", rateDate: "2026-01-01", rate: 0.0067 },
      ],
    });
    expect(rates.statusCode, rates.body).toBe(200);
    const created = await call("POST", "/api/console/opportunities", {
      name: "Pound deal",
      openedAt: "2026-01-05T00:00:00Z",
      amountMinor: 1_000_00,
      currency: "GBP",
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ amountReportingMinor: 125_000, outcome: "open" });
    const yen = await call("POST", "/api/console/opportunities", {
      name: "Yen deal",
      openedAt: "2026-01-05T00:00:00Z",
      amountMinor: 1_000_000,
      currency: "JPY",
    });
    expect(yen.json().amountReportingMinor).toBe(670_000);

    // A later rate applies from its date on: the deal closes after it, so it converts at 1.30.
    await call("PUT", "/api/console/fx-rates", { currency: "GBP", rateDate: "2026-03-01", rate: 1.3 });
    const closed = await call("POST", `/api/console/opportunities/${id}/close`, {
      outcome: "won",
      closedAt: "2026-03-15T12:00:00Z",
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ outcome: "won", amountReportingMinor: 130_000, stage: "Won" });

    // Correcting the March rate recomputes that deal in the same call; a January correction too.
    const corrected = await call("PUT", "/api/console/fx-rates", {
      currency: "GBP",
      rateDate: "2026-03-01",
      rate: 1.31,
    });
    expect(corrected.json()).toMatchObject({ rates: 1, recomputedOpportunities: 1 });
    expect((await call("GET", `/api/console/opportunities/${id}`)).json().amountReportingMinor).toBe(131_000);
    const same = await call("PUT", "/api/console/fx-rates", { currency: "GBP", rateDate: "2026-03-01", rate: 1.31 });
    expect(same.json()).toMatchObject({ rates: 0, recomputedOpportunities: 0 });

    const reportingRate = await call("PUT", "/api/console/fx-rates", {
      currency: "USD",
      rateDate: "2026-03-01",
      rate: 2,
    });
    expect(reportingRate.json().details.issues[0].path).toBe("body.currency");
    const listed = await call("GET", "/api/console/fx-rates?currency=GBP");
    expect(listed.json().items.map((r: { rateDate: string }) => r.rateDate)).toEqual(["2026-03-01", "2026-01-01"]);

    const lost = await call("POST", `/api/console/opportunities/${yen.json().id}/close`, {
      outcome: "lost",
      closedAt: "2025-12-01T00:00:00Z",
    });
    expect(lost.json().details.issues[0].path).toBe("body.closedAt");
  });

  it("lists with filters and totals in the reporting currency", async () => {
    const w = await createWorld(harness.database, "Totals");
    const as = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
      harness.app.inject({
        method,
        url,
        headers: w.vendor.admin.headers,
        ...(body ? { payload: body as object } : {}),
      });
    await as("PUT", "/api/console/fx-rates", { currency: "EUR", rateDate: "2025-01-01", rate: 1.1 });
    const items = [
      deal("t1", { outcome: "won", closedAt: "2026-02-01T00:00:00Z", amountMinor: 200_00, ownerName: "Ann" }),
      deal("t2", { outcome: "won", closedAt: "2026-02-03T00:00:00Z", amountMinor: 300_00, currency: "USD" }),
      deal("t3", { outcome: "lost", closedAt: "2026-02-04T00:00:00Z", amountMinor: 999_00, ownerName: "Ann" }),
      deal("t4", { amountMinor: null, currency: null }),
      deal("t5", { source: "partner_sourced", sourcingPartnerId: w.partnerA.id, amountMinor: 50_00 }),
    ];
    expect((await as("POST", "/api/console/opportunities/bulk", { items })).statusCode).toBe(200);
    const all = (await as("GET", "/api/console/opportunities")).json();
    expect(all.totals).toMatchObject({
      count: 5,
      won: 2,
      lost: 1,
      open: 2,
      wonAmountReportingMinor: 220_00 + 300_00,
      amountReportingMinor: 220_00 + 300_00 + 1098_90 + 55_00,
      currency: "USD",
    });
    const byOwner = (await as("GET", "/api/console/opportunities?owner=ann&outcome=won")).json();
    expect(byOwner.items.map((o: { externalId: string }) => o.externalId)).toEqual(["t1"]);
    const byPartner = (await as("GET", `/api/console/opportunities?partnerId=${w.partnerA.id}`)).json();
    expect(byPartner.items.map((o: { externalId: string }) => o.externalId)).toEqual(["t5"]);
    const byAmount = (await as("GET", "/api/console/opportunities?minAmount=30000&sort=amount&dir=asc")).json();
    expect(byAmount.items.map((o: { externalId: string }) => o.externalId)).toEqual(["t2", "t3"]);
    const byPeriod = (await as("GET", "/api/console/opportunities?from=2026-02-02&to=2026-02-03")).json();
    expect(byPeriod.items.map((o: { externalId: string }) => o.externalId)).toEqual(["t2"]);
  });
});

describe("touchpoints and classification", () => {
  it("classifies deals by their touches, rejects touches after close and voids with a reason", async () => {
    const w = await createWorld(harness.database, "Classes");
    const as = (method: "GET" | "POST", url: string, body?: unknown, headers = w.vendor.partner_manager.headers) =>
      harness.app.inject({ method, url, headers, ...(body ? { payload: body as object } : {}) });
    const created = await as("POST", "/api/console/opportunities/bulk", {
      items: [deal("c1"), deal("c2"), deal("c3", { outcome: "won", closedAt: "2026-03-01T00:00:00Z" })],
    });
    const [c1, c2, c3] = created.json().ids as string[];
    const touch = (opportunityId: string | undefined, partnerId: string, occurredAt: string, extra = {}) =>
      as("POST", "/api/console/touchpoints", { opportunityId, partnerId, type: "introduction", occurredAt, ...extra });
    // Before c1 opened: sourced. After c2 opened: influenced.
    expect((await touch(c1, w.partnerA.id, "2026-01-01T00:00:00Z")).statusCode).toBe(201);
    const influencing = await touch(c2, w.partnerB.id, "2026-01-20T00:00:00Z", {
      accelerated: true,
      weight: 2,
      note: "Joint demo",
    });
    expect(influencing.statusCode, influencing.body).toBe(201);
    expect(influencing.json()).toMatchObject({ origin: "manual", weight: 2, partnerName: w.partnerB.name });
    const late = await touch(c3, w.partnerA.id, "2026-03-02T00:00:00Z");
    expect(late.statusCode).toBe(400);
    expect(late.json().details.issues[0].path).toBe("body.occurredAt");
    const onTime = await touch(c3, w.partnerA.id, "2026-02-20T00:00:00Z");
    expect(onTime.statusCode).toBe(201);

    const detail = async (id: string | undefined) => (await as("GET", `/api/console/opportunities/${id}`)).json();
    expect((await detail(c1)).classification).toMatchObject({ kind: "sourced", sourcingPartnerIds: [w.partnerA.id] });
    expect((await detail(c2)).classification).toMatchObject({
      kind: "influenced",
      accelerated: true,
      influencingPartnerIds: [w.partnerB.id],
    });
    const c3Detail = await detail(c3);
    expect(c3Detail.classification.kind).toBe("influenced");
    expect(c3Detail.touchpoints).toHaveLength(1);

    // Voiding keeps the entry but it no longer counts.
    const voided = await as("POST", `/api/console/touchpoints/${onTime.json().id}/void`, { reason: "Wrong deal" });
    expect(voided.json()).toMatchObject({ voidedReason: "Wrong deal", voidedBy: expect.any(String) });
    expect((await detail(c3)).classification.kind).toBe("direct");
    const again = await as("POST", `/api/console/touchpoints/${onTime.json().id}/void`, { reason: "Wrong deal" });
    expect(again.statusCode).toBe(409);
    const ledger = (await as("GET", `/api/console/touchpoints?opportunityId=${c3}&includeVoided=true`)).json();
    expect(ledger.total).toBe(1);
    expect((await as("GET", `/api/console/touchpoints?opportunityId=${c3}`)).json().total).toBe(0);

    // Closing a deal before one of its touches is refused.
    const early = await as("POST", `/api/console/opportunities/${c2}/close`, {
      outcome: "won",
      closedAt: "2026-01-10T00:00:00Z",
    });
    expect(early.json().details.issues[0].path).toBe("body.closedAt");

    // Bulk by external id: idempotent.
    const bulk = {
      items: [
        {
          externalId: "ext-t1",
          partnerId: w.partnerB.id,
          type: "demo",
          occurredAt: "2026-01-25T00:00:00Z",
          opportunityId: c1,
        },
      ],
    };
    expect((await as("POST", "/api/console/touchpoints/bulk", bulk)).json()).toMatchObject({ created: 1 });
    expect((await as("POST", "/api/console/touchpoints/bulk", bulk)).json()).toMatchObject({ created: 0, updated: 1 });

    // Portal: partner B sees c1 (touched) and c2, never the touches of A.
    const portal = (await as("GET", "/api/portal/opportunities", undefined, w.partnerBAdmin.headers)).json();
    expect(portal.items.map((o: { id: string }) => o.id).sort()).toEqual([c1, c2].sort());
    const ownTouches = (await as("GET", "/api/portal/touchpoints", undefined, w.partnerBAdmin.headers)).json();
    expect(ownTouches.total).toBe(2);
    const portalDetail = (
      await as("GET", `/api/portal/opportunities/${c1}`, undefined, w.partnerBAdmin.headers)
    ).json();
    expect(portalDetail.touchpoints.map((t: { type: string }) => t.type)).toEqual(["demo"]);
    expect(portalDetail).not.toHaveProperty("sourcingPartnerId");
    const hidden = await as("GET", `/api/portal/opportunities/${c3}`, undefined, w.partnerBAdmin.headers);
    expect(hidden.statusCode).toBe(404);
  });

  it("feeds tier metrics with sourced, influenced revenue and won deals in one batch", async () => {
    const w = await createWorld(harness.database, "Metrics");
    const as = (url: string, body: unknown) =>
      harness.app.inject({ method: "POST", url, headers: w.vendor.admin.headers, payload: body as object });
    const won = (id: string, extra = {}) =>
      deal(id, { outcome: "won", closedAt: "2026-03-01T00:00:00Z", amountMinor: 1000_00, currency: "USD", ...extra });
    const result = await as("/api/console/opportunities/bulk", {
      items: [
        won("m1", { source: "partner_sourced", sourcingPartnerId: w.partnerA.id }),
        won("m2", { amountMinor: 500_00 }),
        won("m3", { closedAt: "2025-01-01T00:00:00Z", openedAt: "2024-12-01T00:00:00Z" }),
        deal("m4", { currency: "USD" }),
      ],
    });
    const [m1, m2, m3, m4] = result.json().ids as string[];
    const touches = [
      { externalId: "mt1", partnerId: w.partnerB.id, opportunityId: m1, occurredAt: "2026-02-01T00:00:00Z" },
      { externalId: "mt2", partnerId: w.partnerB.id, opportunityId: m2, occurredAt: "2026-01-01T00:00:00Z" },
      { externalId: "mt3", partnerId: w.partnerA.id, opportunityId: m3, occurredAt: "2024-12-05T00:00:00Z" },
      { externalId: "mt4", partnerId: w.partnerA.id, opportunityId: m4, occurredAt: "2026-02-01T00:00:00Z" },
    ].map((t) => ({ ...t, type: "co_sell_meeting" }));
    expect((await as("/api/console/touchpoints/bulk", { items: touches })).statusCode).toBe(200);
    const metrics = await collectTierMetrics(
      harness.database.db,
      {
        workspaceId: w.workspaceId,
        partnerIds: [w.partnerA.id, w.partnerB.id],
        from: new Date("2026-01-01T00:00:00Z"),
        to: new Date("2027-01-01T00:00:00Z"),
      },
      ["sourced_revenue", "influenced_revenue", "won_deals"],
    );
    // A sourced m1 (m3 closed outside the window, m4 is open); B touched m1 after and m2 before it opened.
    expect(metrics.get(w.partnerA.id)).toEqual({ sourced_revenue: 1000_00, influenced_revenue: 0, won_deals: 1 });
    expect(metrics.get(w.partnerB.id)).toEqual({ sourced_revenue: 500_00, influenced_revenue: 1500_00, won_deals: 2 });
  });
});

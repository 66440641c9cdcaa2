import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { insertAccount, insertOpportunity, insertTouchpoint } from "./revenue.fixtures";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const writers = ["admin", "partner_manager", "marketing", "finance"] as const;
const financeRoles = ["admin", "finance"] as const;
const partnerRoles = ["partner_admin", "partner_user"] as const;

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${sequence++}`;

/** Opportunity, revenue-event and FX routes under the isolation matrix. */
export function revenueIsolationCases({ database }: IsolationContext): IsolationCase[] {
  const db = () => database();
  const opportunityIn = (workspaceId: string) => insertOpportunity(db(), workspaceId);
  const deal = (extra: Record<string, unknown> = {}) => ({
    name: "Expansion deal",
    openedAt: "2026-02-01T00:00:00Z",
    amountMinor: 500_000,
    currency: "EUR",
    ...extra,
  });
  const byId = (suffix: string, method: "GET" | "PATCH" | "POST", body?: unknown, invalidBody?: unknown) => ({
    request: async (world: { workspaceId: string }) => ({
      url: `/api/console/opportunities/${(await opportunityIn(world.workspaceId)).id}${suffix}`,
      body,
    }),
    otherWorkspace: async (_world: unknown, other: { workspaceId: string }) => ({
      url: `/api/console/opportunities/${(await opportunityIn(other.workspaceId)).id}${suffix}`,
      body,
    }),
    invalid:
      method === "GET"
        ? { request: () => ({ url: `/api/console/opportunities/nope${suffix}` }), path: "params.id" }
        : {
            request: async (world: { workspaceId: string }) => ({
              url: `/api/console/opportunities/${(await opportunityIn(world.workspaceId)).id}${suffix}`,
              body: invalidBody,
            }),
            path: Object.keys(invalidBody as object).map((k) => `body.${k}`)[0] ?? "body",
          },
  });
  /** A deal partner A sourced, in `workspaceId`. */
  const sourcedBy = (workspaceId: string, partnerId: string) =>
    insertOpportunity(db(), workspaceId, { source: "partner_sourced", sourcingPartnerId: partnerId });
  return [
    {
      method: "GET",
      route: "/api/console/opportunities",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/opportunities?outcome=won,lost&sort=amount" }),
      invalid: { request: () => ({ url: "/api/console/opportunities?outcome=maybe" }), path: "query.outcome.0" },
    },
    {
      method: "POST",
      route: "/api/console/opportunities",
      allowed: writers,
      okStatus: 201,
      request: () => ({ url: "/api/console/opportunities", body: deal() }),
      otherWorkspace: async (_world, other) => ({
        url: "/api/console/opportunities",
        body: deal({ accountId: (await insertAccount(db(), other.workspaceId)).id }),
      }),
      invalid: {
        request: () => ({ url: "/api/console/opportunities", body: deal({ currency: "EURO" }) }),
        path: "body.currency",
      },
    },
    {
      method: "PUT",
      route: "/api/console/opportunities/upsert",
      allowed: writers,
      request: () => ({ url: "/api/console/opportunities/upsert", body: deal({ externalId: nextId("crm") }) }),
      otherWorkspace: (_world, other) => ({
        url: "/api/console/opportunities/upsert",
        body: deal({ externalId: nextId("crm"), source: "partner_sourced", sourcingPartnerId: other.partnerA.id }),
      }),
      invalid: {
        request: () => ({
          url: "/api/console/opportunities/upsert",
          body: deal({ externalId: nextId("crm"), amountMinor: -5 }),
        }),
        path: "body.amountMinor",
      },
    },
    {
      method: "POST",
      route: "/api/console/opportunities/bulk",
      allowed: writers,
      request: () => ({
        url: "/api/console/opportunities/bulk",
        body: { items: [deal({ externalId: nextId("crm") }), deal({ externalId: nextId("crm") })] },
      }),
      invalid: {
        request: () => ({
          url: "/api/console/opportunities/bulk",
          body: { items: [deal({ externalId: nextId("crm") }), deal({ externalId: nextId("crm"), currency: "XYZ" })] },
        }),
        path: "body.items.1.currency",
      },
    },
    {
      method: "GET",
      route: "/api/console/opportunities/variants",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/opportunities/variants?field=product" }),
      invalid: { request: () => ({ url: "/api/console/opportunities/variants?field=colour" }), path: "query.field" },
    },
    {
      method: "POST",
      route: "/api/console/opportunities/variants",
      allowed: writers,
      request: () => ({
        url: "/api/console/opportunities/variants",
        body: { field: "product", from: ["GTXPro"], to: "GTX Pro" },
      }),
      invalid: {
        request: () => ({
          url: "/api/console/opportunities/variants",
          body: { field: "product", from: ["a"], to: "" },
        }),
        path: "body.to",
      },
    },
    { method: "GET", route: "/api/console/opportunities/:id", allowed: vendorRoles, ...byId("", "GET") },
    {
      method: "PATCH",
      route: "/api/console/opportunities/:id",
      allowed: writers,
      ...byId("", "PATCH", { stage: "Engaging" }, { name: "" }),
    },
    {
      method: "POST",
      route: "/api/console/opportunities/:id/close",
      allowed: writers,
      ...byId(
        "/close",
        "POST",
        { outcome: "won", closedAt: "2026-03-01T00:00:00Z" },
        { closedAt: "2025-01-01T00:00:00Z", outcome: "won" },
      ),
    },
    {
      method: "GET",
      route: "/api/console/revenue-events",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/revenue-events?from=2026-01-01" }),
      invalid: { request: () => ({ url: "/api/console/revenue-events?kind=gift" }), path: "query.kind" },
    },
    {
      method: "POST",
      route: "/api/console/revenue-events",
      allowed: financeRoles,
      okStatus: 201,
      request: async (world) => ({
        url: "/api/console/revenue-events",
        body: {
          accountId: (await insertAccount(db(), world.workspaceId)).id,
          kind: "new",
          occurredOn: "2026-02-01",
          amountMinor: 1200000,
          currency: "USD",
        },
      }),
      otherWorkspace: async (_world, other) => ({
        url: "/api/console/revenue-events",
        body: {
          accountId: (await insertAccount(db(), other.workspaceId)).id,
          kind: "new",
          occurredOn: "2026-02-01",
          amountMinor: 1200000,
          currency: "USD",
        },
      }),
      invalid: {
        request: async (world) => ({
          url: "/api/console/revenue-events",
          body: {
            accountId: (await insertAccount(db(), world.workspaceId)).id,
            kind: "new",
            occurredOn: "2026-02-01",
            amountMinor: -1,
            currency: "USD",
          },
        }),
        path: "body.amountMinor",
      },
    },
    {
      method: "POST",
      route: "/api/console/revenue-events/bulk",
      allowed: financeRoles,
      request: async (world) => {
        const account = await insertAccount(db(), world.workspaceId);
        return {
          url: "/api/console/revenue-events/bulk",
          body: {
            items: [
              {
                externalId: nextId("rev"),
                accountId: account.id,
                kind: "new",
                occurredOn: "2026-01-01",
                amountMinor: 100,
                currency: "USD",
              },
            ],
          },
        };
      },
      invalid: {
        request: async (world) => {
          const account = await insertAccount(db(), world.workspaceId);
          const row = {
            accountId: account.id,
            kind: "new",
            occurredOn: "2026-01-01",
            amountMinor: 100,
            currency: "USD",
          };
          return {
            url: "/api/console/revenue-events/bulk",
            body: {
              items: [
                { ...row, externalId: nextId("rev") },
                { ...row, externalId: nextId("rev"), currency: "QQQ" },
              ],
            },
          };
        },
        path: "body.items.1.currency",
      },
    },
    {
      method: "GET",
      route: "/api/console/fx-rates",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/fx-rates?currency=EUR" }),
      invalid: { request: () => ({ url: "/api/console/fx-rates?currency=euro" }), path: "query.currency" },
    },
    {
      method: "PUT",
      route: "/api/console/fx-rates",
      allowed: financeRoles,
      request: () => ({ url: "/api/console/fx-rates", body: { currency: "EUR", rateDate: "2026-01-01", rate: 1.08 } }),
      invalid: {
        request: () => ({ url: "/api/console/fx-rates", body: { currency: "EUR", rateDate: "2026-01-01", rate: 0 } }),
        path: "body.rate",
      },
    },
    {
      method: "POST",
      route: "/api/console/fx-rates/bulk",
      allowed: financeRoles,
      request: () => ({
        url: "/api/console/fx-rates/bulk",
        body: { items: [{ currency: "GBP", rateDate: "2026-01-01", rate: 1.27 }] },
      }),
      invalid: {
        request: () => ({
          url: "/api/console/fx-rates/bulk",
          body: {
            items: [
              { currency: "GBP", rateDate: "2026-01-01", rate: 1.27 },
              { currency: "ABC", rateDate: "2026-01-01", rate: 1.27 },
            ],
          },
        }),
        path: "body.items.1.currency",
      },
    },
    {
      method: "GET",
      route: "/api/portal/opportunities",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/opportunities?outcome=open" }),
      invalid: { request: () => ({ url: "/api/portal/opportunities?outcome=maybe" }), path: "query.outcome" },
    },
    {
      method: "GET",
      route: "/api/portal/opportunities/:id",
      allowed: partnerRoles,
      request: async (world) => ({
        url: `/api/portal/opportunities/${(await sourcedBy(world.workspaceId, world.partnerA.id)).id}`,
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/portal/opportunities/${(await sourcedBy(other.workspaceId, other.partnerA.id)).id}`,
      }),
      otherPartner: async (world) => {
        // Sourced by B and touched by B only: A must not learn it exists.
        const opportunity = await sourcedBy(world.workspaceId, world.partnerB.id);
        await insertTouchpoint(db(), world.workspaceId, {
          partnerId: world.partnerB.id,
          opportunityId: opportunity.id,
        });
        return { url: `/api/portal/opportunities/${opportunity.id}` };
      },
      invalid: { request: () => ({ url: "/api/portal/opportunities/nope" }), path: "params.id" },
    },
  ];
}

import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { metricChannelSpend, metricCostLines } from "./metrics.schema";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const costWriters = ["admin", "finance"] as const;

const costBody = {
  category: "mdf",
  periodStart: "2026-01-01",
  periodEnd: "2026-03-31",
  amountMinor: 100_000,
  currency: "USD",
};
const spendBody = {
  channel: "marketing",
  periodStart: "2026-01-01",
  periodEnd: "2026-03-31",
  amountMinor: 100_000,
  currency: "USD",
};

/** Metric routes under the isolation matrix. */
export function metricIsolationCases(context: IsolationContext): IsolationCase[] {
  const db = () => context.database().db;
  const costLine = async (workspaceId: string) => {
    const [row] = await db()
      .insert(metricCostLines)
      .values({ workspaceId, ...costBody, amountReportingMinor: 100_000 })
      .returning({ id: metricCostLines.id });
    return row?.id ?? "";
  };
  const spend = async (workspaceId: string) => {
    const [row] = await db()
      .insert(metricChannelSpend)
      .values({ workspaceId, ...spendBody, amountReportingMinor: 100_000 })
      .returning({ id: metricChannelSpend.id });
    return row?.id ?? "";
  };
  const onRecord = (
    method: "PATCH" | "DELETE",
    route: string,
    make: (workspaceId: string) => Promise<string>,
    body: unknown,
    invalid?: { body: unknown; path: string },
  ): IsolationCase => ({
    method,
    route: `/api/console/metrics/${route}/:id`,
    allowed: costWriters,
    ...(method === "DELETE" ? { okStatus: 204 } : {}),
    request: async (world) => ({ url: `/api/console/metrics/${route}/${await make(world.workspaceId)}`, body }),
    otherWorkspace: async (_world, other) => ({
      url: `/api/console/metrics/${route}/${await make(other.workspaceId)}`,
      body,
    }),
    ...(invalid
      ? {
          invalid: {
            request: async (world) => ({
              url: `/api/console/metrics/${route}/${await make(world.workspaceId)}`,
              body: invalid.body,
            }),
            path: invalid.path,
          },
        }
      : {}),
  });
  return [
    {
      method: "GET",
      route: "/api/console/metrics/headline",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/metrics/headline?from=2026-01-01&to=2026-03-31" }),
      otherWorkspace: (_world, other) => ({ url: `/api/console/metrics/headline?partnerId=${other.partnerA.id}` }),
      invalid: { request: () => ({ url: "/api/console/metrics/headline?from=2026-13-01" }), path: "query.from" },
    },
    {
      method: "GET",
      route: "/api/console/metrics/drilldown",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/metrics/drilldown?metric=win_rate" }),
      otherWorkspace: (_world, other) => ({
        url: `/api/console/metrics/drilldown?metric=win_rate&partnerId=${other.partnerA.id}`,
      }),
      invalid: { request: () => ({ url: "/api/console/metrics/drilldown?metric=karma" }), path: "query.metric" },
    },
    {
      method: "GET",
      route: "/api/console/metrics/drilldown/sections",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/metrics/drilldown/sections?section=cohort&cohort=2026-01" }),
      otherWorkspace: (_world, other) => ({
        url: `/api/console/metrics/drilldown/sections?section=health_band&band=red&partnerId=${other.partnerA.id}`,
      }),
      invalid: {
        request: () => ({ url: "/api/console/metrics/drilldown/sections?section=retention" }),
        path: "query.side",
      },
    },
    {
      // The attribution flow's role drill-down: same route, its own partner slicer and field.
      method: "GET",
      route: "/api/console/metrics/drilldown/sections",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/metrics/drilldown/sections?section=attribution_role&flowRole=reseller" }),
      otherWorkspace: (_world, other) => ({
        url: `/api/console/metrics/drilldown/sections?section=attribution_role&flowRole=reseller&partnerId=${other.partnerA.id}`,
      }),
      invalid: {
        request: () => ({ url: "/api/console/metrics/drilldown/sections?section=attribution_role&flowRole=wizard" }),
        path: "query.flowRole",
      },
    },
    {
      // CAC's and partner CAC's new customers: same route, the partner slicer narrows partner-sourced ones.
      method: "GET",
      route: "/api/console/metrics/drilldown/sections",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/metrics/drilldown/sections?section=new_customers&partnerSourced=true" }),
      otherWorkspace: (_world, other) => ({
        url: `/api/console/metrics/drilldown/sections?section=new_customers&partnerSourced=true&partnerId=${other.partnerA.id}`,
      }),
      invalid: {
        request: () => ({ url: "/api/console/metrics/drilldown/sections?section=new_customers&partnerSourced=yes" }),
        path: "query.partnerSourced",
      },
    },
    {
      method: "GET",
      route: "/api/console/metrics/partners/:id/scorecard",
      allowed: vendorRoles,
      request: (world) => ({ url: `/api/console/metrics/partners/${world.partnerA.id}/scorecard` }),
      otherWorkspace: (_world, other) => ({ url: `/api/console/metrics/partners/${other.partnerA.id}/scorecard` }),
      invalid: {
        request: (world) => ({ url: `/api/console/metrics/partners/${world.partnerA.id}/scorecard?to=soon` }),
        path: "query.to",
      },
    },
    {
      method: "GET",
      route: "/api/portal/metrics/scorecard",
      allowed: ["partner_admin", "partner_user"],
      request: () => ({ url: "/api/portal/metrics/scorecard" }),
      invalid: { request: () => ({ url: "/api/portal/metrics/scorecard?from=2026-02-30" }), path: "query.from" },
    },
    {
      method: "GET",
      route: "/api/portal/metrics/benchmark",
      allowed: ["partner_admin", "partner_user"],
      request: () => ({ url: "/api/portal/metrics/benchmark" }),
      invalid: { request: () => ({ url: "/api/portal/metrics/benchmark?to=x" }), path: "query.to" },
    },
    {
      method: "GET",
      route: "/api/console/metrics/definitions",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/metrics/definitions" }),
    },
    {
      method: "POST",
      route: "/api/console/metrics/refresh",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/metrics/refresh" }),
    },
    {
      method: "GET",
      route: "/api/console/metrics/settings",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/metrics/settings" }),
    },
    {
      method: "PUT",
      route: "/api/console/metrics/settings",
      allowed: ["admin"],
      request: () => ({ url: "/api/console/metrics/settings", body: { halfLifeDays: 45 } }),
      invalid: {
        request: () => ({ url: "/api/console/metrics/settings", body: { grossMargin: 1.5 } }),
        path: "body.grossMargin",
      },
    },
    {
      method: "GET",
      route: "/api/console/metrics/cost-lines",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/metrics/cost-lines" }),
      invalid: { request: () => ({ url: "/api/console/metrics/cost-lines?limit=0" }), path: "query.limit" },
    },
    {
      method: "POST",
      route: "/api/console/metrics/cost-lines",
      allowed: costWriters,
      okStatus: 201,
      request: () => ({ url: "/api/console/metrics/cost-lines", body: costBody }),
      otherWorkspace: (_world, other) => ({
        url: "/api/console/metrics/cost-lines",
        body: { ...costBody, partnerId: other.partnerA.id },
      }),
      invalid: {
        request: () => ({ url: "/api/console/metrics/cost-lines", body: { ...costBody, category: "bribes" } }),
        path: "body.category",
      },
    },
    onRecord(
      "PATCH",
      "cost-lines",
      costLine,
      { amountMinor: 250_000 },
      {
        body: { periodEnd: "2025-01-01" },
        path: "body.periodEnd",
      },
    ),
    onRecord("DELETE", "cost-lines", costLine, undefined),
    {
      method: "GET",
      route: "/api/console/metrics/spend",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/metrics/spend?from=2026-01-01" }),
      invalid: { request: () => ({ url: "/api/console/metrics/spend?from=yesterday" }), path: "query.from" },
    },
    {
      method: "POST",
      route: "/api/console/metrics/spend",
      allowed: costWriters,
      okStatus: 201,
      request: () => ({ url: "/api/console/metrics/spend", body: spendBody }),
      invalid: {
        request: () => ({ url: "/api/console/metrics/spend", body: { ...spendBody, amountMinor: -1 } }),
        path: "body.amountMinor",
      },
    },
    onRecord("PATCH", "spend", spend, { note: "Q1 events" }, { body: { currency: "US" }, path: "body.currency" }),
    onRecord("DELETE", "spend", spend, undefined),
  ];
}

import type { IsolationCase, IsolationContext } from "../../../test/isolation";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;

/** Dashboard, drill-down, exports and board packs: vendor staff only. */
export function reportIsolationCases(_context: IsolationContext): IsolationCase[] {
  return [
    {
      method: "GET",
      route: "/api/console/dashboard",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/dashboard?from=2026-01-01&to=2026-03-31" }),
      invalid: { request: () => ({ url: "/api/console/dashboard?from=2026-13-01" }), path: "query.from" },
    },
    {
      method: "GET",
      route: "/api/console/dashboard/records",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/dashboard/records?figure=sourced" }),
      invalid: { request: () => ({ url: "/api/console/dashboard/records?figure=everything" }), path: "query.figure" },
    },
  ];
}

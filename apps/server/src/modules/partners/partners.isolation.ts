import { uniqueEmail } from "../../../test/factories";
import type { IsolationCase, IsolationContext } from "../../../test/isolation";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const partnerRoles = ["partner_admin", "partner_user"] as const;

/** Partner routes under the isolation matrix. */
export function partnerIsolationCases(_context: IsolationContext): IsolationCase[] {
  return [
    {
      method: "GET",
      route: "/api/console/partners",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/partners" }),
      invalid: { request: () => ({ url: "/api/console/partners?limit=1000" }), path: "query.limit" },
    },
    {
      method: "GET",
      route: "/api/console/partners/:id",
      allowed: vendorRoles,
      request: (world) => ({ url: `/api/console/partners/${world.partnerA.id}` }),
      otherWorkspace: (_world, other) => ({ url: `/api/console/partners/${other.partnerA.id}` }),
      invalid: { request: () => ({ url: "/api/console/partners/not-a-uuid" }), path: "params.id" },
    },
    {
      method: "POST",
      route: "/api/console/partners",
      allowed: ["admin", "partner_manager"],
      okStatus: 201,
      request: () => ({ url: "/api/console/partners", body: { name: `Partner ${uniqueEmail()}` } }),
      invalid: { request: () => ({ url: "/api/console/partners", body: { name: "" } }), path: "body.name" },
    },
    {
      method: "GET",
      route: "/api/portal/partner",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/partner" }),
    },
  ];
}

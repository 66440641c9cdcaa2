import type { World } from "../../../test/factories";
import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { inject } from "../../../test/isolation";
import { executeBoardPack } from "./reports.packs";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const writers = ["admin", "partner_manager", "marketing", "finance"] as const;
const partnerRoles = ["partner_admin", "partner_user"] as const;

/** Dashboard, drill-down, exports and board packs: vendor staff only. */
export function reportIsolationCases(context: IsolationContext): IsolationCase[] {
  const requested = async (world: World) => {
    const response = await inject(
      context.app(),
      "POST",
      { url: "/api/console/board-packs", body: { from: "2026-01-01", to: "2026-03-31" } },
      world.vendor.admin,
    );
    return response.json().id as string;
  };
  const rendered = async (world: World) => {
    const id = await requested(world);
    await executeBoardPack(context.database(), world.workspaceId, id, { renderer: "pdf-lib" });
    return id;
  };
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
      route: "/api/console/dashboard/export",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/dashboard/export?table=regions&format=csv" }),
      invalid: {
        request: () => ({ url: "/api/console/dashboard/export?table=regions&format=pdf" }),
        path: "query.format",
      },
    },
    {
      method: "GET",
      route: "/api/console/board-packs",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/board-packs" }),
    },
    {
      method: "POST",
      route: "/api/console/board-packs",
      allowed: writers,
      okStatus: 202,
      request: () => ({ url: "/api/console/board-packs", body: { from: "2026-01-01", to: "2026-03-31" } }),
      invalid: {
        request: () => ({ url: "/api/console/board-packs", body: { from: "2026-04-01", to: "2026-03-31" } }),
        path: "body.from",
      },
    },
    {
      method: "GET",
      route: "/api/console/board-packs/:id",
      allowed: vendorRoles,
      request: async (world) => ({ url: `/api/console/board-packs/${await requested(world)}` }),
      otherWorkspace: async (_world, other) => ({ url: `/api/console/board-packs/${await requested(other)}` }),
      invalid: { request: () => ({ url: "/api/console/board-packs/nope" }), path: "params.id" },
    },
    {
      method: "GET",
      route: "/api/console/board-packs/:id/download",
      allowed: vendorRoles,
      request: async (world) => ({ url: `/api/console/board-packs/${await rendered(world)}/download` }),
      otherWorkspace: async (_world, other) => ({ url: `/api/console/board-packs/${await rendered(other)}/download` }),
      invalid: { request: () => ({ url: "/api/console/board-packs/nope/download" }), path: "params.id" },
    },
    {
      method: "GET",
      route: "/api/console/partners/:id/scorecard",
      allowed: vendorRoles,
      request: (world) => ({
        url: `/api/console/partners/${world.partnerA.id}/scorecard?from=2026-01-01&to=2026-06-30`,
      }),
      otherWorkspace: (_world, other) => ({ url: `/api/console/partners/${other.partnerA.id}/scorecard` }),
      invalid: { request: () => ({ url: "/api/console/partners/nope/scorecard" }), path: "params.id" },
    },
    {
      method: "GET",
      route: "/api/portal/scorecard",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/scorecard?from=2026-01-01&to=2026-06-30" }),
      invalid: { request: () => ({ url: "/api/portal/scorecard?to=June" }), path: "query.to" },
    },
  ];
}

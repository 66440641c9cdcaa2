import { randomUUID } from "node:crypto";
import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { insertPendingProposal, insertProgram, insertTier } from "../programs/programs.fixtures";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const managers = ["admin", "partner_manager"] as const;
const partnerRoles = ["partner_admin", "partner_user"] as const;

/** Tier routes under the isolation matrix; each request gets fresh records. */
export function tierIsolationCases(context: IsolationContext): IsolationCase[] {
  const db = () => context.database();
  const program = async (workspaceId: string) => (await insertProgram(db(), workspaceId)).id;
  const tiered = async (workspaceId: string) => {
    const id = await program(workspaceId);
    const low = await insertTier(db(), workspaceId, id, { name: "Registered", rank: 0 });
    const high = await insertTier(db(), workspaceId, id, {
      name: "Gold",
      rank: 1,
      criteria: [{ metric: "certified_people", min: 3 }],
    });
    return { programId: id, low: low.id, high: high.id };
  };
  const proposal = async (workspaceId: string, partnerId: string) =>
    (await insertPendingProposal(db(), workspaceId, partnerId)).proposal.id;
  const programRoute = (suffix: string, allowed: IsolationCase["allowed"], body?: (tierId: string) => unknown) =>
    ({
      method: "POST",
      route: `/api/console/programs/:id/tiers/${suffix}`,
      allowed,
      request: async (world) => {
        const t = await tiered(world.workspaceId);
        return { url: `/api/console/programs/${t.programId}/tiers/${suffix}`, body: body?.(t.high) ?? {} };
      },
      otherWorkspace: async (_world, other) => {
        const t = await tiered(other.workspaceId);
        return { url: `/api/console/programs/${t.programId}/tiers/${suffix}`, body: body?.(t.high) ?? {} };
      },
    }) satisfies IsolationCase;
  return [
    {
      method: "GET",
      route: "/api/console/programs/:id/tiers",
      allowed: vendorRoles,
      request: async (world) => ({ url: `/api/console/programs/${(await tiered(world.workspaceId)).programId}/tiers` }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/programs/${(await tiered(other.workspaceId)).programId}/tiers`,
      }),
      invalid: { request: () => ({ url: "/api/console/programs/0/tiers" }), path: "params.id" },
    },
    {
      method: "POST",
      route: "/api/console/programs/:id/tiers",
      allowed: managers,
      okStatus: 201,
      request: async (world) => ({
        url: `/api/console/programs/${await program(world.workspaceId)}/tiers`,
        body: { name: "Silver", criteria: [{ metric: "certified_people", min: 2 }] },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/programs/${await program(other.workspaceId)}/tiers`,
        body: { name: "Silver" },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/programs/${await program(world.workspaceId)}/tiers`,
          body: { name: "Silver", criteria: [{ metric: "karma", min: 1 }] },
        }),
        path: "body.criteria.0.metric",
      },
    },
    {
      ...programRoute("reorder", managers),
      request: async (world) => {
        const t = await tiered(world.workspaceId);
        return { url: `/api/console/programs/${t.programId}/tiers/reorder`, body: { tierIds: [t.high, t.low] } };
      },
      otherWorkspace: async (_world, other) => {
        const t = await tiered(other.workspaceId);
        return { url: `/api/console/programs/${t.programId}/tiers/reorder`, body: { tierIds: [t.high, t.low] } };
      },
      invalid: {
        request: async (world) => ({
          url: `/api/console/programs/${(await tiered(world.workspaceId)).programId}/tiers/reorder`,
          body: { tierIds: [] },
        }),
        path: "body.tierIds",
      },
    },
    {
      ...programRoute("simulate", vendorRoles, (tierId) => ({
        tierId,
        criteria: [{ metric: "certified_people", min: 1 }],
      })),
      invalid: {
        request: async (world) => {
          const t = await tiered(world.workspaceId);
          return {
            url: `/api/console/programs/${t.programId}/tiers/simulate`,
            body: { tierId: t.high, criteria: [{ metric: "points", min: -5 }] },
          };
        },
        path: "body.criteria.0.min",
      },
    },
    {
      ...programRoute("evaluate", managers),
      invalid: { request: () => ({ url: "/api/console/programs/zz/tiers/evaluate", body: {} }), path: "params.id" },
    },
    {
      method: "PATCH",
      route: "/api/console/tiers/:id",
      allowed: managers,
      request: async (world) => ({
        url: `/api/console/tiers/${(await tiered(world.workspaceId)).high}`,
        body: { criteria: [{ metric: "certified_people", min: 4 }], benefits: ["MDF"] },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/tiers/${(await tiered(other.workspaceId)).high}`,
        body: { benefits: ["MDF"] },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/tiers/${(await tiered(world.workspaceId)).high}`,
          body: { color: "red" },
        }),
        path: "body.color",
      },
    },
    {
      method: "DELETE",
      route: "/api/console/tiers/:id",
      allowed: managers,
      okStatus: 204,
      request: async (world) => ({ url: `/api/console/tiers/${(await tiered(world.workspaceId)).high}` }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/tiers/${(await tiered(other.workspaceId)).high}`,
      }),
      invalid: { request: () => ({ url: "/api/console/tiers/abc" }), path: "params.id" },
    },
    {
      method: "GET",
      route: "/api/console/partners/:id/signals",
      allowed: vendorRoles,
      request: (world) => ({ url: `/api/console/partners/${world.partnerA.id}/signals` }),
      otherWorkspace: (_world, other) => ({ url: `/api/console/partners/${other.partnerA.id}/signals` }),
      invalid: { request: () => ({ url: "/api/console/partners/abc/signals" }), path: "params.id" },
    },
    {
      method: "PUT",
      route: "/api/console/partners/:id/signals",
      allowed: managers,
      request: (world) => ({
        url: `/api/console/partners/${world.partnerA.id}/signals`,
        body: { signals: [{ key: "certified_people", value: 3 }] },
      }),
      otherWorkspace: (_world, other) => ({
        url: `/api/console/partners/${other.partnerA.id}/signals`,
        body: { signals: [{ key: "certified_people", value: 3 }] },
      }),
      invalid: {
        request: (world) => ({
          url: `/api/console/partners/${world.partnerA.id}/signals`,
          body: { signals: [{ key: "karma", value: 3 }] },
        }),
        path: "body.signals.0.key",
      },
    },
    {
      method: "GET",
      route: "/api/console/tier-proposals",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/tier-proposals?status=pending" }),
      invalid: { request: () => ({ url: "/api/console/tier-proposals?status=maybe" }), path: "query.status" },
    },
    {
      method: "POST",
      route: "/api/console/tier-proposals/:id/approve",
      allowed: managers,
      request: async (world) => ({
        url: `/api/console/tier-proposals/${await proposal(world.workspaceId, world.partnerA.id)}/approve`,
        body: {},
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/tier-proposals/${await proposal(other.workspaceId, other.partnerA.id)}/approve`,
        body: {},
      }),
      invalid: {
        request: () => ({ url: `/api/console/tier-proposals/${randomUUID()}x/approve`, body: {} }),
        path: "params.id",
      },
    },
    {
      method: "POST",
      route: "/api/console/tier-proposals/:id/reject",
      allowed: managers,
      request: async (world) => ({
        url: `/api/console/tier-proposals/${await proposal(world.workspaceId, world.partnerA.id)}/reject`,
        body: { reason: "Not this quarter" },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/tier-proposals/${await proposal(other.workspaceId, other.partnerA.id)}/reject`,
        body: { reason: "Not this quarter" },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/tier-proposals/${await proposal(world.workspaceId, world.partnerA.id)}/reject`,
          body: { reason: "" },
        }),
        path: "body.reason",
      },
    },
    {
      method: "GET",
      route: "/api/portal/tier",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/tier" }),
    },
  ];
}

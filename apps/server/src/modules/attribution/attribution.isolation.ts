import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { insertDeals } from "./attribution.fixtures";
import { recomputeBatch } from "./attribution.recompute";
import { attributionOverrides } from "./attribution.schema";
import { insertSnapshotBatch } from "./attribution.snapshots";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const writers = ["admin", "partner_manager", "marketing", "finance"] as const;
const managers = ["admin", "partner_manager"] as const;
const partnerRoles = ["partner_admin", "partner_user"] as const;

/** Attribution routes under the isolation matrix. */
export function attributionIsolationCases(context: IsolationContext): IsolationCase[] {
  const db = () => context.database();
  /** A completed linear + first snapshot over one fresh won deal of partner `partnerId`. */
  const snapshot = async (workspaceId: string, partnerId: string) => {
    const [deal] = await insertDeals(db(), workspaceId, [
      {
        outcome: "won",
        openedAt: "2026-01-01T00:00:00Z",
        closedAt: "2026-02-01T00:00:00Z",
        touches: [{ partnerId, at: "2026-01-02T00:00:00Z" }],
      },
    ]);
    const rows = await insertSnapshotBatch(
      db().db,
      workspaceId,
      { models: ["linear", "first"], cutoffAt: "2026-03-01T00:00:00Z" },
      "test",
    );
    await recomputeBatch(db(), workspaceId, rows[0]!.batchId);
    return { id: rows[0]!.id, opportunityId: deal!.id, partnerId };
  };
  const override = async (workspaceId: string, partnerId: string) => {
    const s = await snapshot(workspaceId, partnerId);
    const [row] = await db()
      .db.insert(attributionOverrides)
      .values({
        workspaceId,
        snapshotId: s.id,
        opportunityId: s.opportunityId,
        splits: [{ partnerId, share: 1 }],
        reason: "All theirs",
        createdBy: "test",
      })
      .returning({ id: attributionOverrides.id });
    return row!.id;
  };
  const snapshotRoute = (
    suffix: string,
    allowed: IsolationCase["allowed"],
    extra: Partial<IsolationCase> = {},
  ): IsolationCase => ({
    method: "GET",
    route: `/api/console/attribution/snapshots/:id${suffix}`,
    allowed,
    request: async (world) => ({
      url: `/api/console/attribution/snapshots/${(await snapshot(world.workspaceId, world.partnerA.id)).id}${suffix}`,
    }),
    otherWorkspace: async (_world, other) => ({
      url: `/api/console/attribution/snapshots/${(await snapshot(other.workspaceId, other.partnerA.id)).id}${suffix}`,
    }),
    invalid: { request: () => ({ url: `/api/console/attribution/snapshots/nope${suffix}` }), path: "params.id" },
    ...extra,
  });
  return [
    {
      method: "GET",
      route: "/api/console/attribution/snapshots",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/attribution/snapshots" }),
    },
    {
      method: "POST",
      route: "/api/console/attribution/snapshots",
      allowed: writers,
      okStatus: 202,
      request: () => ({ url: "/api/console/attribution/snapshots", body: { models: ["linear"] } }),
      invalid: {
        request: () => ({ url: "/api/console/attribution/snapshots", body: { models: ["astrology"] } }),
        path: "body.models.0",
      },
    },
    snapshotRoute("", vendorRoles),
    snapshotRoute("/results", vendorRoles),
    snapshotRoute("/comparison", vendorRoles),
    snapshotRoute("/overrides", vendorRoles),
    {
      method: "GET",
      route: "/api/console/attribution/snapshots/:id/opportunities/:opportunityId",
      allowed: vendorRoles,
      request: async (world) => {
        const s = await snapshot(world.workspaceId, world.partnerA.id);
        return { url: `/api/console/attribution/snapshots/${s.id}/opportunities/${s.opportunityId}` };
      },
      otherWorkspace: async (_world, other) => {
        const s = await snapshot(other.workspaceId, other.partnerA.id);
        return { url: `/api/console/attribution/snapshots/${s.id}/opportunities/${s.opportunityId}` };
      },
      invalid: {
        request: async (world) => {
          const s = await snapshot(world.workspaceId, world.partnerA.id);
          return { url: `/api/console/attribution/snapshots/${s.id}/opportunities/42` };
        },
        path: "params.opportunityId",
      },
    },
    {
      method: "GET",
      route: "/api/console/attribution/snapshots/:id/partners/:partnerId/deals",
      allowed: vendorRoles,
      request: async (world) => {
        const s = await snapshot(world.workspaceId, world.partnerA.id);
        return { url: `/api/console/attribution/snapshots/${s.id}/partners/${s.partnerId}/deals` };
      },
      otherWorkspace: async (world, other) => {
        // Our snapshot, their partner: the partner is not ours to read.
        const s = await snapshot(world.workspaceId, world.partnerA.id);
        return { url: `/api/console/attribution/snapshots/${s.id}/partners/${other.partnerA.id}/deals` };
      },
      invalid: {
        request: async (world) => {
          const s = await snapshot(world.workspaceId, world.partnerA.id);
          return { url: `/api/console/attribution/snapshots/${s.id}/partners/${s.partnerId}/deals?limit=0` };
        },
        path: "query.limit",
      },
    },
    {
      method: "POST",
      route: "/api/console/attribution/snapshots/:id/overrides",
      allowed: managers,
      okStatus: 201,
      request: async (world) => {
        const s = await snapshot(world.workspaceId, world.partnerA.id);
        return {
          url: `/api/console/attribution/snapshots/${s.id}/overrides`,
          body: {
            opportunityId: s.opportunityId,
            splits: [
              { partnerId: world.partnerA.id, share: 0.6 },
              { partnerId: world.partnerB.id, share: 0.4 },
            ],
            reason: "Joint deal agreed at the QBR",
          },
        };
      },
      otherWorkspace: async (_world, other) => {
        const s = await snapshot(other.workspaceId, other.partnerA.id);
        return {
          url: `/api/console/attribution/snapshots/${s.id}/overrides`,
          body: {
            opportunityId: s.opportunityId,
            splits: [{ partnerId: other.partnerA.id, share: 1 }],
            reason: "x y z",
          },
        };
      },
      invalid: {
        request: async (world) => {
          const s = await snapshot(world.workspaceId, world.partnerA.id);
          return {
            url: `/api/console/attribution/snapshots/${s.id}/overrides`,
            body: {
              opportunityId: s.opportunityId,
              splits: [{ partnerId: world.partnerA.id, share: 0.5 }],
              reason: "Half",
            },
          };
        },
        path: "body.splits",
      },
    },
    {
      method: "POST",
      route: "/api/console/attribution/overrides/:id/revert",
      allowed: managers,
      request: async (world) => ({
        url: `/api/console/attribution/overrides/${await override(world.workspaceId, world.partnerA.id)}/revert`,
        body: { reason: "Entered against the wrong deal" },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/attribution/overrides/${await override(other.workspaceId, other.partnerA.id)}/revert`,
        body: { reason: "Entered against the wrong deal" },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/attribution/overrides/${await override(world.workspaceId, world.partnerA.id)}/revert`,
          body: { reason: "" },
        }),
        path: "body.reason",
      },
    },
    {
      method: "POST",
      route: "/api/console/attribution/path-analysis",
      allowed: vendorRoles,
      request: () => ({
        url: "/api/console/attribution/path-analysis",
        body: { content: "path;total_conversions;total_null\na > b;1;0\nb;0;2\n", models: ["linear", "markov"] },
      }),
      invalid: {
        request: () => ({
          url: "/api/console/attribution/path-analysis",
          body: { content: "path;total_conversions\na;1\n", models: ["tea-leaves"] },
        }),
        path: "body.models.0",
      },
    },
    {
      method: "GET",
      route: "/api/portal/attribution",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/attribution" }),
    },
    {
      method: "GET",
      route: "/api/portal/attribution/snapshots/:id/deals",
      allowed: partnerRoles,
      request: async (world) => ({
        url: `/api/portal/attribution/snapshots/${(await snapshot(world.workspaceId, world.partnerA.id)).id}/deals`,
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/portal/attribution/snapshots/${(await snapshot(other.workspaceId, other.partnerA.id)).id}/deals`,
      }),
      invalid: { request: () => ({ url: "/api/portal/attribution/snapshots/x/deals" }), path: "params.id" },
    },
  ];
}

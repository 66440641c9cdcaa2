import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { insertOpportunity, insertTouchpoint } from "../revenue/revenue.fixtures";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const writers = ["admin", "partner_manager", "marketing", "finance"] as const;
const partnerRoles = ["partner_admin", "partner_user"] as const;

let sequence = 0;
const nextId = () => `touch-${Date.now().toString(36)}-${sequence++}`;

/** Touchpoint ledger routes under the isolation matrix. */
export function touchpointIsolationCases({ database }: IsolationContext): IsolationCase[] {
  const db = () => database();
  const touch = async (
    world: { workspaceId: string; partnerA: { id: string } },
    extra: Record<string, unknown> = {},
  ) => ({
    partnerId: world.partnerA.id,
    type: "co_sell_meeting",
    occurredAt: "2026-01-20T10:00:00Z",
    opportunityId: (await insertOpportunity(db(), world.workspaceId)).id,
    ...extra,
  });
  const touchpointIn = async (world: { workspaceId: string; partnerA: { id: string } }) =>
    insertTouchpoint(db(), world.workspaceId, {
      partnerId: world.partnerA.id,
      opportunityId: (await insertOpportunity(db(), world.workspaceId)).id,
    });
  return [
    {
      method: "GET",
      route: "/api/console/touchpoints",
      allowed: vendorRoles,
      request: (world) => ({ url: `/api/console/touchpoints?partnerId=${world.partnerA.id}&includeVoided=true` }),
      invalid: { request: () => ({ url: "/api/console/touchpoints?type=handshake" }), path: "query.type" },
    },
    {
      method: "POST",
      route: "/api/console/touchpoints",
      allowed: writers,
      okStatus: 201,
      request: async (world) => ({ url: "/api/console/touchpoints", body: await touch(world) }),
      otherWorkspace: async (world, other) => ({
        url: "/api/console/touchpoints",
        body: await touch(world, { partnerId: other.partnerA.id }),
      }),
      invalid: {
        request: async (world) => ({ url: "/api/console/touchpoints", body: await touch(world, { weight: -1 }) }),
        path: "body.weight",
      },
    },
    {
      method: "POST",
      route: "/api/console/touchpoints/bulk",
      allowed: writers,
      request: async (world) => ({
        url: "/api/console/touchpoints/bulk",
        body: { items: [{ ...(await touch(world)), externalId: nextId() }] },
      }),
      invalid: {
        request: async (world) => {
          const closed = await insertOpportunity(db(), world.workspaceId, {
            outcome: "won",
            stage: "Won",
            closedAt: new Date("2026-02-01T00:00:00Z"),
          });
          return {
            url: "/api/console/touchpoints/bulk",
            body: {
              items: [
                { ...(await touch(world)), externalId: nextId() },
                {
                  ...(await touch(world, { opportunityId: closed.id, occurredAt: "2026-03-01T00:00:00Z" })),
                  externalId: nextId(),
                },
              ],
            },
          };
        },
        path: "body.items.1.occurredAt",
      },
    },
    {
      method: "POST",
      route: "/api/console/touchpoints/:id/void",
      allowed: writers,
      request: async (world) => ({
        url: `/api/console/touchpoints/${(await touchpointIn(world)).id}/void`,
        body: { reason: "Entered twice" },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/touchpoints/${(await touchpointIn(other)).id}/void`,
        body: { reason: "Entered twice" },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/touchpoints/${(await touchpointIn(world)).id}/void`,
          body: { reason: "" },
        }),
        path: "body.reason",
      },
    },
    {
      method: "GET",
      route: "/api/portal/touchpoints",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/touchpoints" }),
      invalid: { request: () => ({ url: "/api/portal/touchpoints?opportunityId=nope" }), path: "query.opportunityId" },
    },
  ];
}

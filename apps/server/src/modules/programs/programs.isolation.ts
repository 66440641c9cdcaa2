import { randomUUID } from "node:crypto";
import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { insertMembership, insertProgram } from "./programs.fixtures";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const managers = ["admin", "partner_manager"] as const;
const partnerRoles = ["partner_admin", "partner_user"] as const;

/** Program routes under the isolation matrix. Every request gets its own program, so mutations never collide. */
export function programIsolationCases(context: IsolationContext): IsolationCase[] {
  const program = async (workspaceId: string) => (await insertProgram(context.database(), workspaceId)).id;
  const withMember = async (workspaceId: string, partnerId: string) => {
    const id = await program(workspaceId);
    await insertMembership(context.database(), workspaceId, id, partnerId);
    return id;
  };
  return [
    {
      method: "GET",
      route: "/api/console/programs",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/programs" }),
      invalid: {
        request: () => ({ url: "/api/console/programs?includeArchived=maybe" }),
        path: "query.includeArchived",
      },
    },
    {
      method: "POST",
      route: "/api/console/programs",
      allowed: managers,
      okStatus: 201,
      request: () => ({ url: "/api/console/programs", body: { name: `Program ${randomUUID().slice(0, 8)}` } }),
      invalid: { request: () => ({ url: "/api/console/programs", body: { name: "" } }), path: "body.name" },
    },
    {
      method: "GET",
      route: "/api/console/programs/:id",
      allowed: vendorRoles,
      request: async (world) => ({ url: `/api/console/programs/${await program(world.workspaceId)}` }),
      otherWorkspace: async (_world, other) => ({ url: `/api/console/programs/${await program(other.workspaceId)}` }),
      invalid: { request: () => ({ url: "/api/console/programs/nope" }), path: "params.id" },
    },
    {
      method: "PATCH",
      route: "/api/console/programs/:id",
      allowed: managers,
      request: async (world) => ({
        url: `/api/console/programs/${await program(world.workspaceId)}`,
        body: { description: "Updated", tierGraceDays: 45 },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/programs/${await program(other.workspaceId)}`,
        body: { description: "Updated" },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/programs/${await program(world.workspaceId)}`,
          body: { tierGraceDays: -1 },
        }),
        path: "body.tierGraceDays",
      },
    },
    ...(["archive", "restore"] as const).map(
      (action): IsolationCase => ({
        method: "POST",
        route: `/api/console/programs/:id/${action}`,
        allowed: managers,
        request: async (world) => ({ url: `/api/console/programs/${await program(world.workspaceId)}/${action}` }),
        otherWorkspace: async (_world, other) => ({
          url: `/api/console/programs/${await program(other.workspaceId)}/${action}`,
        }),
        invalid: { request: () => ({ url: `/api/console/programs/x/${action}` }), path: "params.id" },
      }),
    ),
    {
      method: "GET",
      route: "/api/console/programs/:id/members",
      allowed: vendorRoles,
      request: async (world) => ({
        url: `/api/console/programs/${await withMember(world.workspaceId, world.partnerA.id)}/members`,
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/programs/${await withMember(other.workspaceId, other.partnerA.id)}/members`,
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/programs/${await program(world.workspaceId)}/members?limit=0`,
        }),
        path: "query.limit",
      },
    },
    {
      method: "POST",
      route: "/api/console/programs/:id/members",
      allowed: managers,
      request: async (world) => ({
        url: `/api/console/programs/${await program(world.workspaceId)}/members`,
        body: { partnerIds: [world.partnerA.id, world.partnerB.id] },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/programs/${await program(other.workspaceId)}/members`,
        body: { partnerIds: [other.partnerA.id] },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/programs/${await program(world.workspaceId)}/members`,
          body: { partnerIds: [] },
        }),
        path: "body.partnerIds",
      },
    },
    {
      method: "DELETE",
      route: "/api/console/programs/:id/members/:partnerId",
      allowed: managers,
      okStatus: 204,
      request: async (world) => ({
        url: `/api/console/programs/${await withMember(world.workspaceId, world.partnerA.id)}/members/${world.partnerA.id}`,
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/programs/${await withMember(other.workspaceId, other.partnerA.id)}/members/${other.partnerA.id}`,
      }),
      invalid: {
        request: async (world) => ({ url: `/api/console/programs/${await program(world.workspaceId)}/members/nope` }),
        path: "params.partnerId",
      },
    },
    {
      method: "GET",
      route: "/api/portal/programs",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/programs" }),
    },
  ];
}

import { randomUUID } from "node:crypto";
import type { World } from "../../../test/factories";
import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { accountMatchKeys } from "./accounts.keys";
import { accountLists, accounts, directEngagements } from "./accounts.schema";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const writers = ["admin", "partner_manager"] as const;
const tag = () => randomUUID().slice(0, 8);

/** Account routes under the isolation matrix: staff only (partner users 403), other workspaces 404. */
export function accountIsolationCases(context: IsolationContext): IsolationCase[] {
  const account = async (world: World) => {
    const name = `Isolated ${tag()}`;
    const [row] = await context
      .database()
      .db.insert(accounts)
      .values({ workspaceId: world.workspaceId, name, ...accountMatchKeys({ name, domain: `${tag()}.example` }) })
      .returning({ id: accounts.id });
    return row?.id ?? "";
  };
  const list = async (world: World) => {
    const [row] = await context
      .database()
      .db.insert(accountLists)
      .values({ workspaceId: world.workspaceId, name: `List ${tag()}` })
      .returning({ id: accountLists.id });
    return row?.id ?? "";
  };
  const engagement = async (world: World) => {
    const accountId = await account(world);
    const [row] = await context
      .database()
      .db.insert(directEngagements)
      .values({ workspaceId: world.workspaceId, accountId, engagedAt: new Date() })
      .returning({ id: directEngagements.id });
    return { accountId, id: row?.id ?? "" };
  };
  const badId = { path: "params.id" };
  return [
    {
      method: "GET",
      route: "/api/console/accounts",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/accounts?q=isolated&status=prospect" }),
      invalid: { request: () => ({ url: "/api/console/accounts?status=sleeping" }), path: "query.status" },
    },
    {
      method: "POST",
      route: "/api/console/accounts",
      allowed: writers,
      okStatus: 201,
      request: () => ({ url: "/api/console/accounts", body: { name: `Created ${tag()}`, country: "DE" } }),
      invalid: {
        request: () => ({ url: "/api/console/accounts", body: { name: "X", size: "huge" } }),
        path: "body.size",
      },
    },
    {
      method: "POST",
      route: "/api/console/accounts/bulk-upsert",
      allowed: writers,
      request: () => ({
        url: "/api/console/accounts/bulk-upsert",
        body: { accounts: [{ externalId: `crm-${tag()}`, name: `Bulk ${tag()}` }] },
      }),
      invalid: {
        request: () => ({ url: "/api/console/accounts/bulk-upsert", body: { accounts: [{ name: "No id" }] } }),
        path: "body.accounts.0.externalId",
      },
    },
    {
      method: "PUT",
      route: "/api/console/accounts/by-external-id/:externalId",
      allowed: writers,
      okStatus: 201,
      request: () => ({
        url: `/api/console/accounts/by-external-id/crm-${tag()}`,
        body: { name: `Upserted ${tag()}` },
      }),
      invalid: {
        request: () => ({ url: `/api/console/accounts/by-external-id/crm-${tag()}`, body: { name: "" } }),
        path: "body.name",
      },
    },
    {
      method: "GET",
      route: "/api/console/accounts/:id",
      allowed: vendorRoles,
      request: async (world) => ({ url: `/api/console/accounts/${await account(world)}` }),
      otherWorkspace: async (_world, other) => ({ url: `/api/console/accounts/${await account(other)}` }),
      invalid: { request: () => ({ url: "/api/console/accounts/nope" }), ...badId },
    },
    {
      method: "PATCH",
      route: "/api/console/accounts/:id",
      allowed: writers,
      request: async (world) => ({
        url: `/api/console/accounts/${await account(world)}`,
        body: { industry: "Retail" },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/accounts/${await account(other)}`,
        body: { industry: "Retail" },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/accounts/${await account(world)}`,
          body: { country: "Germany" },
        }),
        path: "body.country",
      },
    },
    {
      method: "POST",
      route: "/api/console/accounts/:id/status",
      allowed: writers,
      request: async (world) => ({
        url: `/api/console/accounts/${await account(world)}/status`,
        body: { status: "customer" },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/accounts/${await account(other)}/status`,
        body: { status: "customer" },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/accounts/${await account(world)}/status`,
          body: { status: "won" },
        }),
        path: "body.status",
      },
    },
    {
      method: "GET",
      route: "/api/console/accounts/:id/activity",
      allowed: vendorRoles,
      request: async (world) => ({ url: `/api/console/accounts/${await account(world)}/activity` }),
      otherWorkspace: async (_world, other) => ({ url: `/api/console/accounts/${await account(other)}/activity` }),
      invalid: {
        request: async (world) => ({ url: `/api/console/accounts/${await account(world)}/activity?cursor=abc` }),
        path: "query.cursor",
      },
    },
    {
      method: "GET",
      route: "/api/console/accounts/:id/engagements",
      allowed: vendorRoles,
      request: async (world) => ({ url: `/api/console/accounts/${await account(world)}/engagements` }),
      otherWorkspace: async (_world, other) => ({ url: `/api/console/accounts/${await account(other)}/engagements` }),
      invalid: { request: () => ({ url: "/api/console/accounts/nope/engagements" }), ...badId },
    },
    {
      method: "POST",
      route: "/api/console/accounts/:id/engagements",
      allowed: writers,
      okStatus: 201,
      request: async (world) => ({
        url: `/api/console/accounts/${await account(world)}/engagements`,
        body: { engagedAt: "2026-01-15T10:00:00Z", kind: "demo", note: "Direct demo" },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/accounts/${await account(other)}/engagements`,
        body: { engagedAt: "2026-01-15T10:00:00Z" },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/accounts/${await account(world)}/engagements`,
          body: { engagedAt: "yesterday" },
        }),
        path: "body.engagedAt",
      },
    },
    {
      method: "DELETE",
      route: "/api/console/accounts/:id/engagements/:engagementId",
      allowed: writers,
      okStatus: 204,
      request: async (world) => {
        const e = await engagement(world);
        return { url: `/api/console/accounts/${e.accountId}/engagements/${e.id}` };
      },
      otherWorkspace: async (_world, other) => {
        const e = await engagement(other);
        return { url: `/api/console/accounts/${e.accountId}/engagements/${e.id}` };
      },
      invalid: {
        request: async (world) => ({ url: `/api/console/accounts/${await account(world)}/engagements/nope` }),
        path: "params.engagementId",
      },
    },
    {
      method: "GET",
      route: "/api/console/account-lists",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/account-lists" }),
    },
    {
      method: "POST",
      route: "/api/console/account-lists",
      allowed: writers,
      okStatus: 201,
      request: () => ({
        url: "/api/console/account-lists",
        body: { name: `Strategic ${tag()}`, blocksPartners: false },
      }),
      invalid: { request: () => ({ url: "/api/console/account-lists", body: { name: " " } }), path: "body.name" },
    },
    {
      method: "PATCH",
      route: "/api/console/account-lists/:id",
      allowed: writers,
      request: async (world) => ({
        url: `/api/console/account-lists/${await list(world)}`,
        body: { blocksPartners: false },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/account-lists/${await list(other)}`,
        body: { blocksPartners: false },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/account-lists/${await list(world)}`,
          body: { blocksPartners: "yes" },
        }),
        path: "body.blocksPartners",
      },
    },
    {
      method: "DELETE",
      route: "/api/console/account-lists/:id",
      allowed: writers,
      okStatus: 204,
      request: async (world) => ({ url: `/api/console/account-lists/${await list(world)}` }),
      otherWorkspace: async (_world, other) => ({ url: `/api/console/account-lists/${await list(other)}` }),
      invalid: { request: () => ({ url: "/api/console/account-lists/nope" }), ...badId },
    },
    {
      method: "POST",
      route: "/api/console/account-lists/:id/members",
      allowed: writers,
      request: async (world) => ({
        url: `/api/console/account-lists/${await list(world)}/members`,
        body: { accountIds: [await account(world)] },
      }),
      otherWorkspace: async (world, other) => ({
        url: `/api/console/account-lists/${await list(other)}/members`,
        body: { accountIds: [await account(world)] },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/account-lists/${await list(world)}/members`,
          body: { accountIds: [] },
        }),
        path: "body.accountIds",
      },
    },
    {
      method: "POST",
      route: "/api/console/account-lists/:id/members/remove",
      allowed: writers,
      request: async (world) => ({
        url: `/api/console/account-lists/${await list(world)}/members/remove`,
        body: { accountIds: [await account(world)] },
      }),
      otherWorkspace: async (world, other) => ({
        url: `/api/console/account-lists/${await list(world)}/members/remove`,
        body: { accountIds: [await account(other)] },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/account-lists/${await list(world)}/members/remove`,
          body: { accountIds: ["nope"] },
        }),
        path: "body.accountIds.0",
      },
    },
  ];
}

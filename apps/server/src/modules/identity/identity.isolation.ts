import { uniqueEmail } from "../../../test/factories";
import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { insertApiKey, insertInvitation, insertUser } from "../../../test/records";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const partnerRoles = ["partner_admin", "partner_user"] as const;
const everyone = [...vendorRoles, ...partnerRoles];

/** Identity routes under the isolation matrix (see src/modules/isolation.routes.test.ts). */
export function identityIsolationCases({ database }: IsolationContext): IsolationCase[] {
  const db = () => database();
  const authCases: IsolationCase[] = [
    { method: "GET", route: "/api/auth/me", allowed: everyone, request: () => ({ url: "/api/auth/me" }) },
    { method: "GET", route: "/api/auth/sessions", allowed: everyone, request: () => ({ url: "/api/auth/sessions" }) },
    {
      method: "DELETE",
      route: "/api/auth/sessions/:id",
      allowed: everyone,
      okStatus: 404,
      // Revoking a session that is not yours is indistinguishable from one that does not exist.
      request: (world) => ({ url: `/api/auth/sessions/${world.workspaceId}` }),
      invalid: { request: () => ({ url: "/api/auth/sessions/nope" }), path: "params.id" },
    },
  ];
  const consoleCases: IsolationCase[] = [
    {
      method: "GET",
      route: "/api/console/users",
      allowed: ["admin"],
      request: () => ({ url: "/api/console/users?limit=10" }),
      invalid: { request: () => ({ url: "/api/console/users?limit=0" }), path: "query.limit" },
    },
    {
      method: "PATCH",
      route: "/api/console/users/:id",
      allowed: ["admin"],
      request: async (world) => {
        const user = await insertUser(db(), world.workspaceId, "marketing");
        return { url: `/api/console/users/${user.id}`, body: { name: "Renamed" } };
      },
      otherWorkspace: async (_world, other) => {
        const user = await insertUser(db(), other.workspaceId, "marketing");
        return { url: `/api/console/users/${user.id}`, body: { name: "Renamed" } };
      },
      invalid: {
        request: async (world) => {
          const user = await insertUser(db(), world.workspaceId, "marketing");
          return { url: `/api/console/users/${user.id}`, body: { role: "partner_admin" } };
        },
        path: "body.role",
      },
    },
    {
      method: "POST",
      route: "/api/console/users/:id/password-reset",
      allowed: ["admin"],
      okStatus: 201,
      request: async (world) => ({
        url: `/api/console/users/${(await insertUser(db(), world.workspaceId, "finance")).id}/password-reset`,
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/users/${(await insertUser(db(), other.workspaceId, "finance")).id}/password-reset`,
      }),
      otherPartner: async (world) => ({
        url: `/api/console/users/${(await insertUser(db(), world.workspaceId, "partner_user", world.partnerA.id)).id}/password-reset`,
      }),
      invalid: { request: () => ({ url: "/api/console/users/zzz/password-reset" }), path: "params.id" },
    },
    {
      method: "GET",
      route: "/api/console/invitations",
      allowed: ["admin"],
      request: () => ({ url: "/api/console/invitations" }),
      invalid: { request: () => ({ url: "/api/console/invitations?offset=-1" }), path: "query.offset" },
    },
    {
      method: "POST",
      route: "/api/console/invitations",
      allowed: ["admin"],
      okStatus: 201,
      request: () => ({ url: "/api/console/invitations", body: { email: uniqueEmail("new"), role: "analyst" } }),
      otherWorkspace: (_world, other) => ({
        url: "/api/console/invitations",
        body: { email: uniqueEmail("new"), role: "partner_user", partnerId: other.partnerA.id },
      }),
      invalid: {
        request: () => ({ url: "/api/console/invitations", body: { email: "not-an-email", role: "analyst" } }),
        path: "body.email",
      },
    },
    {
      method: "DELETE",
      route: "/api/console/invitations/:id",
      allowed: ["admin"],
      okStatus: 204,
      request: async (world) => ({
        url: `/api/console/invitations/${(await insertInvitation(db(), world.workspaceId)).id}`,
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/invitations/${(await insertInvitation(db(), other.workspaceId)).id}`,
      }),
      invalid: { request: () => ({ url: "/api/console/invitations/123" }), path: "params.id" },
    },
    {
      method: "GET",
      route: "/api/console/api-keys",
      allowed: ["admin"],
      request: () => ({ url: "/api/console/api-keys" }),
    },
    {
      method: "POST",
      route: "/api/console/api-keys",
      allowed: ["admin"],
      okStatus: 201,
      request: () => ({ url: "/api/console/api-keys", body: { name: "CRM sync", role: "analyst" } }),
      invalid: {
        request: () => ({ url: "/api/console/api-keys", body: { name: "CRM sync", role: "partner_user" } }),
        path: "body.role",
      },
    },
    {
      method: "DELETE",
      route: "/api/console/api-keys/:id",
      allowed: ["admin"],
      okStatus: 204,
      request: async (world) => ({ url: `/api/console/api-keys/${(await insertApiKey(db(), world.workspaceId)).id}` }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/api-keys/${(await insertApiKey(db(), other.workspaceId)).id}`,
      }),
      otherPartner: async (world) => ({
        url: `/api/console/api-keys/${(await insertApiKey(db(), world.workspaceId, { partnerId: world.partnerA.id })).id}`,
      }),
      invalid: { request: () => ({ url: "/api/console/api-keys/x" }), path: "params.id" },
    },
  ];
  const portalCases: IsolationCase[] = [
    {
      method: "GET",
      route: "/api/portal/users",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/users" }),
      invalid: { request: () => ({ url: "/api/portal/users?limit=abc" }), path: "query.limit" },
    },
    {
      method: "PATCH",
      route: "/api/portal/users/:id",
      allowed: ["partner_admin"],
      request: async (world) => {
        const user = await insertUser(db(), world.workspaceId, "partner_user", world.partnerA.id);
        return { url: `/api/portal/users/${user.id}`, body: { name: "Renamed" } };
      },
      otherPartner: async (world) => {
        const user = await insertUser(db(), world.workspaceId, "partner_user", world.partnerB.id);
        return { url: `/api/portal/users/${user.id}`, body: { name: "Renamed" } };
      },
      otherWorkspace: async (_world, other) => {
        const user = await insertUser(db(), other.workspaceId, "partner_user", other.partnerA.id);
        return { url: `/api/portal/users/${user.id}`, body: { name: "Renamed" } };
      },
      invalid: {
        request: (world) => ({ url: `/api/portal/users/${world.partnerA.id}`, body: { role: "admin" } }),
        path: "body.role",
      },
    },
    {
      method: "POST",
      route: "/api/portal/users/:id/password-reset",
      allowed: ["partner_admin"],
      okStatus: 201,
      request: async (world) => ({
        url: `/api/portal/users/${(await insertUser(db(), world.workspaceId, "partner_user", world.partnerA.id)).id}/password-reset`,
      }),
      otherPartner: async (world) => ({
        url: `/api/portal/users/${(await insertUser(db(), world.workspaceId, "partner_user", world.partnerB.id)).id}/password-reset`,
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/portal/users/${(await insertUser(db(), other.workspaceId, "partner_user", other.partnerA.id)).id}/password-reset`,
      }),
    },
    {
      method: "GET",
      route: "/api/portal/invitations",
      allowed: ["partner_admin"],
      request: () => ({ url: "/api/portal/invitations" }),
    },
    {
      method: "POST",
      route: "/api/portal/invitations",
      allowed: ["partner_admin"],
      okStatus: 201,
      request: () => ({
        url: "/api/portal/invitations",
        body: { email: uniqueEmail("colleague"), role: "partner_user" },
      }),
      invalid: {
        request: () => ({ url: "/api/portal/invitations", body: { email: uniqueEmail(), role: "admin" } }),
        path: "body.role",
      },
    },
    {
      method: "DELETE",
      route: "/api/portal/invitations/:id",
      allowed: ["partner_admin"],
      okStatus: 204,
      request: async (world) => ({
        url: `/api/portal/invitations/${(await insertInvitation(db(), world.workspaceId, { partnerId: world.partnerA.id })).id}`,
      }),
      otherPartner: async (world) => ({
        url: `/api/portal/invitations/${(await insertInvitation(db(), world.workspaceId, { partnerId: world.partnerB.id })).id}`,
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/portal/invitations/${(await insertInvitation(db(), other.workspaceId, { partnerId: other.partnerA.id })).id}`,
      }),
    },
    {
      method: "GET",
      route: "/api/portal/api-keys",
      allowed: ["partner_admin"],
      request: () => ({ url: "/api/portal/api-keys" }),
    },
    {
      method: "POST",
      route: "/api/portal/api-keys",
      allowed: ["partner_admin"],
      okStatus: 201,
      request: () => ({ url: "/api/portal/api-keys", body: { name: "Our CRM", role: "partner_user" } }),
      invalid: {
        request: () => ({ url: "/api/portal/api-keys", body: { name: "", role: "partner_user" } }),
        path: "body.name",
      },
    },
    {
      method: "DELETE",
      route: "/api/portal/api-keys/:id",
      allowed: ["partner_admin"],
      okStatus: 204,
      request: async (world) => ({
        url: `/api/portal/api-keys/${(await insertApiKey(db(), world.workspaceId, { partnerId: world.partnerA.id })).id}`,
      }),
      otherPartner: async (world) => ({
        url: `/api/portal/api-keys/${(await insertApiKey(db(), world.workspaceId, { partnerId: world.partnerB.id })).id}`,
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/portal/api-keys/${(await insertApiKey(db(), other.workspaceId, { partnerId: other.partnerA.id })).id}`,
      }),
    },
  ];
  return [...authCases, ...consoleCases, ...portalCases];
}

/** Routes outside the matrix, and why. */
export const identityPublicRoutes: Record<string, string> = {
  "POST /api/auth/login": "public; covered in auth.routes.test.ts",
  "POST /api/auth/logout": "ends the caller's session; covered with fresh sessions in auth.routes.test.ts",
  "POST /api/auth/password": "signs other sessions out; covered in auth.routes.test.ts",
  "POST /api/auth/password-reset": "public, token-authenticated; covered in auth.routes.test.ts",
  "GET /api/auth/invitations/:token": "public, token-authenticated; covered in people.routes.test.ts",
  "POST /api/auth/invitations/accept": "public, token-authenticated; covered in people.routes.test.ts",
};

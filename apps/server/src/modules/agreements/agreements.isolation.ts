import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { addMembership, insertAgreement, insertProgram } from "../../../test/journey-fixtures";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const writers = ["admin", "partner_manager"] as const;
const partnerRoles = ["partner_admin", "partner_user"] as const;

/** Agreement routes under the isolation matrix. */
export function agreementIsolationCases({ database }: IsolationContext): IsolationCase[] {
  const db = () => database();
  const agreementIn = async (workspaceId: string) => {
    const program = await insertProgram(db(), workspaceId);
    return (await insertAgreement(db(), workspaceId, program.id)).agreement;
  };
  /** A version of an agreement in a program `partnerId` belongs to. */
  const versionFor = async (workspaceId: string, partnerId: string) => {
    const program = await insertProgram(db(), workspaceId);
    await addMembership(db(), workspaceId, partnerId, program.id);
    const { versions } = await insertAgreement(db(), workspaceId, program.id);
    return versions[0]?.id ?? "";
  };
  const byId = (suffix: string) => ({
    request: async (world: { workspaceId: string }) => ({
      url: `/api/console/agreements/${(await agreementIn(world.workspaceId)).id}${suffix}`,
    }),
    otherWorkspace: async (_world: unknown, other: { workspaceId: string }) => ({
      url: `/api/console/agreements/${(await agreementIn(other.workspaceId)).id}${suffix}`,
    }),
    invalid: { request: () => ({ url: `/api/console/agreements/nope${suffix}` }), path: "params.id" },
  });
  return [
    {
      method: "GET",
      route: "/api/console/agreements",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/agreements" }),
      invalid: { request: () => ({ url: "/api/console/agreements?programId=x" }), path: "query.programId" },
    },
    {
      method: "POST",
      route: "/api/console/agreements",
      allowed: writers,
      okStatus: 201,
      request: async (world) => ({
        url: "/api/console/agreements",
        body: {
          programId: (await insertProgram(db(), world.workspaceId)).id,
          title: "Reseller terms",
          bodyMarkdown: "# Terms",
        },
      }),
      otherWorkspace: async (_world, other) => ({
        url: "/api/console/agreements",
        body: {
          programId: (await insertProgram(db(), other.workspaceId)).id,
          title: "Reseller terms",
          bodyMarkdown: "# T",
        },
      }),
      invalid: {
        request: async (world) => ({
          url: "/api/console/agreements",
          body: { programId: (await insertProgram(db(), world.workspaceId)).id, title: "", bodyMarkdown: "# T" },
        }),
        path: "body.title",
      },
    },
    { method: "GET", route: "/api/console/agreements/:id", allowed: vendorRoles, ...byId("") },
    {
      method: "PATCH",
      route: "/api/console/agreements/:id",
      allowed: writers,
      request: async (world) => ({
        url: `/api/console/agreements/${(await agreementIn(world.workspaceId)).id}`,
        body: { title: "Renamed terms" },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/agreements/${(await agreementIn(other.workspaceId)).id}`,
        body: { title: "Renamed terms" },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/agreements/${(await agreementIn(world.workspaceId)).id}`,
          body: { title: "x" },
        }),
        path: "body.title",
      },
    },
    { method: "GET", route: "/api/console/agreements/:id/versions", allowed: vendorRoles, ...byId("/versions") },
    {
      method: "POST",
      route: "/api/console/agreements/:id/versions",
      allowed: writers,
      okStatus: 201,
      request: async (world) => ({
        url: `/api/console/agreements/${(await agreementIn(world.workspaceId)).id}/versions`,
        body: { bodyMarkdown: "# v2", requiresReacceptance: false },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/agreements/${(await agreementIn(other.workspaceId)).id}/versions`,
        body: { bodyMarkdown: "# v2" },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/agreements/${(await agreementIn(world.workspaceId)).id}/versions`,
          body: { bodyMarkdown: "" },
        }),
        path: "body.bodyMarkdown",
      },
    },
    { method: "GET", route: "/api/console/agreements/:id/acceptances", allowed: vendorRoles, ...byId("/acceptances") },
    {
      method: "GET",
      route: "/api/console/agreements/:id/acceptances.csv",
      allowed: vendorRoles,
      ...byId("/acceptances.csv"),
    },
    {
      method: "GET",
      route: "/api/console/partners/:id/agreements",
      allowed: vendorRoles,
      request: (world) => ({ url: `/api/console/partners/${world.partnerA.id}/agreements` }),
      otherWorkspace: (_world, other) => ({ url: `/api/console/partners/${other.partnerA.id}/agreements` }),
      invalid: { request: () => ({ url: "/api/console/partners/nope/agreements" }), path: "params.id" },
    },
    {
      method: "GET",
      route: "/api/portal/agreements",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/agreements" }),
    },
    {
      method: "POST",
      route: "/api/portal/agreements/:versionId/accept",
      allowed: ["partner_admin"],
      request: async (world) => ({
        url: `/api/portal/agreements/${await versionFor(world.workspaceId, world.partnerA.id)}/accept`,
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/portal/agreements/${await versionFor(other.workspaceId, other.partnerA.id)}/accept`,
      }),
      otherPartner: async (world) => ({
        url: `/api/portal/agreements/${await versionFor(world.workspaceId, world.partnerB.id)}/accept`,
      }),
      invalid: { request: () => ({ url: "/api/portal/agreements/nope/accept" }), path: "params.versionId" },
    },
  ];
}

import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { insertApplication, insertProgram } from "../../../test/journey-fixtures";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const deciders = ["admin", "partner_manager"] as const;

/** Public recruitment routes: outside the matrix (no sign-in), tested in recruitment.public.test.ts. */
export const recruitmentPublicRoutes: Record<string, string> = {
  "GET /api/public/apply/:workspaceSlug/:programSlug": "public application form (rate-limited per client address)",
  "POST /api/public/apply/:workspaceSlug/:programSlug": "public application (rate-limited, honeypot)",
};

const criteria = [
  {
    id: "industry",
    label: "Software industry",
    attribute: "industries",
    weight: 60,
    rule: { kind: "any_of", values: ["software"] },
  },
  { id: "size", label: "Mid-size", attribute: "size", weight: 40, rule: { kind: "range", min: 11, max: 1000 } },
];

/** Recruitment routes under the isolation matrix. */
export function recruitmentIsolationCases({ database }: IsolationContext): IsolationCase[] {
  const db = () => database();
  const programIn = async (workspaceId: string) => (await insertProgram(db(), workspaceId)).id;
  const applicationIn = async (workspaceId: string) => {
    const program = await insertProgram(db(), workspaceId);
    return (await insertApplication(db(), workspaceId, program.id)).application.id;
  };
  const applicationCase = (
    method: "GET" | "POST",
    suffix: string,
    allowed: readonly (typeof vendorRoles)[number][],
    body?: (world: { vendor: { partner_manager: { userId: string } } }) => unknown,
  ): Omit<IsolationCase, "route"> => ({
    method,
    allowed,
    request: async (world) => ({
      url: `/api/console/applications/${await applicationIn(world.workspaceId)}${suffix}`,
      ...(body ? { body: body(world) } : {}),
    }),
    otherWorkspace: async (world, other) => ({
      url: `/api/console/applications/${await applicationIn(other.workspaceId)}${suffix}`,
      ...(body ? { body: body(world) } : {}),
    }),
    invalid: {
      request: () => ({ url: `/api/console/applications/nope${suffix}`, ...(body ? { body: {} } : {}) }),
      path: "params.id",
    },
  });
  return [
    {
      method: "GET",
      route: "/api/console/programs/:programId/ipp",
      allowed: vendorRoles,
      request: async (world) => ({ url: `/api/console/programs/${await programIn(world.workspaceId)}/ipp` }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/programs/${await programIn(other.workspaceId)}/ipp`,
      }),
      invalid: { request: () => ({ url: "/api/console/programs/nope/ipp" }), path: "params.programId" },
    },
    {
      method: "PUT",
      route: "/api/console/programs/:programId/ipp",
      allowed: deciders,
      request: async (world) => ({
        url: `/api/console/programs/${await programIn(world.workspaceId)}/ipp`,
        body: { criteria },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/programs/${await programIn(other.workspaceId)}/ipp`,
        body: { criteria },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/programs/${await programIn(world.workspaceId)}/ipp`,
          body: { criteria: [{ ...criteria[0], weight: 500 }] },
        }),
        path: "body.criteria.0.weight",
      },
    },
    {
      method: "GET",
      route: "/api/console/applications",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/applications?sort=fit&status=received" }),
      invalid: { request: () => ({ url: "/api/console/applications?sort=random" }), path: "query.sort" },
    },
    { route: "/api/console/applications/:id", ...applicationCase("GET", "", vendorRoles) },
    {
      route: "/api/console/applications/:id/assign",
      ...applicationCase("POST", "/assign", deciders, (world) => ({ vetterId: world.vendor.partner_manager.userId })),
    },
    { route: "/api/console/applications/:id/approve", ...applicationCase("POST", "/approve", deciders) },
    {
      route: "/api/console/applications/:id/reject",
      ...applicationCase("POST", "/reject", deciders, () => ({ reason: "Not a fit for this program" })),
    },
  ];
}

import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { insertJourney, insertProgram, insertTemplate } from "../../../test/journey-fixtures";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const writers = ["admin", "partner_manager"] as const;
const partnerRoles = ["partner_admin", "partner_user"] as const;

/** Onboarding routes under the isolation matrix. */
export function onboardingIsolationCases({ database }: IsolationContext): IsolationCase[] {
  const db = () => database();
  const templateIn = async (workspaceId: string) => {
    const program = await insertProgram(db(), workspaceId);
    return insertTemplate(db(), workspaceId, program.id, [
      { type: "accept_agreement" },
      { type: "manual", ownerSide: "vendor" },
    ]);
  };
  const templateUrl = async (workspaceId: string, suffix = "") =>
    `/api/console/onboarding/templates/${(await templateIn(workspaceId)).template.id}${suffix}`;
  const stepUrl = async (workspaceId: string) => {
    const { template, steps } = await templateIn(workspaceId);
    return `/api/console/onboarding/templates/${template.id}/steps/${steps[0]?.id}`;
  };
  const manualStep = async (workspaceId: string, partnerId: string, ownerSide: "partner" | "vendor") => {
    const { steps } = await insertJourney(db(), workspaceId, partnerId, [{ type: "manual", ownerSide }]);
    return steps[0]?.id ?? "";
  };
  const newTemplate = async (workspaceId: string) => ({
    programId: (await insertProgram(db(), workspaceId)).id,
    name: "Reseller onboarding",
    steps: [{ type: "manual", title: "Kick-off call", ownerSide: "vendor", dueOffsetDays: 7 }],
  });
  return [
    {
      method: "GET",
      route: "/api/console/onboarding/templates",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/onboarding/templates" }),
      invalid: { request: () => ({ url: "/api/console/onboarding/templates?programId=1" }), path: "query.programId" },
    },
    {
      method: "POST",
      route: "/api/console/onboarding/templates",
      allowed: writers,
      okStatus: 201,
      request: async (world) => ({
        url: "/api/console/onboarding/templates",
        body: await newTemplate(world.workspaceId),
      }),
      otherWorkspace: async (_world, other) => ({
        url: "/api/console/onboarding/templates",
        body: await newTemplate(other.workspaceId),
      }),
      invalid: {
        request: async (world) => ({
          url: "/api/console/onboarding/templates",
          body: { ...(await newTemplate(world.workspaceId)), steps: [{ type: "teleport", title: "Nope" }] },
        }),
        path: "body.steps.0.type",
      },
    },
    {
      method: "GET",
      route: "/api/console/onboarding/templates/:id",
      allowed: vendorRoles,
      request: async (world) => ({ url: await templateUrl(world.workspaceId) }),
      otherWorkspace: async (_world, other) => ({ url: await templateUrl(other.workspaceId) }),
      invalid: { request: () => ({ url: "/api/console/onboarding/templates/x" }), path: "params.id" },
    },
    {
      method: "PATCH",
      route: "/api/console/onboarding/templates/:id",
      allowed: writers,
      request: async (world) => ({ url: await templateUrl(world.workspaceId), body: { name: "Renamed journey" } }),
      otherWorkspace: async (_world, other) => ({
        url: await templateUrl(other.workspaceId),
        body: { name: "Renamed" },
      }),
      invalid: {
        request: async (world) => ({ url: await templateUrl(world.workspaceId), body: { name: "" } }),
        path: "body.name",
      },
    },
    {
      method: "DELETE",
      route: "/api/console/onboarding/templates/:id",
      allowed: writers,
      okStatus: 204,
      request: async (world) => ({ url: await templateUrl(world.workspaceId) }),
      otherWorkspace: async (_world, other) => ({ url: await templateUrl(other.workspaceId) }),
      invalid: { request: () => ({ url: "/api/console/onboarding/templates/x" }), path: "params.id" },
    },
    {
      method: "POST",
      route: "/api/console/onboarding/templates/:id/steps",
      allowed: writers,
      okStatus: 201,
      request: async (world) => ({
        url: await templateUrl(world.workspaceId, "/steps"),
        body: { type: "invite_colleagues", title: "Invite two colleagues", config: { count: 2 } },
      }),
      otherWorkspace: async (_world, other) => ({
        url: await templateUrl(other.workspaceId, "/steps"),
        body: { type: "manual", title: "Call" },
      }),
      invalid: {
        request: async (world) => ({
          url: await templateUrl(world.workspaceId, "/steps"),
          body: { type: "manual", title: "Call", dueOffsetDays: -3 },
        }),
        path: "body.dueOffsetDays",
      },
    },
    {
      method: "PATCH",
      route: "/api/console/onboarding/templates/:id/steps/:stepId",
      allowed: writers,
      request: async (world) => ({ url: await stepUrl(world.workspaceId), body: { dueOffsetDays: 21 } }),
      otherWorkspace: async (_world, other) => ({ url: await stepUrl(other.workspaceId), body: { dueOffsetDays: 21 } }),
      invalid: {
        request: async (world) => ({ url: await stepUrl(world.workspaceId), body: { ownerSide: "both" } }),
        path: "body.ownerSide",
      },
    },
    {
      method: "DELETE",
      route: "/api/console/onboarding/templates/:id/steps/:stepId",
      allowed: writers,
      request: async (world) => ({ url: await stepUrl(world.workspaceId) }),
      otherWorkspace: async (_world, other) => ({ url: await stepUrl(other.workspaceId) }),
      invalid: { request: () => ({ url: "/api/console/onboarding/templates/x/steps/y" }), path: "params.id" },
    },
    {
      method: "PUT",
      route: "/api/console/onboarding/templates/:id/order",
      allowed: writers,
      request: async (world) => {
        const { template, steps } = await templateIn(world.workspaceId);
        return {
          url: `/api/console/onboarding/templates/${template.id}/order`,
          body: { stepIds: steps.map((s) => s.id).reverse() },
        };
      },
      otherWorkspace: async (_world, other) => {
        const { template, steps } = await templateIn(other.workspaceId);
        return {
          url: `/api/console/onboarding/templates/${template.id}/order`,
          body: { stepIds: steps.map((s) => s.id) },
        };
      },
      invalid: {
        request: async (world) => ({ url: await templateUrl(world.workspaceId, "/order"), body: { stepIds: ["x"] } }),
        path: "body.stepIds.0",
      },
    },
    {
      method: "GET",
      route: "/api/console/onboarding/tasks",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/onboarding/tasks?overdue=true" }),
      invalid: { request: () => ({ url: "/api/console/onboarding/tasks?ownerSide=both" }), path: "query.ownerSide" },
    },
    {
      method: "GET",
      route: "/api/console/onboarding/metrics",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/onboarding/metrics?cohort=month" }),
      invalid: { request: () => ({ url: "/api/console/onboarding/metrics?cohort=week" }), path: "query.cohort" },
    },
    {
      method: "GET",
      route: "/api/console/partners/:id/onboarding",
      allowed: vendorRoles,
      request: (world) => ({ url: `/api/console/partners/${world.partnerA.id}/onboarding` }),
      otherWorkspace: (_world, other) => ({ url: `/api/console/partners/${other.partnerA.id}/onboarding` }),
      invalid: { request: () => ({ url: "/api/console/partners/x/onboarding" }), path: "params.id" },
    },
    {
      method: "POST",
      route: "/api/console/partners/:id/onboarding/steps/:stepId/complete",
      allowed: writers,
      request: async (world) => ({
        url: `/api/console/partners/${world.partnerA.id}/onboarding/steps/${await manualStep(world.workspaceId, world.partnerA.id, "vendor")}/complete`,
      }),
      otherWorkspace: async (world, other) => ({
        url: `/api/console/partners/${world.partnerA.id}/onboarding/steps/${await manualStep(other.workspaceId, other.partnerA.id, "vendor")}/complete`,
      }),
      otherPartner: async (world) => ({
        url: `/api/console/partners/${world.partnerA.id}/onboarding/steps/${await manualStep(world.workspaceId, world.partnerB.id, "vendor")}/complete`,
      }),
      invalid: {
        request: (world) => ({ url: `/api/console/partners/${world.partnerA.id}/onboarding/steps/x/complete` }),
        path: "params.stepId",
      },
    },
    {
      method: "GET",
      route: "/api/portal/onboarding",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/onboarding" }),
    },
    {
      method: "POST",
      route: "/api/portal/onboarding/steps/:stepId/complete",
      allowed: partnerRoles,
      request: async (world) => ({
        url: `/api/portal/onboarding/steps/${await manualStep(world.workspaceId, world.partnerA.id, "partner")}/complete`,
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/portal/onboarding/steps/${await manualStep(other.workspaceId, other.partnerA.id, "partner")}/complete`,
      }),
      otherPartner: async (world) => ({
        url: `/api/portal/onboarding/steps/${await manualStep(world.workspaceId, world.partnerB.id, "partner")}/complete`,
      }),
      invalid: { request: () => ({ url: "/api/portal/onboarding/steps/x/complete" }), path: "params.stepId" },
    },
  ];
}

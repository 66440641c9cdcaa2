import { randomUUID } from "node:crypto";
import { uniqueEmail } from "../../../test/factories";
import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import type { Database } from "../../db";
import { partnerCustomFields, partners } from "./partners.schema";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const writers = ["admin", "partner_manager"] as const;
const partnerRoles = ["partner_admin", "partner_user"] as const;

async function insertProspect(database: Database, workspaceId: string): Promise<string> {
  const [row] = await database.db
    .insert(partners)
    .values({ workspaceId, name: `Prospect ${randomUUID()}` })
    .returning({ id: partners.id });
  if (!row) throw new Error("partner not inserted");
  return row.id;
}

async function insertCustomField(database: Database, workspaceId: string): Promise<string> {
  const [row] = await database.db
    .insert(partnerCustomFields)
    .values({ workspaceId, key: `f_${randomUUID().slice(0, 8)}`, label: "Field", type: "text" })
    .returning({ id: partnerCustomFields.id });
  if (!row) throw new Error("custom field not inserted");
  return row.id;
}

/** Partner routes under the isolation matrix. */
export function partnerIsolationCases({ database }: IsolationContext): IsolationCase[] {
  const db = () => database();
  const directory: IsolationCase[] = [
    {
      method: "GET",
      route: "/api/console/partners",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/partners?stage=active,prospect&sort=stage&dir=desc" }),
      invalid: { request: () => ({ url: "/api/console/partners?stage=sleeping" }), path: "query.stage" },
    },
    {
      method: "GET",
      route: "/api/console/partners/:id",
      allowed: vendorRoles,
      request: (world) => ({ url: `/api/console/partners/${world.partnerA.id}` }),
      otherWorkspace: (_world, other) => ({ url: `/api/console/partners/${other.partnerA.id}` }),
      invalid: { request: () => ({ url: "/api/console/partners/not-a-uuid" }), path: "params.id" },
    },
    {
      method: "POST",
      route: "/api/console/partners",
      allowed: writers,
      okStatus: 201,
      request: () => ({ url: "/api/console/partners", body: { name: `Partner ${uniqueEmail()}` } }),
      invalid: { request: () => ({ url: "/api/console/partners", body: { name: "" } }), path: "body.name" },
    },
    {
      method: "PATCH",
      route: "/api/console/partners/:id",
      allowed: writers,
      request: (world) => ({ url: `/api/console/partners/${world.partnerA.id}`, body: { description: randomUUID() } }),
      otherWorkspace: (_world, other) => ({
        url: `/api/console/partners/${other.partnerA.id}`,
        body: { description: "Not yours" },
      }),
      invalid: {
        request: (world) => ({ url: `/api/console/partners/${world.partnerA.id}`, body: { hqCountry: "Germany" } }),
        path: "body.hqCountry",
      },
    },
    {
      method: "POST",
      route: "/api/console/partners/:id/stage",
      allowed: writers,
      request: async (world) => ({
        url: `/api/console/partners/${await insertProspect(db(), world.workspaceId)}/stage`,
        body: { to: "applied", reason: "Filled in the form" },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/partners/${await insertProspect(db(), other.workspaceId)}/stage`,
        body: { to: "applied" },
      }),
      invalid: {
        request: (world) => ({ url: `/api/console/partners/${world.partnerA.id}/stage`, body: { to: "asleep" } }),
        path: "body.to",
      },
    },
    {
      method: "POST",
      route: "/api/console/partners/bulk",
      allowed: writers,
      request: (world) => ({
        url: "/api/console/partners/bulk",
        body: { partnerIds: [world.partnerA.id, world.partnerB.id], action: { type: "add_tag", tag: "isolation" } },
      }),
      otherWorkspace: (world, other) => ({
        url: "/api/console/partners/bulk",
        body: { partnerIds: [world.partnerA.id, other.partnerA.id], action: { type: "add_tag", tag: "x" } },
      }),
      invalid: {
        request: () => ({
          url: "/api/console/partners/bulk",
          body: { partnerIds: [], action: { type: "add_tag", tag: "x" } },
        }),
        path: "body.partnerIds",
      },
    },
    {
      method: "GET",
      route: "/api/console/partners/:id/timeline",
      allowed: vendorRoles,
      request: (world) => ({ url: `/api/console/partners/${world.partnerA.id}/timeline?limit=5` }),
      otherWorkspace: (_world, other) => ({ url: `/api/console/partners/${other.partnerA.id}/timeline` }),
      invalid: {
        request: (world) => ({ url: `/api/console/partners/${world.partnerA.id}/timeline?limit=0` }),
        path: "query.limit",
      },
    },
    {
      method: "GET",
      route: "/api/console/partners/:id/people",
      allowed: vendorRoles,
      request: (world) => ({ url: `/api/console/partners/${world.partnerA.id}/people` }),
      otherWorkspace: (_world, other) => ({ url: `/api/console/partners/${other.partnerA.id}/people` }),
      invalid: { request: () => ({ url: "/api/console/partners/nope/people" }), path: "params.id" },
    },
  ];
  const settings: IsolationCase[] = [
    {
      method: "GET",
      route: "/api/console/partner-managers",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/partner-managers" }),
    },
    {
      method: "GET",
      route: "/api/console/partner-custom-fields",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/partner-custom-fields" }),
    },
    {
      method: "POST",
      route: "/api/console/partner-custom-fields",
      allowed: ["admin"],
      okStatus: 201,
      request: () => ({
        url: "/api/console/partner-custom-fields",
        body: {
          key: `k_${randomUUID().slice(0, 8)}`,
          label: "Segment",
          type: "select",
          options: ["SMB", "Enterprise"],
        },
      }),
      invalid: {
        request: () => ({
          url: "/api/console/partner-custom-fields",
          body: { key: "Bad Key", label: "x", type: "text" },
        }),
        path: "body.key",
      },
    },
    {
      method: "PATCH",
      route: "/api/console/partner-custom-fields/:id",
      allowed: ["admin"],
      request: async (world) => ({
        url: `/api/console/partner-custom-fields/${await insertCustomField(db(), world.workspaceId)}`,
        body: { label: "Renamed" },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/partner-custom-fields/${await insertCustomField(db(), other.workspaceId)}`,
        body: { label: "Renamed" },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/partner-custom-fields/${await insertCustomField(db(), world.workspaceId)}`,
          body: { label: "" },
        }),
        path: "body.label",
      },
    },
    {
      method: "DELETE",
      route: "/api/console/partner-custom-fields/:id",
      allowed: ["admin"],
      okStatus: 204,
      request: async (world) => ({
        url: `/api/console/partner-custom-fields/${await insertCustomField(db(), world.workspaceId)}`,
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/partner-custom-fields/${await insertCustomField(db(), other.workspaceId)}`,
      }),
      invalid: { request: () => ({ url: "/api/console/partner-custom-fields/42" }), path: "params.id" },
    },
    {
      method: "GET",
      route: "/api/console/partner-directory-settings",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/partner-directory-settings" }),
    },
    {
      method: "PUT",
      route: "/api/console/partner-directory-settings",
      allowed: ["admin"],
      request: () => ({
        url: "/api/console/partner-directory-settings",
        body: { partnerEditableFields: ["description", "website", "regions", "industries", "specializations"] },
      }),
      invalid: {
        request: () => ({ url: "/api/console/partner-directory-settings", body: { partnerEditableFields: ["name"] } }),
        path: "body.partnerEditableFields.0",
      },
    },
  ];
  const portal: IsolationCase[] = [
    {
      method: "GET",
      route: "/api/portal/partner",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/partner" }),
    },
    {
      method: "PATCH",
      route: "/api/portal/partner",
      allowed: ["partner_admin"],
      request: () => ({ url: "/api/portal/partner", body: { description: `We build things ${randomUUID()}` } }),
      invalid: {
        request: () => ({ url: "/api/portal/partner", body: { website: "not a url" } }),
        path: "body.website",
      },
    },
  ];
  return [...directory, ...settings, ...portal];
}

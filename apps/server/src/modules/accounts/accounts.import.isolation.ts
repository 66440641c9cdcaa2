import { randomUUID } from "node:crypto";
import type { World } from "../../../test/factories";
import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { inject } from "../../../test/isolation";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const importers = ["admin", "partner_manager"] as const;
const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

/** Uploads a small valid accounts file as the world's admin and answers the new import's id. */
async function uploadedImport(context: IsolationContext, world: World) {
  const tag = randomUUID().slice(0, 8);
  const response = await inject(
    context.app(),
    "POST",
    {
      url: "/api/console/imports/accounts/uploads",
      body: { fileName: "a.csv", contentBase64: base64(`Company,Website\nAccount ${tag},https://${tag}.example\n`) },
    },
    world.vendor.admin,
  );
  return response.json().id as string;
}

/** The generic import routes (with the accounts kind) under the isolation matrix. */
export function importIsolationCases(context: IsolationContext): IsolationCase[] {
  const upload = (world: World) => uploadedImport(context, world);
  const mapping = { Company: "name", Website: "website" };
  return [
    {
      method: "GET",
      route: "/api/console/imports",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/imports" }),
    },
    {
      method: "GET",
      route: "/api/console/imports/:kind",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/imports/accounts" }),
      invalid: { request: () => ({ url: "/api/console/imports/Not%20A%20Kind" }), path: "params.kind" },
    },
    {
      method: "POST",
      route: "/api/console/imports/:kind/uploads",
      allowed: importers,
      okStatus: 201,
      request: () => ({
        url: "/api/console/imports/accounts/uploads",
        body: { fileName: "a.csv", contentBase64: base64(`Name\nAcme ${randomUUID().slice(0, 6)}\n`) },
      }),
      invalid: {
        request: () => ({
          url: "/api/console/imports/accounts/uploads",
          body: { fileName: "a.csv", contentBase64: base64("Name\nAcme\u0000\n") },
        }),
        path: "body.contentBase64",
      },
    },
    {
      method: "GET",
      route: "/api/console/imports/:kind/runs/:id",
      allowed: vendorRoles,
      request: async (world) => ({ url: `/api/console/imports/accounts/runs/${await upload(world)}` }),
      otherWorkspace: async (_world, other) => ({ url: `/api/console/imports/accounts/runs/${await upload(other)}` }),
      invalid: { request: () => ({ url: "/api/console/imports/accounts/runs/nope" }), path: "params.id" },
    },
    {
      method: "PUT",
      route: "/api/console/imports/:kind/runs/:id/mapping",
      allowed: importers,
      request: async (world) => ({
        url: `/api/console/imports/accounts/runs/${await upload(world)}/mapping`,
        body: { mapping, onInvalidRows: "reject" },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/imports/accounts/runs/${await upload(other)}/mapping`,
        body: { mapping },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/imports/accounts/runs/${await upload(world)}/mapping`,
          body: { mapping, onInvalidRows: "ignore" },
        }),
        path: "body.onInvalidRows",
      },
    },
    {
      method: "POST",
      route: "/api/console/imports/:kind/runs/:id/start",
      allowed: importers,
      okStatus: 202,
      request: async (world) => {
        const id = await upload(world);
        await inject(
          context.app(),
          "PUT",
          { url: `/api/console/imports/accounts/runs/${id}/mapping`, body: { mapping } },
          world.vendor.admin,
        );
        return { url: `/api/console/imports/accounts/runs/${id}/start` };
      },
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/imports/accounts/runs/${await upload(other)}/start`,
      }),
    },
  ];
}

import { randomUUID } from "node:crypto";
import type { World } from "../../../test/factories";
import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import { inject } from "../../../test/isolation";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const importers = ["admin", "partner_manager"] as const;

export const csvBase64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

/** Uploads a small valid file as the world's admin and answers the new import's id. */
async function uploadedImport(context: IsolationContext, world: World) {
  const csv = `Company,Website\nImported ${randomUUID().slice(0, 8)},https://${randomUUID().slice(0, 8)}.example\n`;
  const response = await inject(
    context.app(),
    "POST",
    { url: "/api/console/partner-imports", body: { fileName: "p.csv", contentBase64: csvBase64(csv) } },
    world.vendor.admin,
  );
  return response.json().id as string;
}

/** CSV import and export routes under the isolation matrix. */
export function partnerImportIsolationCases(context: IsolationContext): IsolationCase[] {
  const upload = (world: World) => uploadedImport(context, world);
  return [
    {
      method: "GET",
      route: "/api/console/partners/export.csv",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/partners/export.csv?stage=active" }),
      invalid: { request: () => ({ url: "/api/console/partners/export.csv?stage=sleeping" }), path: "query.stage" },
    },
    {
      method: "GET",
      route: "/api/console/partner-imports",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/partner-imports" }),
    },
    {
      method: "POST",
      route: "/api/console/partner-imports",
      allowed: importers,
      okStatus: 201,
      request: () => ({
        url: "/api/console/partner-imports",
        body: { fileName: "p.csv", contentBase64: csvBase64("Name\nAcme\n") },
      }),
      invalid: {
        request: () => ({
          url: "/api/console/partner-imports",
          body: { fileName: "p.csv", contentBase64: "not base64!" },
        }),
        path: "body.contentBase64",
      },
    },
    {
      method: "GET",
      route: "/api/console/partner-imports/:id",
      allowed: vendorRoles,
      request: async (world) => ({ url: `/api/console/partner-imports/${await upload(world)}` }),
      otherWorkspace: async (_world, other) => ({ url: `/api/console/partner-imports/${await upload(other)}` }),
      invalid: { request: () => ({ url: "/api/console/partner-imports/nope" }), path: "params.id" },
    },
    {
      method: "PUT",
      route: "/api/console/partner-imports/:id/mapping",
      allowed: importers,
      request: async (world) => ({
        url: `/api/console/partner-imports/${await upload(world)}/mapping`,
        body: { mapping: { Company: "name", Website: "website" }, onDuplicate: "skip" },
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/partner-imports/${await upload(other)}/mapping`,
        body: { mapping: { Company: "name", Website: "website" } },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/partner-imports/${await upload(world)}/mapping`,
          body: { mapping: { Company: null } },
        }),
        path: "body.mapping",
      },
    },
    {
      method: "POST",
      route: "/api/console/partner-imports/:id/start",
      allowed: importers,
      okStatus: 202,
      request: async (world) => {
        const id = await upload(world);
        await inject(
          context.app(),
          "PUT",
          {
            url: `/api/console/partner-imports/${id}/mapping`,
            body: { mapping: { Company: "name", Website: "website" } },
          },
          world.vendor.admin,
        );
        return { url: `/api/console/partner-imports/${id}/start` };
      },
      otherWorkspace: async (_world, other) => ({ url: `/api/console/partner-imports/${await upload(other)}/start` }),
    },
  ];
}

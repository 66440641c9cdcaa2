import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";

const harness = useTestApp();
let world: World;
const admin = () => world.vendor.admin.headers;
const partnerAdmin = () => world.partnerUsers.partner_admin.headers;

async function defineField(body: Record<string, unknown>) {
  const response = await harness.app.inject({
    method: "POST",
    url: "/api/console/partner-custom-fields",
    headers: admin(),
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; key: string };
}

beforeAll(async () => {
  world = await createWorld(harness.database, "Portal profile");
  await defineField({ key: "employees", label: "Employees", type: "number", partnerEditable: true, position: 1 });
  await defineField({
    key: "segment",
    label: "Segment",
    type: "select",
    options: ["SMB", "Enterprise"],
    required: true,
  });
  await defineField({ key: "since", label: "Partner since", type: "date" });
  await harness.app.inject({
    method: "PATCH",
    url: `/api/console/partners/${world.partnerA.id}`,
    headers: admin(),
    payload: { tags: ["internal-only"], customFields: { segment: "SMB", employees: 40 } },
  });
});

describe("custom fields on partners", () => {
  it("validates values by type and demands required fields on creation", async () => {
    const missing = await harness.app.inject({
      method: "POST",
      url: "/api/console/partners",
      headers: admin(),
      payload: { name: "Fieldless", customFields: { employees: "many", since: "2024-02-30" } },
    });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .details.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(["body.customFields.employees", "body.customFields.segment", "body.customFields.since"]);
    const ok = await harness.app.inject({
      method: "POST",
      url: "/api/console/partners",
      headers: admin(),
      payload: { name: "Fielded", customFields: { segment: "Enterprise", since: "2024-02-29" } },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().customFields).toEqual({ segment: "Enterprise", since: "2024-02-29" });
  });

  it("refuses a duplicate key and a select without options", async () => {
    const dup = await harness.app.inject({
      method: "POST",
      url: "/api/console/partner-custom-fields",
      headers: admin(),
      payload: { key: "employees", label: "Staff", type: "number" },
    });
    expect(dup.json().code).toBe("PARTNER_CUSTOM_FIELD_KEY_TAKEN");
    const select = await harness.app.inject({
      method: "POST",
      url: "/api/console/partner-custom-fields",
      headers: admin(),
      payload: { key: "tier_hint", label: "Hint", type: "select" },
    });
    expect(select.statusCode).toBe(400);
    expect(select.json().details.issues[0].path).toBe("body.options");
  });

  it("removes a deleted field's values from partners", async () => {
    const field = await defineField({ key: "temp", label: "Temp", type: "text" });
    await harness.app.inject({
      method: "PATCH",
      url: `/api/console/partners/${world.partnerB.id}`,
      headers: admin(),
      payload: { customFields: { temp: "x" } },
    });
    const del = await harness.app.inject({
      method: "DELETE",
      url: `/api/console/partner-custom-fields/${field.id}`,
      headers: admin(),
    });
    expect(del.statusCode).toBe(204);
    const partner = await harness.app.inject({
      method: "GET",
      url: `/api/console/partners/${world.partnerB.id}`,
      headers: admin(),
    });
    expect(partner.json().customFields).not.toHaveProperty("temp");
  });
});

describe("the portal profile", () => {
  it("shows the partner its own record without tags or internal custom fields", async () => {
    const response = await harness.app.inject({
      method: "GET",
      url: "/api/portal/partner",
      headers: world.partnerUsers.partner_user.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.id).toBe(world.partnerA.id);
    expect(body).not.toHaveProperty("tags");
    expect(body.customFields).toEqual({ employees: 40 });
    expect(body.customFieldDefinitions.map((d: { key: string }) => d.key)).toEqual(["employees"]);
    expect(body.editableFields).toEqual(["description", "website", "regions", "industries", "specializations"]);
  });

  it("lets partner admins edit the allowed fields only", async () => {
    const ok = await harness.app.inject({
      method: "PATCH",
      url: "/api/portal/partner",
      headers: partnerAdmin(),
      payload: { description: "We resell", regions: ["emea"], customFields: { employees: 45 } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ description: "We resell", regions: ["emea"], customFields: { employees: 45 } });

    const refused = await harness.app.inject({
      method: "PATCH",
      url: "/api/portal/partner",
      headers: partnerAdmin(),
      payload: { description: "Sneaky", name: "Renamed", tags: ["gold"], customFields: { segment: "Enterprise" } },
    });
    expect(refused.statusCode).toBe(400);
    const issues = refused.json().details.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual(["body.customFields.segment", "body.name", "body.tags"]);
    expect(issues[0]?.message).toMatch(/not be edited|cannot be edited/);
    const after = await harness.app.inject({
      method: "GET",
      url: `/api/console/partners/${world.partnerA.id}`,
      headers: admin(),
    });
    expect(after.json()).toMatchObject({
      description: "We resell",
      name: world.partnerA.name,
      tags: ["internal-only"],
    });
  });

  it("follows the directory settings", async () => {
    const put = await harness.app.inject({
      method: "PUT",
      url: "/api/console/partner-directory-settings",
      headers: admin(),
      payload: { partnerEditableFields: ["legalName", "hqCountry"] },
    });
    expect(put.statusCode).toBe(200);
    const refused = await harness.app.inject({
      method: "PATCH",
      url: "/api/portal/partner",
      headers: partnerAdmin(),
      payload: { description: "x" },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.issues[0].path).toBe("body.description");
    const ok = await harness.app.inject({
      method: "PATCH",
      url: "/api/portal/partner",
      headers: partnerAdmin(),
      payload: { legalName: "Partner A Ltd", hqCountry: "gb" },
    });
    expect(ok.json()).toMatchObject({
      legalName: "Partner A Ltd",
      hqCountry: "GB",
      editableFields: ["legalName", "hqCountry"],
    });
  });

  it("forbids partner users from editing and never touches another partner", async () => {
    const user = await harness.app.inject({
      method: "PATCH",
      url: "/api/portal/partner",
      headers: world.partnerUsers.partner_user.headers,
      payload: { legalName: "x" },
    });
    expect(user.statusCode).toBe(403);
    const b = await harness.app.inject({
      method: "GET",
      url: "/api/portal/partner",
      headers: world.partnerBAdmin.headers,
    });
    expect(b.json().id).toBe(world.partnerB.id);
    expect(b.json().legalName).toBeNull();
  });
});

import { randomUUID } from "node:crypto";
import type { World } from "../../../test/factories";
import type { IsolationCase, IsolationContext } from "../../../test/isolation";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const reviewers = ["admin", "partner_manager"] as const;
const partnerRoles = ["partner_admin", "partner_user"] as const;

/** A complete short form for a company nobody else has registered. */
export function registrationBody(overrides: Record<string, unknown> = {}) {
  const tag = randomUUID().slice(0, 8);
  return {
    companyName: `Isolation Works ${tag}`,
    website: `isolation-${tag}.example.com`,
    country: "DE",
    contactName: "Ada Buyer",
    contactEmail: `ada@isolation-${tag}.example.com`,
    contactPhone: "+49 30 1234567",
    amount: 12_000,
    currency: "EUR",
    expectedCloseOn: "2027-03-31",
    products: ["Platform"],
    ...overrides,
  };
}

/** Deal-registration routes under the isolation matrix. */
export function registrationIsolationCases({ app }: IsolationContext): IsolationCase[] {
  /** Creates a registration as partner A (or B) of `world` through the API; returns its id. */
  const create = async (world: World, who: "A" | "B" = "A", submit = true, extra: Record<string, unknown> = {}) => {
    const caller = who === "A" ? world.partnerUsers.partner_admin : world.partnerBAdmin;
    const response = await app().inject({
      method: "POST",
      url: "/api/portal/registrations",
      headers: caller.headers,
      payload: registrationBody({ submit, ...extra }),
    });
    if (response.statusCode !== 201) throw new Error(`registration fixture failed: ${response.body}`);
    return response.json().id as string;
  };
  /** An approved registration of partner A (approved by the admin). */
  const approved = async (world: World) => {
    const id = await create(world);
    const response = await app().inject({
      method: "POST",
      url: `/api/console/registrations/${id}/approve`,
      headers: world.vendor.admin.headers,
      payload: {},
    });
    if (response.statusCode !== 200) throw new Error(`approval fixture failed: ${response.body}`);
    return id;
  };
  const withExtension = async (world: World) => {
    const id = await approved(world);
    const response = await app().inject({
      method: "POST",
      url: `/api/portal/registrations/${id}/extensions`,
      headers: world.partnerUsers.partner_admin.headers,
      payload: { days: 30, reason: "Procurement is slow" },
    });
    if (response.statusCode !== 200) throw new Error(`extension fixture failed: ${response.body}`);
    return { id, extensionId: response.json().extensions[0].id as string };
  };

  const portalById = (
    suffix: string,
    method: "GET" | "PATCH" | "POST" | "DELETE",
    opts: {
      allowed?: readonly ("partner_admin" | "partner_user")[];
      body?: () => unknown;
      submit?: boolean;
      setup?: (world: World) => Promise<string>;
      okStatus?: number;
      invalid?: { body: unknown; path: string };
    } = {},
  ): IsolationCase => {
    const make = opts.setup ?? ((world: World) => create(world, "A", opts.submit ?? false));
    const body = opts.body;
    return {
      method,
      route: `/api/portal/registrations/:id${suffix}`,
      allowed: opts.allowed ?? partnerRoles,
      ...(opts.okStatus ? { okStatus: opts.okStatus } : {}),
      request: async (world) => ({
        url: `/api/portal/registrations/${await make(world)}${suffix}`,
        ...(body ? { body: body() } : {}),
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/portal/registrations/${await create(other, "A", opts.submit ?? false)}${suffix}`,
        ...(body ? { body: body() } : {}),
      }),
      otherPartner: async (world) => ({
        url: `/api/portal/registrations/${await create(world, "B", opts.submit ?? false)}${suffix}`,
        ...(body ? { body: body() } : {}),
      }),
      invalid: opts.invalid
        ? {
            request: async (world) => ({
              url: `/api/portal/registrations/${await make(world)}${suffix}`,
              body: opts.invalid?.body,
            }),
            path: opts.invalid.path,
          }
        : {
            request: () => ({ url: `/api/portal/registrations/nope${suffix}`, ...(body ? { body: body() } : {}) }),
            path: "params.id",
          },
    };
  };

  const consoleById = (
    suffix: string,
    opts: {
      method?: "GET" | "POST";
      allowed?: readonly (typeof vendorRoles)[number][];
      body?: () => unknown;
      setup?: (world: World) => Promise<string>;
      invalid?: { body: unknown; path: string };
    } = {},
  ): IsolationCase => {
    const make = opts.setup ?? ((world: World) => create(world));
    const body = opts.body;
    return {
      method: opts.method ?? "POST",
      route: `/api/console/registrations/:id${suffix}`,
      allowed: opts.allowed ?? reviewers,
      request: async (world) => ({
        url: `/api/console/registrations/${await make(world)}${suffix}`,
        ...(body ? { body: body() } : {}),
      }),
      otherWorkspace: async (_world, other) => ({
        url: `/api/console/registrations/${await make(other)}${suffix}`,
        ...(body ? { body: body() } : {}),
      }),
      invalid: opts.invalid
        ? {
            request: async (world) => ({
              url: `/api/console/registrations/${await make(world)}${suffix}`,
              body: opts.invalid?.body,
            }),
            path: opts.invalid.path,
          }
        : {
            request: () => ({ url: `/api/console/registrations/nope${suffix}`, ...(body ? { body: body() } : {}) }),
            path: "params.id",
          },
    };
  };

  const pdf = { "content-type": "application/pdf" };
  const upload = (id: string) => ({
    url: `/api/portal/registrations/${id}/attachments?fileName=quote.pdf`,
    body: Buffer.from("%PDF-1.7 quote"),
    headers: pdf,
  });
  /** A registration of partner A (or B) of `world` with one file; returns the download path. */
  const withFile = async (world: World, surface: "portal" | "console", who: "A" | "B" = "A") => {
    const id = await create(world, who);
    const caller = who === "A" ? world.partnerUsers.partner_admin : world.partnerBAdmin;
    const response = await app().inject({
      method: "POST",
      ...upload(id),
      payload: upload(id).body,
      headers: { ...caller.headers, ...pdf },
    });
    if (response.statusCode !== 200) throw new Error(`upload fixture failed: ${response.body}`);
    return `/api/${surface}/registrations/${id}/attachments/${response.json().attachments[0].id}`;
  };

  return [
    {
      method: "POST",
      route: "/api/portal/registrations/:id/attachments",
      allowed: partnerRoles,
      request: async (world) => upload(await create(world)),
      otherWorkspace: async (_world, other) => upload(await create(other)),
      otherPartner: async (world) => upload(await create(world, "B")),
      invalid: {
        request: async (world) => ({
          ...upload(await create(world)),
          url: `/api/portal/registrations/${await create(world)}/attachments?fileName=a/b.pdf`,
        }),
        path: "query.fileName",
      },
    },
    {
      method: "GET",
      route: "/api/portal/registrations/:id/attachments/:attachmentId",
      allowed: partnerRoles,
      request: async (world) => ({ url: await withFile(world, "portal") }),
      otherWorkspace: async (_world, other) => ({ url: await withFile(other, "portal") }),
      otherPartner: async (world) => ({ url: await withFile(world, "portal", "B") }),
      invalid: {
        request: () => ({ url: `/api/portal/registrations/${randomUUID()}/attachments/nope` }),
        path: "params.attachmentId",
      },
    },
    {
      method: "GET",
      route: "/api/console/registrations/:id/attachments/:attachmentId",
      allowed: vendorRoles,
      request: async (world) => ({ url: await withFile(world, "console") }),
      otherWorkspace: async (_world, other) => ({ url: await withFile(other, "console") }),
      invalid: {
        request: () => ({ url: `/api/console/registrations/${randomUUID()}/attachments/nope` }),
        path: "params.attachmentId",
      },
    },
    {
      method: "GET",
      route: "/api/portal/registrations",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/registrations" }),
      invalid: { request: () => ({ url: "/api/portal/registrations?status=nope" }), path: "query.status" },
    },
    {
      method: "POST",
      route: "/api/portal/registrations",
      allowed: partnerRoles,
      okStatus: 201,
      request: () => ({ url: "/api/portal/registrations", body: registrationBody() }),
      invalid: {
        request: () => ({ url: "/api/portal/registrations", body: registrationBody({ contactEmail: "not-mail" }) }),
        path: "body.contactEmail",
      },
    },
    {
      method: "POST",
      route: "/api/portal/registrations/check",
      allowed: partnerRoles,
      request: () => ({
        url: "/api/portal/registrations/check",
        body: { companyName: "Contoso", website: "contoso.com" },
      }),
      invalid: {
        request: () => ({
          url: "/api/portal/registrations/check",
          body: { companyName: "Contoso", country: "Germany" },
        }),
        path: "body.country",
      },
    },
    portalById("", "GET"),
    portalById("", "PATCH", {
      body: () => ({ notes: "Budget confirmed" }),
      invalid: { body: { amount: -5 }, path: "body.amount" },
    }),
    portalById("", "DELETE", { okStatus: 204 }),
    portalById("/submit", "POST"),
    portalById("/withdraw", "POST", { body: () => ({ reason: "Customer chose another vendor" }), submit: true }),
    portalById("/extensions", "POST", {
      setup: approved,
      submit: true,
      body: () => ({ days: 30, reason: "Procurement is slow" }),
      invalid: { body: { days: 0, reason: "Slow" }, path: "body.days" },
    }),
    {
      method: "GET",
      route: "/api/console/registrations",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/registrations" }),
      invalid: { request: () => ({ url: "/api/console/registrations?decision=maybe" }), path: "query.decision" },
    },
    {
      method: "POST",
      route: "/api/console/registrations/bulk-approve",
      allowed: reviewers,
      request: async (world) => ({
        url: "/api/console/registrations/bulk-approve",
        body: { ids: [await create(world)] },
      }),
      invalid: {
        request: () => ({ url: "/api/console/registrations/bulk-approve", body: { ids: [] } }),
        path: "body.ids",
      },
    },
    consoleById("", { method: "GET", allowed: vendorRoles }),
    consoleById("/check"),
    consoleById("/approve", { body: () => ({}), invalid: { body: { override: "yes" }, path: "body.override" } }),
    consoleById("/reject", {
      body: () => ({ reason: "Outside our territory" }),
      invalid: { body: { reason: "" }, path: "body.reason" },
    }),
    consoleById("/request-info", {
      body: () => ({ message: "Which products exactly?" }),
      invalid: { body: {}, path: "body.message" },
    }),
    consoleById("/convert", { setup: approved }),
    {
      method: "POST",
      route: "/api/console/registrations/:id/extensions/:extensionId/decide",
      allowed: reviewers,
      request: async (world) => {
        const { id, extensionId } = await withExtension(world);
        return { url: `/api/console/registrations/${id}/extensions/${extensionId}/decide`, body: { approve: true } };
      },
      otherWorkspace: async (_world, other) => {
        const { id, extensionId } = await withExtension(other);
        return { url: `/api/console/registrations/${id}/extensions/${extensionId}/decide`, body: { approve: true } };
      },
      invalid: {
        request: async (world) => {
          const { id, extensionId } = await withExtension(world);
          return {
            url: `/api/console/registrations/${id}/extensions/${extensionId}/decide`,
            body: { approve: "maybe" },
          };
        },
        path: "body.approve",
      },
    },
    {
      method: "GET",
      route: "/api/console/registration-policies",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/registration-policies" }),
      invalid: { request: () => ({ url: "/api/console/registration-policies?programId=x" }), path: "query.programId" },
    },
    {
      method: "POST",
      route: "/api/console/registration-policies",
      allowed: reviewers,
      okStatus: 201,
      request: () => ({
        url: "/api/console/registration-policies",
        body: { rules: defaultRulesBody(), note: "Tighter SLA" },
      }),
      invalid: {
        request: () => ({
          url: "/api/console/registration-policies",
          body: { rules: { ...defaultRulesBody(), protectionDays: 45 } },
        }),
        path: "body.rules.protectionDays",
      },
    },
  ];
}

export function defaultRulesBody() {
  return {
    protectionDays: 90,
    firstInTimeDays: 30,
    directLookbackDays: 60,
    renewalsToPartnerOfRecord: true,
    autoApprove: [
      { fact: "decision", op: "eq", value: "clear" },
      { fact: "tier", op: "gte", value: "Gold" },
      { fact: "amount", op: "lt", value: 50000 },
    ],
    slaHours: 24,
    reminderHours: 12,
    maxExtensionDays: 90,
  };
}

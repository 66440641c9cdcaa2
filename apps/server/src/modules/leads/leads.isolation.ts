import type { IsolationCase, IsolationContext } from "../../../test/isolation";
import type { DbOrTx } from "../../db";
import { leadActivities, leads } from "./leads.schema";

const vendorRoles = ["admin", "partner_manager", "marketing", "finance", "analyst"] as const;
const writers = ["admin", "partner_manager", "marketing"] as const;
const partnerRoles = ["partner_admin", "partner_user"] as const;

/** The public referral form lives outside the matrix (no credentials by design). */
export const leadPublicRoutes: Record<string, string> = {
  "GET /api/public/referrals/:code": "public referral form (rate-limited per client address)",
  "POST /api/public/referrals/:code": "public referral (rate-limited per address and code, honeypot, consent)",
};

type Shape = Partial<typeof leads.$inferInsert>;

async function insertLead(db: DbOrTx, workspaceId: string, shape: Shape): Promise<string> {
  const [row] = await db
    .insert(leads)
    .values({ workspaceId, kind: "lead", source: "vendor", status: "unassigned", company: "Isolated Co", ...shape })
    .returning({ id: leads.id });
  if (!row) throw new Error("lead not inserted");
  if (shape.status === "pooled") {
    await db.insert(leadActivities).values({ workspaceId, leadId: row.id, type: "lead.pooled", status: "pooled" });
  }
  return row.id;
}

/** Lead and referral routes under the isolation matrix. */
export function leadIsolationCases({ database }: IsolationContext): IsolationCase[] {
  const db = () => database().db;
  const inWs = (shape: Shape) => (ws: string) => insertLead(db(), ws, shape);
  const offeredTo = (partnerId: string, status = "offered") =>
    ({ status, recipientPartnerId: partnerId, offerExpiresAt: new Date(Date.now() + 3600_000) }) as Shape;
  /** A referral partner A of `world` sent to the vendor. */
  const toVendor = (status: string) => (w: { workspaceId: string; partnerA: { id: string } }) =>
    insertLead(db(), w.workspaceId, { kind: "referral", source: "partner", status, senderPartnerId: w.partnerA.id });

  const consoleById = (
    method: "GET" | "POST",
    suffix: string,
    allowed: IsolationCase["allowed"],
    make: (w: { workspaceId: string; partnerA: { id: string } }) => Promise<string>,
    body?: unknown,
  ): IsolationCase => ({
    method,
    route: `/api/console/leads/:id${suffix}`,
    allowed,
    request: async (world) => ({ url: `/api/console/leads/${await make(world)}${suffix}`, body }),
    otherWorkspace: async (_world, other) => ({ url: `/api/console/leads/${await make(other)}${suffix}`, body }),
    invalid: { request: () => ({ url: `/api/console/leads/nope${suffix}`, body }), path: "params.id" },
  });

  const portalById = (
    suffix: string,
    mine: (w: { workspaceId: string; partnerA: { id: string } }) => Promise<string>,
    theirs: (w: { workspaceId: string; partnerB: { id: string } }) => Promise<string>,
    body?: unknown,
    method: "GET" | "POST" = "POST",
  ): IsolationCase => ({
    method,
    route: `/api/portal/leads/:id${suffix}`,
    allowed: partnerRoles,
    request: async (world) => ({ url: `/api/portal/leads/${await mine(world)}${suffix}`, body }),
    otherWorkspace: async (_world, other) => ({ url: `/api/portal/leads/${await mine(other)}${suffix}`, body }),
    otherPartner: async (world) => ({ url: `/api/portal/leads/${await theirs(world)}${suffix}`, body }),
    invalid: { request: () => ({ url: `/api/portal/leads/nope${suffix}`, body }), path: "params.id" },
  });
  const offeredToA = (w: { workspaceId: string; partnerA: { id: string } }) =>
    insertLead(db(), w.workspaceId, offeredTo(w.partnerA.id));
  const offeredToB = (w: { workspaceId: string; partnerB: { id: string } }) =>
    insertLead(db(), w.workspaceId, offeredTo(w.partnerB.id));
  const acceptedByA = (w: { workspaceId: string; partnerA: { id: string } }) =>
    insertLead(db(), w.workspaceId, offeredTo(w.partnerA.id, "accepted"));
  const acceptedByB = (w: { workspaceId: string; partnerB: { id: string } }) =>
    insertLead(db(), w.workspaceId, offeredTo(w.partnerB.id, "accepted"));
  /** A partner-to-partner referral from B to the vendor's other partner: invisible to A. */
  const referralBetweenOthers = async (w: { workspaceId: string; partnerB: { id: string } }) =>
    insertLead(db(), w.workspaceId, {
      kind: "referral",
      source: "partner",
      status: "offered",
      senderPartnerId: w.partnerB.id,
    });

  return [
    {
      method: "GET",
      route: "/api/console/leads",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/leads?box=vendor" }),
      invalid: { request: () => ({ url: "/api/console/leads?status=maybe" }), path: "query.status" },
    },
    {
      method: "POST",
      route: "/api/console/leads",
      allowed: writers,
      okStatus: 201,
      request: (world) => ({
        url: "/api/console/leads",
        body: { company: "Contoso", assign: { mode: "offer", partnerId: world.partnerA.id } },
      }),
      otherWorkspace: (_world, other) => ({
        url: "/api/console/leads",
        body: { company: "Contoso", assign: { mode: "offer", partnerId: other.partnerA.id } },
      }),
      invalid: { request: () => ({ url: "/api/console/leads", body: { company: "" } }), path: "body.company" },
    },
    consoleById("GET", "", vendorRoles, (w) => inWs({})(w.workspaceId)),
    {
      ...consoleById("POST", "/offer", writers, (w) => inWs({})(w.workspaceId), {}),
      request: async (world) => ({
        url: `/api/console/leads/${await inWs({})(world.workspaceId)}/offer`,
        body: { partnerId: world.partnerA.id },
      }),
      invalid: {
        request: async (world) => ({
          url: `/api/console/leads/${await inWs({})(world.workspaceId)}/offer`,
          body: { partnerId: world.partnerA.id, acceptHours: 0 },
        }),
        path: "body.acceptHours",
      },
    },
    consoleById("POST", "/pool", writers, (w) => inWs({})(w.workspaceId)),
    consoleById("POST", "/accept", writers, toVendor("offered")),
    consoleById("POST", "/decline", writers, toVendor("offered"), { reason: "Existing customer" }),
    consoleById("POST", "/status", writers, toVendor("accepted"), { status: "contacted" }),
    {
      method: "GET",
      route: "/api/console/lead-routing",
      allowed: vendorRoles,
      request: () => ({ url: "/api/console/lead-routing" }),
    },
    {
      method: "PUT",
      route: "/api/console/lead-routing",
      allowed: ["admin", "partner_manager"],
      request: (world) => ({
        url: "/api/console/lead-routing",
        body: { rule: "ranked", rankedPartnerIds: [world.partnerB.id, world.partnerA.id], acceptHours: 24 },
      }),
      otherWorkspace: (_world, other) => ({
        url: "/api/console/lead-routing",
        body: { rule: "ranked", rankedPartnerIds: [other.partnerA.id], acceptHours: 24 },
      }),
      invalid: {
        request: () => ({
          url: "/api/console/lead-routing",
          body: { rule: "lottery", rankedPartnerIds: [], acceptHours: 24 },
        }),
        path: "body.rule",
      },
    },
    {
      method: "GET",
      route: "/api/console/lead-reciprocity",
      allowed: vendorRoles,
      request: (world) => ({ url: `/api/console/lead-reciprocity?partnerId=${world.partnerA.id}` }),
      invalid: { request: () => ({ url: "/api/console/lead-reciprocity?partnerId=x" }), path: "query.partnerId" },
    },
    {
      method: "GET",
      route: "/api/portal/leads",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/leads?box=inbox" }),
      invalid: { request: () => ({ url: "/api/portal/leads?box=everything" }), path: "query.box" },
    },
    portalById("", offeredToA, referralBetweenOthers, undefined, "GET"),
    portalById("/claim", (w) => inWs({ status: "pooled" })(w.workspaceId), offeredToB),
    portalById("/accept", offeredToA, offeredToB),
    portalById("/decline", offeredToA, offeredToB, { reason: "Not our market" }),
    portalById("/status", acceptedByA, acceptedByB, { status: "contacted" }),
    {
      method: "POST",
      route: "/api/portal/referrals",
      allowed: partnerRoles,
      okStatus: 201,
      request: (world) => ({
        url: "/api/portal/referrals",
        body: { company: "Northwind", toPartnerId: world.partnerB.id },
      }),
      otherWorkspace: (_world, other) => ({
        url: "/api/portal/referrals",
        body: { company: "Northwind", toPartnerId: other.partnerB.id },
      }),
      invalid: {
        request: () => ({ url: "/api/portal/referrals", body: { company: "N", country: "Spain" } }),
        path: "body.country",
      },
    },
    {
      method: "GET",
      route: "/api/portal/referral-targets",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/referral-targets" }),
    },
    {
      method: "GET",
      route: "/api/portal/referral-link",
      allowed: partnerRoles,
      request: () => ({ url: "/api/portal/referral-link" }),
    },
    {
      method: "POST",
      route: "/api/portal/referral-link",
      allowed: partnerRoles,
      okStatus: 201,
      request: () => ({ url: "/api/portal/referral-link" }),
    },
  ];
}

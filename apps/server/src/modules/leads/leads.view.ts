import type { LeadDetail, LeadStatus } from "@symbiont/contracts";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import type { Actor } from "../../platform/authz";
import { notFound } from "../../platform/errors";
import { workspaces } from "../workspaces";
import { activitiesOf, findLeadRecord, type LeadViewer } from "./leads.queries";
import { activeStatuses, assignableStatuses } from "./leads.rules";

export const leadWriters = ["admin", "partner_manager", "marketing"] as const;

export function viewerOf(actor: Actor): LeadViewer {
  return actor.kind === "partner" ? { kind: "partner", partnerId: actor.partnerId } : { kind: "vendor" };
}

/** The vendor as partners see it: the workspace name. */
export async function vendorNameOf(db: DbOrTx, actor: Actor | { workspaceId: string }): Promise<string> {
  if ("profile" in actor && actor.profile) return actor.profile.workspace.name;
  const [row] = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, actor.workspaceId));
  return row?.name ?? "Vendor";
}

/** One lead as the actor may see it, with its timeline and what the actor may do next. */
export async function leadDetailFor(db: DbOrTx, actor: Actor, id: string): Promise<LeadDetail> {
  const viewer = viewerOf(actor);
  const found = await findLeadRecord(db, actor.workspaceId, id, viewer, await vendorNameOf(db, actor));
  if (!found) throw notFound("Lead not found");
  const { record, row } = found;
  const status = row.status as LeadStatus;
  const { activities, offers } = await activitiesOf(db, row, viewer);
  const me = viewer.kind === "partner" ? viewer.partnerId : null;
  const holdsIt = me ? row.recipientPartnerId === me : row.recipientPartnerId === null && row.kind === "referral";
  const vendorWrites = actor.kind === "vendor" && (leadWriters as readonly string[]).includes(actor.role);
  const mayAct = me !== null || vendorWrites;
  const contactVisible =
    !me ||
    row.senderPartnerId === me ||
    (row.recipientPartnerId === me && status !== "offered" && status !== "declined" && status !== "pooled");
  return {
    ...record,
    contact: contactVisible
      ? { contactName: row.contactName, contactEmail: row.contactEmail, contactPhone: row.contactPhone }
      : null,
    activities,
    offers,
    can: {
      accept: mayAct && holdsIt && status === "offered",
      decline: mayAct && holdsIt && status === "offered",
      claim: me !== null && status === "pooled" && row.senderPartnerId !== me,
      updateStatus: mayAct && holdsIt && activeStatuses.includes(status),
      offer: vendorWrites && row.kind === "lead" && assignableStatuses.includes(status),
    },
  };
}

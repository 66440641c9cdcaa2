import { and, isNull, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { transaction } from "../../db";
import { recordAuditMany } from "../../platform/audit";
import { defineJob } from "../../platform/jobs";
import { invitations } from "./identity.schema";

/**
 * Marks invitations past their deadline as expired, so lists and the audit log show it. The
 * token already stops working at `expires_at`; this makes the state explicit.
 */
export const expireInvitationsJob = defineJob({
  name: "identity.expire-invitations",
  payload: z.object({}).default({}),
  cron: "*/10 * * * *",
  async handler(_payload, { database, logger }) {
    const expired = await transaction(database, async (tx) => {
      const rows = await tx
        .update(invitations)
        .set({ expiredAt: sql`now()` })
        .where(
          and(
            lte(invitations.expiresAt, sql`now()`),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            isNull(invitations.expiredAt),
          ),
        )
        .returning({ workspaceId: invitations.workspaceId, id: invitations.id, partnerId: invitations.partnerId });
      const byWorkspace = new Map<string, typeof rows>();
      for (const row of rows) byWorkspace.set(row.workspaceId, [...(byWorkspace.get(row.workspaceId) ?? []), row]);
      for (const [workspaceId, group] of byWorkspace) {
        await recordAuditMany(
          tx,
          { actor: { kind: "system", workspaceId, label: "invitation expiry job" } },
          group.map((row) => ({
            action: "invitation.expired",
            entityType: "invitation",
            entityId: row.id,
            partnerId: row.partnerId,
            before: { status: "pending" },
            after: { status: "expired" },
          })),
        );
      }
      return rows.length;
    });
    if (expired > 0) logger.info({ expired }, "invitations expired");
  },
});

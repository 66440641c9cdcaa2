import { z } from "zod";
import { timestamp } from "./common";

export const auditEvent = z
  .object({
    id: z.string().describe("Monotonic id; use as the cursor for older entries"),
    occurredAt: timestamp,
    actorType: z.enum(["user", "api_key", "system"]),
    actorId: z.string().nullable(),
    actorLabel: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    partnerId: z.uuid().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    requestId: z.string().nullable(),
    ipAddress: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditEventQuery = z.object({
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  actorId: z.string().trim().max(100).optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
  /** Return entries older than this id (from `nextCursor`). */
  before: z
    .string()
    .regex(/^\d{1,18}$/, { message: "Use the nextCursor of the previous page" })
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditEventQuery = z.input<typeof auditEventQuery>;

export const auditEventPage = z.object({
  items: z.array(auditEvent),
  nextCursor: z.string().nullable(),
});
export type AuditEventPage = z.infer<typeof auditEventPage>;

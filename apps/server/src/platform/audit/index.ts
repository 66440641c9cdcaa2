export type { AuditEntry, AuditSource } from "./audit";
export { listAuditEvents, recordAudit, recordAuditMany } from "./audit";
export { auditEvents } from "./audit.schema";

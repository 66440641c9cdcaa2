export { consoleAuditRoutes } from "./audit.routes";

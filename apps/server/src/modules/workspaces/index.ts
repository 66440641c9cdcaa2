export { workspaces } from "./workspaces.schema";
export { createWorkspace, findWorkspaceBySlug, slugify, type WorkspaceRow } from "./workspaces.service";

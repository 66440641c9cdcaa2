import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { recordAudit } from "../../platform/audit";
import { workspaces } from "./workspaces.schema";

export type WorkspaceRow = typeof workspaces.$inferSelect;

export function slugify(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 48) || "workspace"
  );
}

export async function findWorkspaceBySlug(db: DbOrTx, slug: string): Promise<WorkspaceRow | undefined> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
  return row;
}

/** Creates a workspace (platform operators do this through the CLI, not the API). */
export async function createWorkspace(
  tx: DbOrTx,
  input: { name: string; slug?: string; reportingCurrency?: string },
  actorLabel: string,
): Promise<WorkspaceRow> {
  const [row] = await tx
    .insert(workspaces)
    .values({
      name: input.name,
      slug: input.slug ?? slugify(input.name),
      reportingCurrency: input.reportingCurrency ?? "USD",
    })
    .returning();
  if (!row) throw new Error("workspace insert returned nothing");
  await recordAudit(
    tx,
    { actor: { kind: "system", workspaceId: row.id, label: actorLabel } },
    {
      action: "workspace.created",
      entityType: "workspace",
      entityId: row.id,
      after: { name: row.name, slug: row.slug },
    },
  );
  return row;
}

import type { BoardPack, DashboardFilters } from "@symbiont/contracts";
import { dashboardFilterFields } from "@symbiont/contracts";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Database, type DbOrTx, transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requireVendor, vendorWriters } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { defineJob } from "../../platform/jobs";
import { computeDashboard, readers } from "./reports.dashboard";
import { evidenceOf } from "./reports.evidence";
import { renderBoardPack } from "./reports.pdf";
import { boardPackFiles, boardPacks } from "./reports.schema";
import { scopeOf } from "./reports.scope";

type PackRow = typeof boardPacks.$inferSelect;

/** Where rendered packs live. The database store keeps them beside their metadata. */
export interface BoardPackStore {
  save(db: DbOrTx, workspaceId: string, packId: string, file: { contentType: string; bytes: Buffer }): Promise<void>;
  open(db: DbOrTx, workspaceId: string, packId: string): Promise<{ contentType: string; bytes: Buffer } | undefined>;
}

export const databasePackStore: BoardPackStore = {
  async save(db, workspaceId, packId, file) {
    await db
      .insert(boardPackFiles)
      .values({ workspaceId, packId, contentType: file.contentType, content: file.bytes })
      .onConflictDoUpdate({
        target: [boardPackFiles.workspaceId, boardPackFiles.packId],
        set: { contentType: file.contentType, content: file.bytes },
      });
  },
  async open(db, workspaceId, packId) {
    const [row] = await db
      .select({ contentType: boardPackFiles.contentType, content: boardPackFiles.content })
      .from(boardPackFiles)
      .where(and(eq(boardPackFiles.workspaceId, workspaceId), eq(boardPackFiles.packId, packId)));
    return row ? { contentType: row.contentType, bytes: row.content } : undefined;
  },
};

function toView(row: PackRow): BoardPack {
  const filters = dashboardFilterFields.safeParse(row.filters);
  return {
    id: row.id,
    status: row.status as BoardPack["status"],
    progress: row.progress,
    step: row.step,
    renderer: row.renderer,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    filters: filters.success ? filters.data : {},
    error: row.error,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

async function loadPack(db: DbOrTx, workspaceId: string, id: string): Promise<PackRow> {
  const [row] = await db
    .select()
    .from(boardPacks)
    .where(and(eq(boardPacks.workspaceId, workspaceId), eq(boardPacks.id, id)));
  if (!row) throw notFound("Board pack not found");
  return row;
}

/** Queues a board pack for the current filters; the worker renders it. */
export async function createBoardPack(ctx: ServiceContext, filters: DashboardFilters): Promise<BoardPack> {
  requireVendor(ctx.actor, vendorWriters);
  const period = scopeOf(ctx.actor.workspaceId, filters).period;
  const row = await transaction(ctx.database, async (tx) => {
    const [inserted] = await tx
      .insert(boardPacks)
      .values({
        workspaceId: ctx.actor.workspaceId,
        filters: { ...filters, from: period.from, to: period.to },
        fileName: `board-pack-${period.from}-to-${period.to}.pdf`,
        step: "Waiting for a worker",
        createdBy: ctx.actor.label,
      })
      .returning();
    if (!inserted) throw new Error("board pack insert returned nothing");
    await recordAudit(tx, auditSource(ctx), {
      action: "board_pack.requested",
      entityType: "board_pack",
      entityId: inserted.id,
      after: { filters: inserted.filters },
    });
    await ctx.jobs.enqueue(tx, renderBoardPackJob, { workspaceId: ctx.actor.workspaceId, packId: inserted.id });
    return inserted;
  });
  return toView(row);
}

export async function listBoardPacks(ctx: ServiceContext): Promise<{ items: BoardPack[] }> {
  requireVendor(ctx.actor, readers);
  const rows = await ctx.database.db
    .select()
    .from(boardPacks)
    .where(eq(boardPacks.workspaceId, ctx.actor.workspaceId))
    .orderBy(desc(boardPacks.createdAt))
    .limit(50);
  return { items: rows.map(toView) };
}

export async function getBoardPack(ctx: ServiceContext, id: string): Promise<BoardPack> {
  requireVendor(ctx.actor, readers);
  return toView(await loadPack(ctx.database.db, ctx.actor.workspaceId, id));
}

/** The rendered PDF of a completed pack. */
export async function downloadBoardPack(
  ctx: ServiceContext,
  id: string,
  store: BoardPackStore = databasePackStore,
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  requireVendor(ctx.actor, readers);
  const pack = await loadPack(ctx.database.db, ctx.actor.workspaceId, id);
  const file = pack.status === "completed" ? await store.open(ctx.database.db, pack.workspaceId, id) : undefined;
  if (!file)
    throw notFound(
      pack.status === "failed" ? "This board pack failed; generate it again" : "This board pack is not ready yet",
    );
  return { fileName: pack.fileName, ...file };
}

async function setProgress(
  db: DbOrTx,
  workspaceId: string,
  id: string,
  values: Partial<typeof boardPacks.$inferInsert>,
) {
  await db
    .update(boardPacks)
    .set(values)
    .where(and(eq(boardPacks.workspaceId, workspaceId), eq(boardPacks.id, id)));
}

async function describeFilters(db: DbOrTx, workspaceId: string, filters: DashboardFilters) {
  const names = await db.execute<{ workspace: string | null; program: string | null; tier: string | null }>(sql`
    select (select name from workspaces where id = ${workspaceId}) as workspace,
      (select name from programs where workspace_id = ${workspaceId} and id = ${filters.programId ?? null}::uuid) as program,
      (select name from tiers where workspace_id = ${workspaceId} and id = ${filters.tierId ?? null}::uuid) as tier`);
  const row = names.rows[0];
  const parts = [
    filters.region ? `region ${filters.region}` : "all regions",
    filters.role ? `${filters.role.replace(/_/g, " ")} partners` : "all partner roles",
    row?.program ? `program ${row.program}` : "all programs",
    ...(row?.tier ? [`tier ${row.tier}`] : []),
  ];
  return { workspaceName: row?.workspace ?? "Workspace", filtersLabel: parts.join(", ") };
}

/**
 * Renders one pack: figures (30 %), evidence (50 %), PDF (90 %), stored (100 %). Progress is
 * written as it goes, so any node can show it; a failure is recorded on the pack.
 */
export async function executeBoardPack(
  database: Database,
  workspaceId: string,
  packId: string,
  options: { renderer?: "chromium" | "pdf-lib"; store?: BoardPackStore } = {},
): Promise<void> {
  const { db } = database;
  const pack = await loadPack(db, workspaceId, packId);
  if (pack.status === "completed") return;
  const filters = dashboardFilterFields.parse(pack.filters);
  try {
    await setProgress(db, workspaceId, packId, { status: "rendering", progress: 5, step: "Computing the figures" });
    const scope = scopeOf(workspaceId, filters);
    const dashboard = await computeDashboard(db, scope);
    await setProgress(db, workspaceId, packId, { progress: 30, step: "Collecting the evidence" });
    const evidence = await evidenceOf(db, scope, 200);
    const labels = await describeFilters(db, workspaceId, filters);
    await setProgress(db, workspaceId, packId, { progress: 50, step: "Rendering the PDF" });
    const { bytes, renderer } = await renderBoardPack(
      { ...labels, generatedAt: new Date(), dashboard, evidence },
      options.renderer,
    );
    await setProgress(db, workspaceId, packId, { progress: 90, step: "Storing the file" });
    await transaction(database, async (tx) => {
      await (options.store ?? databasePackStore).save(tx, workspaceId, packId, {
        contentType: "application/pdf",
        bytes,
      });
      await setProgress(tx, workspaceId, packId, {
        status: "completed",
        progress: 100,
        step: null,
        renderer,
        sizeBytes: bytes.length,
        finishedAt: new Date(),
      });
    });
  } catch (error) {
    await setProgress(db, workspaceId, packId, {
      status: "failed",
      step: null,
      error: "Rendering failed; generate the pack again or ask an administrator to check the server log",
      finishedAt: new Date(),
    });
    throw error;
  }
}

export const renderBoardPackJob = defineJob({
  name: "reports.render-board-pack",
  payload: z.object({ workspaceId: z.uuid(), packId: z.uuid() }),
  retryLimit: 0,
  async handler({ workspaceId, packId }, { database }) {
    await executeBoardPack(database, workspaceId, packId);
  },
});

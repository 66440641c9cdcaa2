import type { DashboardFilters, DashboardTable, ExportFormat } from "@symbiont/contracts";
import { requireVendor } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { toCsv } from "./reports.csv";
import { computeDashboard, readers } from "./reports.dashboard";
import { evidenceOf } from "./reports.evidence";
import { scopeOf } from "./reports.scope";
import { dashboardTablesOf } from "./reports.tables";
import { toXlsx } from "./reports.xlsx";

/** The evidence table exports this many deals at most (largest first). */
export const EVIDENCE_EXPORT_LIMIT = 10_000;

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

/** One dashboard table, for the same filters as the page, as CSV or XLSX. */
export async function exportDashboardTable(
  ctx: ServiceContext,
  table: DashboardTable,
  format: ExportFormat,
  filters: DashboardFilters,
): Promise<ExportFile> {
  requireVendor(ctx.actor, readers);
  const { db } = ctx.database;
  const scope = scopeOf(ctx.actor.workspaceId, filters);
  const dashboard = await computeDashboard(db, scope);
  const evidence = table === "evidence" ? await evidenceOf(db, scope, EVIDENCE_EXPORT_LIMIT) : [];
  const found = dashboardTablesOf(dashboard, evidence).find((t) => t.name === table);
  if (!found) throw new Error(`unknown table ${table}`);
  const base = `${table}-${scope.period.from}-to-${scope.period.to}`;
  if (format === "xlsx") {
    return {
      fileName: `${base}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: toXlsx([found]),
    };
  }
  return { fileName: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: toCsv(found.columns, found.rows) };
}

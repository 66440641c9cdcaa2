import { type BoardPack, type DashboardFilters, type DashboardTable, dashboardTables } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "../../../components/ui/Button";
import { Card, CardHeader } from "../../../components/ui/Card";
import { ErrorState } from "../../../components/ui/ErrorState";
import { useToast } from "../../../components/ui/Toast";
import { api } from "../../../lib/api";
import { formatDateTime } from "../../../lib/format";
import { errorMessage } from "../../../lib/forms";

const tableLabels: Record<DashboardTable, string> = {
  headline: "Headline figures",
  trend: "Monthly trend",
  "top-partners": "Top partners",
  "at-risk": "Partners at risk",
  regions: "Regions",
  flow: "Flow by role",
  "penetration-region": "Penetration by region",
  "penetration-industry": "Penetration by industry",
  cohorts: "Time to first revenue",
  evidence: "Evidence (deals)",
};

const running = (pack: BoardPack) => pack.status === "queued" || pack.status === "rendering";

function PackRow({ pack }: { pack: BoardPack }) {
  const period = pack.filters.from && pack.filters.to ? `${pack.filters.from} to ${pack.filters.to}` : "—";
  return (
    <li
      className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:justify-between"
      data-testid="board-pack"
    >
      <div className="min-w-0">
        <p className="font-medium text-slate-900">{period}</p>
        <p className="text-xs text-slate-500">
          {[pack.filters.region, pack.filters.role?.replace(/_/g, " ")].filter(Boolean).join(" · ") ||
            "All regions and roles"}
          {" · "}requested {formatDateTime(pack.createdAt)}
          {pack.createdBy ? ` by ${pack.createdBy}` : ""}
        </p>
      </div>
      {running(pack) ? (
        <div className="w-full sm:w-56">
          <div
            role="progressbar"
            aria-label="Board pack progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pack.progress}
            aria-valuetext={`${pack.progress} %: ${pack.step ?? "working"}`}
            className="h-2 overflow-hidden rounded-full bg-slate-100"
          >
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${Math.max(4, pack.progress)}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-500">{pack.step ?? "Working…"}</p>
        </div>
      ) : pack.status === "failed" ? (
        <p className="text-sm text-rose-700">{pack.error ?? "Rendering failed"}</p>
      ) : (
        <a
          href={api.boardPacks.downloadUrl(pack.id)}
          download={pack.fileName}
          className="inline-flex items-center gap-1 rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          Download PDF
          <span className="text-xs text-slate-500">
            ({Math.max(1, Math.round((pack.sizeBytes ?? 0) / 1024))} KB
            {pack.renderer === "pdf-lib" ? ", text layout" : ""})
          </span>
        </a>
      )}
    </li>
  );
}

/** Generate a board pack for the current filters, follow its progress, download it; export tables. */
export function BoardPacksCard({ filters, canGenerate }: { filters: DashboardFilters; canGenerate: boolean }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const packs = useQuery({
    queryKey: ["board-packs"],
    queryFn: ({ signal }) => api.boardPacks.list(signal),
    refetchInterval: (query) => (query.state.data?.items.some(running) ? 1500 : false),
  });
  const generate = useMutation({
    mutationFn: () => api.boardPacks.create(filters),
    onSuccess: () => {
      toast.success("Board pack requested", "It appears below when it is ready.");
      void queryClient.invalidateQueries({ queryKey: ["board-packs"] });
    },
    onError: (error) => toast.error("Could not request the board pack", errorMessage(error)),
  });
  return (
    <Card>
      <CardHeader
        title="Board pack and exports"
        description="A PDF with the headline figures, methodology, top partners and evidence for the filters above."
        actions={
          canGenerate ? (
            <Button onClick={() => generate.mutate()} disabled={generate.isPending}>
              {generate.isPending ? "Requesting…" : "Generate board pack"}
            </Button>
          ) : undefined
        }
      />
      {packs.isError ? (
        <ErrorState error={packs.error} onRetry={() => packs.refetch()} compact />
      ) : packs.data && packs.data.items.length > 0 ? (
        <ul className="divide-y divide-slate-100" aria-label="Generated board packs" aria-live="polite">
          {packs.data.items.slice(0, 8).map((pack) => (
            <PackRow key={pack.id} pack={pack} />
          ))}
        </ul>
      ) : (
        <p className="px-5 py-4 text-sm text-slate-500">
          {packs.isLoading ? "Loading board packs…" : "No board pack has been generated yet."}
        </p>
      )}
      <div className="border-t border-slate-200 px-5 py-3">
        <p className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Export a table</p>
        <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {dashboardTables.map((table) => (
            <li key={table} className="flex items-center gap-1.5">
              <span className="text-slate-700">{tableLabels[table]}</span>
              <a
                className="text-brand-700 hover:underline"
                href={api.dashboardExportUrl(table, "csv", filters)}
                download
              >
                CSV<span className="sr-only"> of {tableLabels[table]}</span>
              </a>
              <a
                className="text-brand-700 hover:underline"
                href={api.dashboardExportUrl(table, "xlsx", filters)}
                download
              >
                XLSX<span className="sr-only"> of {tableLabels[table]}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}

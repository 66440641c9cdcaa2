import type { Dashboard, DrillFigure, HeadlineFigure } from "@symbiont/contracts";
import { cn } from "../../../lib/format";
import type { SectionDrill } from "./dashboardSearch";
import { describeChange, formatFigure } from "./dashboardUi";

/** Retention figures have no deals behind them: they open the accounts of their cohort instead. */
const accountDrills: Record<string, SectionDrill> = {
  nrr_partner: { drillSection: "retention", drillSide: "partner" },
  grr_partner: { drillSection: "retention", drillSide: "partner" },
  nrr_other: { drillSection: "retention", drillSide: "other" },
  grr_other: { drillSection: "retention", drillSide: "other" },
};

/** What a tile's drill-down lists when it is not deals. */
const recordsOf: Partial<Record<DrillFigure, string>> = {
  program_cost: "cost lines",
  ropi: "cost lines",
  cac: "spend entries and new customers",
  partner_cac: "cost lines and new customers",
};

function Tile({
  figure,
  currency,
  onDrill,
  onSection,
}: {
  figure: HeadlineFigure;
  currency: string;
  onDrill: (drill: DrillFigure) => void;
  onSection: (drill: SectionDrill) => void;
}) {
  const change = describeChange(figure.change);
  const body = (
    <>
      <span className="text-xs font-medium tracking-wide text-slate-500 uppercase">{figure.label}</span>
      <span className="mt-1 block text-2xl font-semibold text-slate-900 tabular-nums">
        {formatFigure(figure.unit, figure.value, currency)}
      </span>
      <span
        className={cn(
          "mt-1 block text-xs font-medium",
          change.direction === "up" && "text-emerald-700",
          change.direction === "down" && "text-rose-700",
          (change.direction === "flat" || change.direction === "none") && "text-slate-500",
        )}
      >
        {change.direction === "up" ? "▲ " : change.direction === "down" ? "▼ " : ""}
        {change.text}
        {figure.change !== null ? <span className="sr-only"> compared with the previous period</span> : null}
      </span>
      {figure.note ? <span className="mt-1 block text-xs text-slate-500">{figure.note}</span> : null}
      <span className="mt-2 block text-[11px] leading-snug text-slate-400" title={figure.definition}>
        {figure.model}
      </span>
    </>
  );
  const classes = "flex h-full flex-col rounded-xl border border-slate-200 bg-white p-4 text-left shadow-card";
  const accounts = accountDrills[figure.key];
  if (!figure.drill && accounts) {
    return (
      <button
        type="button"
        className={cn(
          classes,
          "transition hover:border-brand-300 hover:shadow-md focus-visible:outline-2 focus-visible:outline-brand-500",
        )}
        onClick={() => onSection(accounts)}
        data-testid={`figure-${figure.key}`}
        aria-label={`${figure.label}: ${formatFigure(figure.unit, figure.value, currency)}, ${change.text}. Show the accounts behind it`}
      >
        {body}
      </button>
    );
  }
  if (!figure.drill) {
    return (
      <div className={classes} data-testid={`figure-${figure.key}`}>
        {body}
      </div>
    );
  }
  const drill = figure.drill;
  return (
    <button
      type="button"
      className={cn(
        classes,
        "transition hover:border-brand-300 hover:shadow-md focus-visible:outline-2 focus-visible:outline-brand-500",
      )}
      onClick={() => onDrill(drill)}
      data-testid={`figure-${figure.key}`}
      aria-label={`${figure.label}: ${formatFigure(figure.unit, figure.value, currency)}, ${change.text}. Show the ${recordsOf[drill] ?? "deals"} behind it`}
    >
      {body}
    </button>
  );
}

/** The headline figures; each drillable one opens the records behind it. */
export function HeadlineTiles({
  dashboard,
  onDrill,
  onSection,
}: {
  dashboard: Dashboard;
  onDrill: (drill: DrillFigure) => void;
  onSection: (drill: SectionDrill) => void;
}) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" aria-label="Headline figures">
      {dashboard.headline.map((figure) => (
        <li key={figure.key}>
          <Tile figure={figure} currency={dashboard.currency} onDrill={onDrill} onSection={onSection} />
        </li>
      ))}
    </ul>
  );
}

import type { Dashboard, DashboardRecord, HeadlineFigure } from "@symbiont/contracts";
import { type Cell, dashboardTablesOf } from "./reports.tables";

const htmlText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function formatMoney(minor: number | null, currency: string): string {
  if (minor === null) return "—";
  const major = minor / 100;
  const compact = Math.abs(major) >= 10_000;
  return new Intl.NumberFormat("en", {
    style: "currency",
    currency,
    notation: compact ? "compact" : "standard",
    maximumFractionDigits: compact ? 1 : 0,
  }).format(major);
}

export function formatFigure(f: Pick<HeadlineFigure, "unit">, value: number | null, currency: string): string {
  if (value === null) return "—";
  if (f.unit === "money") return formatMoney(value, currency);
  if (f.unit === "money_per_day") return `${formatMoney(value, currency)} per day`;
  if (f.unit === "percent") return `${(value * 100).toFixed(1)} %`;
  if (f.unit === "ratio") return value.toFixed(2);
  if (f.unit === "days") return `${value.toFixed(1)} days`;
  if (f.unit === "score") return value.toFixed(1);
  return value.toLocaleString("en", { maximumFractionDigits: 1 });
}

export function formatChange(change: number | null): string {
  if (change === null) return "no comparable previous period";
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  return `${sign}${Math.abs(change * 100).toFixed(1)} % vs previous period`;
}

/** Grouped monthly bars (sourced, influenced, direct-only) as inline SVG. */
export function trendSvg(d: Dashboard): string {
  const width = 680;
  const height = 220;
  const pad = { left: 56, right: 8, top: 12, bottom: 28 };
  const series = [
    { key: "sourcedMinor", label: "Partner-sourced", color: "#4f46e5" },
    { key: "influencedMinor", label: "Partner-influenced", color: "#0ea5e9" },
    { key: "directMinor", label: "Direct-only", color: "#94a3b8" },
  ] as const;
  const max = Math.max(1, ...d.trend.flatMap((p) => series.map((s) => p[s.key])));
  const band = (width - pad.left - pad.right) / Math.max(1, d.trend.length);
  const barWidth = Math.max(1, (band - 6) / series.length);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const bars = d.trend
    .map((p, i) =>
      series
        .map((s, j) => {
          const x = pad.left + i * band + 3 + j * barWidth;
          const top = y(p[s.key]);
          return `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(height - pad.bottom - top).toFixed(1)}" fill="${s.color}"/>`;
        })
        .join(""),
    )
    .join("");
  const labels = d.trend
    .map(
      (p, i) =>
        `<text x="${(pad.left + i * band + band / 2).toFixed(1)}" y="${height - 10}" font-size="9" text-anchor="middle">${p.month.slice(2, 7)}</text>`,
    )
    .join("");
  const axis = [0, 0.5, 1]
    .map(
      (t) =>
        `<text x="${pad.left - 4}" y="${(y(max * t) + 3).toFixed(1)}" font-size="9" text-anchor="end">${htmlText(formatMoney(max * t, d.currency))}</text><line x1="${pad.left}" x2="${width - pad.right}" y1="${y(max * t).toFixed(1)}" y2="${y(max * t).toFixed(1)}" stroke="#e2e8f0"/>`,
    )
    .join("");
  const legend = series
    .map((s) => `<span class="key"><i style="background:${s.color}"></i>${s.label}</span>`)
    .join(" ");
  return `<svg role="img" aria-label="Won revenue by month" viewBox="0 0 ${width} ${height}" width="100%">${axis}${bars}${labels}</svg><div class="legend">${legend}</div>`;
}

function table(columns: string[], rows: Cell[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${htmlText(empty)}</p>`;
  const cell = (v: Cell) => (v === null ? "—" : typeof v === "number" ? v.toLocaleString("en") : htmlText(v));
  return `<table><thead><tr>${columns.map((c) => `<th>${htmlText(c)}</th>`).join("")}</tr></thead><tbody>${rows
    .map(
      (r) => `<tr>${r.map((v) => `<td${typeof v === "number" ? ' class="num"' : ""}>${cell(v)}</td>`).join("")}</tr>`,
    )
    .join("")}</tbody></table>`;
}

export interface PackContent {
  workspaceName: string;
  generatedAt: Date;
  filtersLabel: string;
  dashboard: Dashboard;
  evidence: DashboardRecord[];
}

/** The printable board pack: headline figures, trend, methodology, top partners, evidence. */
export function boardPackHtml(content: PackContent): string {
  const { dashboard: d } = content;
  const tables = Object.fromEntries(dashboardTablesOf(d, content.evidence).map((t) => [t.name, t]));
  const tiles = d.headline
    .map(
      (f) =>
        `<div class="tile"><div class="label">${htmlText(f.label)}</div><div class="value">${htmlText(
          formatFigure(f, f.value, d.currency),
        )}</div><div class="change">${htmlText(formatChange(f.change))}</div>${f.note ? `<div class="note">${htmlText(f.note)}</div>` : ""}</div>`,
    )
    .join("");
  const u = d.uplift;
  const upliftText =
    u.difference === null || u.low === null || u.high === null
      ? "Not enough closed partner-involved and direct-only deals to compare."
      : `Partner-involved deals won ${((u.partnerWinRate ?? 0) * 100).toFixed(1)} % of ${u.partnerDeals} closed deals, direct-only ${((u.directWinRate ?? 0) * 100).toFixed(1)} % of ${u.directDeals}: a difference of ${(u.difference * 100).toFixed(1)} points (95 % CI ${(u.low * 100).toFixed(1)} to ${(u.high * 100).toFixed(1)}).${u.low > 0 ? " The interval excludes zero." : " The interval includes zero: the data does not show an uplift yet."}`;
  const methodology = d.headline
    .map((f) => `<li><b>${htmlText(f.label)}</b>: ${htmlText(f.definition)}. <i>Model: ${htmlText(f.model)}.</i></li>`)
    .join("");
  const section = (name: string, empty: string) => {
    const t = tables[name];
    return t ? `<h2>${htmlText(t.title)}</h2>${table(t.columns, t.rows, empty)}` : "";
  };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Board pack — ${htmlText(content.workspaceName)}</title>
<style>
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #0f172a; font-size: 10.5px; }
h1 { font-size: 20px; margin: 0 0 2px; } h2 { font-size: 13px; margin: 18px 0 6px; border-bottom: 1px solid #cbd5e1; padding-bottom: 2px; }
.meta { color: #475569; margin-bottom: 12px; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; }
.tile { border: 1px solid #cbd5e1; border-radius: 6px; padding: 8px; break-inside: avoid; }
.tile .label { color: #475569; font-size: 9.5px; } .tile .value { font-size: 17px; font-weight: 700; margin: 2px 0; }
.tile .change, .tile .note { color: #475569; font-size: 8.5px; }
table { width: 100%; border-collapse: collapse; } th, td { text-align: left; padding: 3px 4px; border-bottom: 1px solid #e2e8f0; vertical-align: top; }
th { background: #f1f5f9; font-size: 9.5px; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; } .legend { display: flex; gap: 12px; font-size: 9px; } .key i { display: inline-block; width: 9px; height: 9px; margin-right: 4px; }
.empty { color: #64748b; font-style: italic; } ul { padding-left: 16px; } li { margin-bottom: 3px; }
.page-break { break-before: page; }
</style></head><body>
<h1>Partner ecosystem — board pack</h1>
<div class="meta">${htmlText(content.workspaceName)} · period ${d.period.from} to ${d.period.to} (compared with ${d.period.previousFrom} to ${d.period.previousTo}) · ${htmlText(content.filtersLabel)} · amounts in ${d.currency} · generated ${content.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</div>
<div class="tiles">${tiles}</div>
<h2>Partner uplift</h2><p>${htmlText(upliftText)}</p>
<h2>Won revenue by month</h2>${trendSvg(d)}
${section("top-partners", "No partner-involved deals were won in this period.")}
${section("flow", "No partner credit in this period.")}
${section("regions", "No closed deals in this period.")}
${section("penetration-region", "No customers won in this period.")}
${section("cohorts", "No partners activated in the last 24 months.")}
${section("at-risk", "No partner's engagement fell by a third or more.")}
<h2>Methodology</h2><ul>${methodology}<li><b>Uplift</b>: ${htmlText(u.method)}.</li><li><b>Partners at risk</b>: the engagement score fell to two thirds or less of its value 90 days earlier (from at least 20), as of the last read-model refresh.</li><li><b>Filters</b>: region is the account's sales region; partner role, program and tier narrow the partners counted; direct-only deals (no partner at all) remain the comparison baseline.</li></ul>
<div class="page-break"></div>
${section("evidence", "No partner-influenced deals were won in this period.")}
</body></html>`;
}

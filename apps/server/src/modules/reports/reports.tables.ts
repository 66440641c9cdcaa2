import type { Dashboard, DashboardRecord, DashboardTable } from "@symbiont/contracts";

export type Cell = string | number | null;

/** A dashboard table as plain columns and rows, for CSV, XLSX and the printed pack. */
export interface ReportTable {
  name: DashboardTable;
  title: string;
  columns: string[];
  rows: Cell[][];
}

const money = (minor: number | null) => (minor === null ? null : Math.round(minor) / 100);
const share = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

/** Every table of the dashboard (amounts in major units of the reporting currency). */
export function dashboardTablesOf(d: Dashboard, evidence: DashboardRecord[] = []): ReportTable[] {
  const c = d.currency;
  return [
    {
      name: "headline",
      title: "Headline figures",
      columns: ["Figure", "Value", "Previous period", "Change", "Unit", "Model", "Definition", "Note"],
      rows: d.headline.map((f) => [
        f.label,
        f.unit === "money" ? money(f.value) : share(f.value),
        f.unit === "money" ? money(f.previous) : share(f.previous),
        share(f.change),
        f.unit === "money" ? c : f.unit,
        f.model,
        f.definition,
        f.note,
      ]),
    },
    {
      name: "trend",
      title: "Monthly trend",
      columns: [
        "Month",
        `Partner-sourced (${c})`,
        `Partner-influenced (${c})`,
        `Direct-only (${c})`,
        "Partner win rate",
        "Direct win rate",
      ],
      rows: d.trend.map((p) => [
        p.month.slice(0, 7),
        money(p.sourcedMinor),
        money(p.influencedMinor),
        money(p.directMinor),
        share(p.partnerWinRate),
        share(p.directWinRate),
      ]),
    },
    {
      name: "top-partners",
      title: "Top partners",
      columns: ["Partner", `Sourced (${c})`, `Influenced credit (${c})`, "Won deals"],
      rows: d.topPartners.map((p) => [p.name, money(p.sourcedMinor), money(p.influencedMinor), p.wonDeals]),
    },
    {
      name: "at-risk",
      title: "Partners at risk (falling activity)",
      columns: ["Partner", "Touchpoints, last 90 days", "Touchpoints, 90 days before", "Change"],
      rows: d.atRisk.map((p) => [p.name, p.recent, p.previous, share(p.change)]),
    },
    {
      name: "regions",
      title: "Regions",
      columns: [
        "Region",
        `Partner-involved won (${c})`,
        `Direct-only won (${c})`,
        "Won deals",
        "Partner share",
        "Win rate",
      ],
      rows: d.regions.map((r) => [
        r.region,
        money(r.partnerWonMinor),
        money(r.directWonMinor),
        r.wonDeals,
        share(r.partnerShare),
        share(r.winRate),
      ]),
    },
    {
      name: "flow",
      title: "Attribution flow by partner role",
      columns: ["Partner role", `Sourced (${c})`, `Influenced credit (${c})`],
      rows: d.flow.map((f) => [f.role, money(f.sourcedMinor), money(f.influencedMinor)]),
    },
    {
      name: "evidence",
      title: "Evidence: partner-influenced deals",
      columns: ["Opportunity", "Account", "Region", "Closed", `Amount (${c})`, "Sourced by", "Partners involved"],
      rows: evidence.map((r) => [
        r.name,
        r.accountName,
        r.region,
        r.closedAt?.slice(0, 10) ?? null,
        money(r.amountMinor),
        r.sourcingPartner,
        r.touchingPartners.join("; "),
      ]),
    },
  ];
}

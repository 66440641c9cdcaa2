import {
  type Dashboard,
  type DashboardRecord,
  type DashboardTable,
  type PenetrationRow,
  regionLabelOf,
} from "@symbiont/contracts";

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
const round1 = (value: number) => Math.round(value * 10) / 10;
const isMoney = (unit: string) => unit === "money" || unit === "money_per_day";

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
        isMoney(f.unit) ? money(f.value) : share(f.value),
        isMoney(f.unit) ? money(f.previous) : share(f.previous),
        share(f.change),
        f.unit === "money" ? c : f.unit === "money_per_day" ? `${c} per day` : f.unit,
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
      columns: ["Partner", `Sourced (${c})`, `Attributed credit (${c})`, "Won deals"],
      rows: d.topPartners.map((p) => [p.name, money(p.sourcedMinor), money(p.influencedMinor), p.wonDeals]),
    },
    {
      name: "at-risk",
      title: "Partners at risk (falling engagement)",
      columns: ["Partner", "Engagement score", "90 days before", "Change", "Health score", "Health band"],
      rows: d.atRisk.map((p) => [
        p.name,
        round1(p.score),
        round1(p.previousScore),
        share(p.change),
        p.healthScore === null ? null : round1(p.healthScore),
        p.healthBand,
      ]),
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
        regionLabelOf(r.region),
        money(r.partnerWonMinor),
        money(r.directWonMinor),
        r.wonDeals,
        share(r.partnerShare),
        share(r.winRate),
      ]),
    },
    {
      name: "flow",
      title: `Attribution flow by partner role (${d.model})`,
      columns: ["Partner role", `Sourced (${c})`, `Attributed credit (${c})`],
      rows: d.flow.map((f) => [f.role, money(f.sourcedMinor), money(f.influencedMinor)]),
    },
    penetrationTable(
      "penetration-region",
      "Market penetration by region",
      "Region",
      d.penetration.byRegion,
      c,
      regionLabelOf,
    ),
    penetrationTable("penetration-industry", "Market penetration by industry", "Industry", d.penetration.byIndustry, c),
    {
      name: "cohorts",
      title: "Time to first revenue by activation cohort",
      columns: ["Activated", "Partners", "With a won deal", "Mean days", "Median days"],
      rows: d.cohorts.map((r) => [
        r.cohort,
        r.partners,
        r.reached,
        r.meanDays === null ? null : round1(r.meanDays),
        r.medianDays === null ? null : round1(r.medianDays),
      ]),
    },
    {
      name: "evidence",
      title: "Evidence: partner-involved won deals",
      columns: ["Opportunity", "Account", "Region", "Closed", `Amount (${c})`, "Partner-sourced", "Partners involved"],
      rows: evidence.map((r) => [
        r.name,
        r.accountName,
        r.region === null ? null : regionLabelOf(r.region),
        r.closedAt?.slice(0, 10) ?? null,
        money(r.amountMinor),
        r.sourced ? "yes" : "no",
        r.partners.join("; "),
      ]),
    },
  ];
}

function penetrationTable(
  name: DashboardTable,
  title: string,
  keyHeader: string,
  rows: PenetrationRow[],
  c: string,
  label: (key: string) => string = (key) => key,
): ReportTable {
  return {
    name,
    title,
    columns: [
      keyHeader,
      "Customers",
      "With a partner",
      "Without",
      "Partner share",
      `Revenue (${c})`,
      `With a partner (${c})`,
    ],
    rows: rows.map((r) => [
      label(r.key),
      r.customers,
      r.withPartner,
      r.withoutPartner,
      share(r.partnerShare),
      money(r.revenueMinor),
      money(r.revenueWithPartnerMinor),
    ]),
  };
}

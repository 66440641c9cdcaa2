import type { Dashboard, DrillFigure, PartnerAtRisk, PartnerFigureRow, RegionRow } from "@symbiont/contracts";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { type Column, DataTable } from "../../../components/ui/Table";
import { formatMoney, formatPercent, regionLabel } from "./dashboardUi";

/** A figure in a table cell that opens the records behind it. */
export function DrillButton({ label, onClick, children }: { label: string; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="text-brand-700 tabular-nums hover:underline" onClick={onClick} aria-label={label}>
      {children}
    </button>
  );
}

export function TopPartnersTable({
  dashboard,
  onDrill,
}: {
  dashboard: Dashboard;
  onDrill: (figure: DrillFigure, partner: { id: string; name: string }) => void;
}) {
  const c = dashboard.currency;
  const who = (p: PartnerFigureRow) => ({ id: p.partnerId, name: p.name });
  const columns: Column<PartnerFigureRow>[] = [
    {
      key: "name",
      header: "Partner",
      cell: (p) => (
        <Link
          to="/console/partners/$partnerId"
          params={{ partnerId: p.partnerId }}
          className="font-medium text-brand-700 hover:underline"
        >
          {p.name}
        </Link>
      ),
    },
    {
      key: "sourced",
      header: "Sourced",
      align: "right",
      cell: (p) => (
        <DrillButton label={`Deals ${p.name} sourced: show them`} onClick={() => onDrill("sourced_revenue", who(p))}>
          {formatMoney(p.sourcedMinor, c)}
        </DrillButton>
      ),
    },
    {
      key: "influenced",
      header: "Attributed credit",
      align: "right",
      cell: (p) => (
        <DrillButton
          label={`Won deals credited to ${p.name}: show them`}
          onClick={() => onDrill("attributed_revenue", who(p))}
        >
          {formatMoney(p.influencedMinor, c)}
        </DrillButton>
      ),
    },
    {
      key: "deals",
      header: "Won deals",
      align: "right",
      cell: (p) => (
        <DrillButton
          label={`${p.wonDeals} won deals of ${p.name}: show them`}
          onClick={() => onDrill("won_deals", who(p))}
        >
          {p.wonDeals}
        </DrillButton>
      ),
    },
  ];
  return (
    <DataTable
      caption="Top partners by sourced revenue and attributed credit"
      columns={columns}
      rows={dashboard.topPartners}
      rowKey={(p) => p.partnerId}
      empty={
        <p className="py-6 text-center text-sm text-slate-500">No partner-involved deals were won in this period.</p>
      }
    />
  );
}

export function AtRiskTable({ dashboard }: { dashboard: Dashboard }) {
  const columns: Column<PartnerAtRisk>[] = [
    {
      key: "name",
      header: "Partner",
      cell: (p) => (
        <Link
          to="/console/partners/$partnerId"
          params={{ partnerId: p.partnerId }}
          className="font-medium text-brand-700 hover:underline"
        >
          {p.name}
        </Link>
      ),
    },
    {
      key: "previous",
      header: "Engagement 90 days before",
      align: "right",
      cell: (p) => p.previousScore.toFixed(0),
    },
    { key: "recent", header: "Engagement now", align: "right", cell: (p) => p.score.toFixed(0) },
    {
      key: "change",
      header: "Change",
      align: "right",
      cell: (p) => <span className="font-medium text-rose-700">{formatPercent(p.change, 0)}</span>,
    },
    {
      key: "health",
      header: "Health",
      align: "right",
      hideOnMobile: true,
      cell: (p) => (p.healthScore === null ? "—" : `${p.healthScore.toFixed(0)} (${p.healthBand})`),
    },
  ];
  return (
    <DataTable
      caption="Partners whose engagement score fell by a third or more"
      columns={columns}
      rows={dashboard.atRisk}
      rowKey={(p) => p.partnerId}
      empty={
        <p className="py-6 text-center text-sm text-slate-500">No partner's engagement fell by a third or more.</p>
      }
    />
  );
}

export function RegionTable({
  dashboard,
  onRegion,
  onDeals,
}: {
  dashboard: Dashboard;
  onRegion: (region: string) => void;
  onDeals: (figure: DrillFigure, region: string) => void;
}) {
  const c = dashboard.currency;
  const max = Math.max(1, ...dashboard.regions.map((r) => r.partnerWonMinor + r.directWonMinor));
  const columns: Column<RegionRow>[] = [
    {
      key: "region",
      header: "Region",
      cell: (r) =>
        r.region === "unknown" ? (
          regionLabel(r.region)
        ) : (
          <button
            type="button"
            className="text-left font-medium text-brand-700 hover:underline"
            onClick={() => onRegion(r.region)}
            aria-label={`Filter the page by ${regionLabel(r.region)}`}
          >
            {regionLabel(r.region)}
          </button>
        ),
    },
    {
      key: "bar",
      header: "Won revenue",
      hideOnMobile: true,
      cell: (r) => (
        <span className="flex h-3 w-40 overflow-hidden rounded bg-slate-100" aria-hidden="true">
          <span className="bg-brand-600" style={{ width: `${(r.partnerWonMinor / max) * 100}%` }} />
          <span className="bg-slate-400" style={{ width: `${(r.directWonMinor / max) * 100}%` }} />
        </span>
      ),
    },
    {
      key: "partner",
      header: "Partner-involved",
      align: "right",
      cell: (r) =>
        r.region === "unknown" ? (
          formatMoney(r.partnerWonMinor, c)
        ) : (
          <DrillButton
            label={`Won partner-involved deals in ${regionLabel(r.region)}: show them`}
            onClick={() => onDeals("influenced_revenue", r.region)}
          >
            {formatMoney(r.partnerWonMinor, c)}
          </DrillButton>
        ),
    },
    { key: "direct", header: "Direct-only", align: "right", cell: (r) => formatMoney(r.directWonMinor, c) },
    { key: "share", header: "Partner share", align: "right", cell: (r) => formatPercent(r.partnerShare, 0) },
    {
      key: "won",
      header: "Won deals",
      align: "right",
      cell: (r) =>
        r.region === "unknown" ? (
          r.wonDeals
        ) : (
          <DrillButton
            label={`Won deals in ${regionLabel(r.region)}: show them`}
            onClick={() => onDeals("won_deals", r.region)}
          >
            {r.wonDeals}
          </DrillButton>
        ),
    },
    {
      key: "win",
      header: "Win rate",
      align: "right",
      cell: (r) =>
        r.region === "unknown" ? (
          formatPercent(r.winRate, 0)
        ) : (
          <DrillButton
            label={`Closed deals in ${regionLabel(r.region)}: show them`}
            onClick={() => onDeals("win_rate", r.region)}
          >
            {formatPercent(r.winRate, 0)}
          </DrillButton>
        ),
    },
  ];
  return (
    <DataTable
      caption="Won revenue by account region"
      columns={columns}
      rows={dashboard.regions}
      rowKey={(r) => r.region}
      empty={<p className="py-6 text-center text-sm text-slate-500">No closed deals in this period.</p>}
    />
  );
}

import type { CohortRow, Dashboard, LeadSharingRow, PenetrationRow } from "@symbiont/contracts";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { type Column, DataTable } from "../../../components/ui/Table";
import { DrillButton } from "./DashboardTables";
import type { SectionDrill } from "./dashboardSearch";
import { formatMoney, formatPercent, regionLabel } from "./dashboardUi";

/** Opens the records behind a section's figure. */
export type OnSection = (drill: SectionDrill) => void;

/**
 * Customers and revenue by region or industry, with and without partners; a region drills into its
 * won deals, a customer count into the customers behind it.
 */
export function PenetrationTable({
  dashboard,
  onRegion,
  onSection,
}: {
  dashboard: Dashboard;
  onRegion: (region: string) => void;
  onSection: OnSection;
}) {
  const [by, setBy] = useState<"region" | "industry">("region");
  const c = dashboard.currency;
  const rows = by === "region" ? dashboard.penetration.byRegion : dashboard.penetration.byIndustry;
  const columns: Column<PenetrationRow>[] = [
    {
      key: "key",
      header: by === "region" ? "Region" : "Industry",
      cell: (r) =>
        by === "region" && r.key !== "unknown" ? (
          <button
            type="button"
            className="text-left font-medium text-brand-700 hover:underline"
            onClick={() => onRegion(r.key)}
          >
            {regionLabel(r.key)}
          </button>
        ) : by === "region" ? (
          regionLabel(r.key)
        ) : r.key === "unknown" ? (
          "Unknown industry"
        ) : (
          r.key
        ),
    },
    {
      key: "customers",
      header: "Customers",
      align: "right",
      cell: (r) => (
        <DrillButton
          label={`${r.customers} customers in ${by === "region" ? regionLabel(r.key) : r.key}: show them`}
          onClick={() => onSection({ drillSection: "customers", drillBy: by, drillKey: r.key })}
        >
          {r.customers.toLocaleString("en")}
        </DrillButton>
      ),
    },
    { key: "with", header: "With a partner", align: "right", cell: (r) => r.withPartner.toLocaleString("en") },
    { key: "share", header: "Partner share", align: "right", cell: (r) => formatPercent(r.partnerShare, 0) },
    { key: "revenue", header: "Won revenue", align: "right", cell: (r) => formatMoney(r.revenueMinor, c) },
    {
      key: "partnerRevenue",
      header: "With a partner",
      align: "right",
      hideOnMobile: true,
      cell: (r) => formatMoney(r.revenueWithPartnerMinor, c),
    },
  ];
  return (
    <div>
      <fieldset className="flex gap-2 px-5 pt-3">
        <legend className="sr-only">Penetration by</legend>
        {(["region", "industry"] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={by === option}
            onClick={() => setBy(option)}
            className={
              by === option
                ? "rounded-full bg-brand-600 px-3 py-1 text-xs font-medium text-white"
                : "rounded-full bg-slate-100 px-3 py-1 text-xs text-slate-700 hover:bg-slate-200"
            }
          >
            By {option}
          </button>
        ))}
      </fieldset>
      <DataTable
        caption={`Market penetration by ${by}`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        empty={<p className="py-6 text-center text-sm text-slate-500">No customers won in this period.</p>}
      />
    </div>
  );
}

export function CohortTable({ dashboard, onSection }: { dashboard: Dashboard; onSection: OnSection }) {
  const days = (value: number | null) => (value === null ? "—" : `${Math.round(value)} days`);
  const columns: Column<CohortRow>[] = [
    { key: "cohort", header: "Activated", cell: (r) => r.cohort },
    {
      key: "partners",
      header: "Partners",
      align: "right",
      cell: (r) => (
        <DrillButton
          label={`${r.partners} partners activated in ${r.cohort}: show them`}
          onClick={() => onSection({ drillSection: "cohort", drillCohort: r.cohort })}
        >
          {r.partners}
        </DrillButton>
      ),
    },
    {
      key: "reached",
      header: "With a won deal",
      align: "right",
      cell: (r) => `${r.reached} (${formatPercent(r.partners === 0 ? null : r.reached / r.partners, 0)})`,
    },
    { key: "median", header: "Median", align: "right", cell: (r) => days(r.medianDays) },
    { key: "mean", header: "Mean", align: "right", hideOnMobile: true, cell: (r) => days(r.meanDays) },
  ];
  return (
    <DataTable
      caption="Time to first revenue by activation cohort"
      columns={columns}
      rows={dashboard.cohorts}
      rowKey={(r) => r.cohort}
      empty={<p className="py-6 text-center text-sm text-slate-500">No partner was activated in the last 24 months.</p>}
    />
  );
}

export function ReciprocityTable({
  dashboard,
  onLeads,
}: {
  dashboard: Dashboard;
  onLeads: (partner: { id: string; name: string }) => void;
}) {
  if (dashboard.reciprocity === null) {
    return <p className="px-5 py-4 text-sm text-slate-500">Lead sharing appears once leads are recorded.</p>;
  }
  const columns: Column<LeadSharingRow>[] = [
    {
      key: "name",
      header: "Partner",
      cell: (r) => (
        <Link
          to="/console/partners/$partnerId"
          params={{ partnerId: r.partnerId }}
          className="font-medium text-brand-700 hover:underline"
        >
          {r.name}
        </Link>
      ),
    },
    {
      key: "sent",
      header: "Leads sent to them",
      align: "right",
      cell: (r) => (
        <DrillButton
          label={`Leads exchanged with ${r.name}: show them`}
          onClick={() => onLeads({ id: r.partnerId, name: r.name })}
        >
          {r.sentToPartner}
        </DrillButton>
      ),
    },
    {
      key: "received",
      header: "Leads from them",
      align: "right",
      cell: (r) => (
        <DrillButton
          label={`Leads ${r.name} sent: show them`}
          onClick={() => onLeads({ id: r.partnerId, name: r.name })}
        >
          {r.receivedFromPartner}
        </DrillButton>
      ),
    },
    {
      key: "ratio",
      header: "Sent ÷ received",
      align: "right",
      cell: (r) => (r.ratio === null ? "—" : r.ratio.toFixed(2)),
    },
  ];
  return (
    <DataTable
      caption="Reciprocal lead sharing with the partners exchanging the most leads"
      columns={columns}
      rows={dashboard.reciprocity}
      rowKey={(r) => r.partnerId}
      empty={<p className="py-6 text-center text-sm text-slate-500">No leads exchanged with partners yet.</p>}
    />
  );
}

/** Partners by health band, and CLTV of partner-attached against other accounts. */
export function HealthAndValue({ dashboard, onSection }: { dashboard: Dashboard; onSection: OnSection }) {
  const c = dashboard.currency;
  const { green, yellow, red } = dashboard.health;
  const total = green + yellow + red;
  const bands = [
    { key: "green" as const, label: "Green (≥ 80)", count: green, color: "bg-emerald-500" },
    { key: "yellow" as const, label: "Yellow (50–79)", count: yellow, color: "bg-amber-400" },
    { key: "red" as const, label: "Red (< 50)", count: red, color: "bg-rose-500" },
  ];
  const cltv = [
    { label: "Partner-attached accounts", side: "partner" as const, value: dashboard.cltv.partner },
    { label: "Other accounts", side: "other" as const, value: dashboard.cltv.other },
  ];
  return (
    <div className="grid gap-6 px-5 py-4 md:grid-cols-2">
      <div data-testid="health-bands">
        <p className="text-xs font-medium text-slate-500 uppercase">Ecosystem health of active partners</p>
        <div className="mt-2 flex h-3 overflow-hidden rounded bg-slate-100" aria-hidden="true">
          {bands.map((b) => (
            <span key={b.key} className={b.color} style={{ width: `${total === 0 ? 0 : (b.count / total) * 100}%` }} />
          ))}
        </div>
        <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
          {bands.map((b) => (
            <div key={b.key}>
              <dt className="text-xs text-slate-500">{b.label}</dt>
              <dd className="font-semibold">
                <DrillButton
                  label={`${b.count} partners in the ${b.key} band: show them`}
                  onClick={() => onSection({ drillSection: "health_band", drillBand: b.key })}
                >
                  {b.count.toLocaleString("en")}
                </DrillButton>
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <div data-testid="cltv">
        <p className="text-xs font-medium text-slate-500 uppercase">
          CLTV (ARPA × {formatPercent(dashboard.cltv.grossMargin, 0)} margin ÷ churn rate)
        </p>
        <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
          {cltv.map(({ label, side, value }) => (
            <div key={label}>
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd className="text-xl font-semibold tabular-nums">{formatMoney(value.cltvMinor, c)}</dd>
              <dd className="text-xs text-slate-500">
                ARPA {formatMoney(value.arpaMinor, c)} · churn {formatPercent(value.churnRate)} a year ·{" "}
                <DrillButton
                  label={`${value.accounts} ${label.toLowerCase()}: show them`}
                  onClick={() => onSection({ drillSection: "retention", drillSide: side })}
                >
                  {value.accounts.toLocaleString("en")} accounts
                </DrillButton>
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}

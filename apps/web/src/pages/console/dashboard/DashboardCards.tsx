import type { Dashboard, DrillFigure } from "@symbiont/contracts";
import { Card, CardHeader } from "../../../components/ui/Card";
import type { OnSection } from "./DashboardMarketTables";
import { DrillButton } from "./DashboardTables";
import { formatMoney, formatPercent, formatPoints } from "./dashboardUi";

// The dashboard's summary cards: partner uplift and retention.

export function UpliftCard({ dashboard, onDrill }: { dashboard: Dashboard; onDrill: (drill: DrillFigure) => void }) {
  const u = dashboard.uplift;
  const c = dashboard.currency;
  const excludesZero = u.low !== null && u.high !== null && (u.low > 0 || u.high < 0);
  const rows = [
    { label: "Win rate", partner: formatPercent(u.partnerWinRate), direct: formatPercent(u.directWinRate) },
    {
      label: "Average won deal",
      partner: formatMoney(u.partnerAvgWonMinor, c),
      direct: formatMoney(u.directAvgWonMinor, c),
    },
    {
      label: "Average cycle (won)",
      partner: u.partnerCycleDays === null ? "—" : `${Math.round(u.partnerCycleDays)} days`,
      direct: u.directCycleDays === null ? "—" : `${Math.round(u.directCycleDays)} days`,
    },
  ];
  return (
    <Card>
      <CardHeader title="Partner uplift" description={u.method} />
      <div className="grid gap-4 px-5 py-4 md:grid-cols-[1fr_1.4fr]">
        <div>
          <p className="text-3xl font-semibold text-slate-900 tabular-nums">{formatPoints(u.difference)}</p>
          <p className="text-sm text-slate-600">
            {u.low === null || u.high === null
              ? "Needs closed partner-involved and direct-only deals to compare."
              : `95 % interval ${formatPoints(u.low)} to ${formatPoints(u.high)}`}
          </p>
          {u.low !== null ? (
            <p className={excludesZero ? "mt-1 text-sm font-medium text-emerald-700" : "mt-1 text-sm text-amber-700"}>
              {excludesZero ? "The interval excludes zero." : "The interval includes zero: no proven uplift yet."}
            </p>
          ) : null}
        </div>
        <table className="w-full text-sm">
          <caption className="sr-only">Partner-involved against direct-only deals</caption>
          <thead>
            <tr className="text-left text-xs text-slate-500 uppercase">
              <th scope="col" className="py-1">
                Closed deals
              </th>
              <th scope="col" className="py-1 text-right">
                <button type="button" className="uppercase hover:underline" onClick={() => onDrill("win_rate")}>
                  Partner-involved ({u.partnerDeals})
                </button>
              </th>
              <th scope="col" className="py-1 text-right">
                <button type="button" className="uppercase hover:underline" onClick={() => onDrill("win_rate")}>
                  Direct-only ({u.directDeals})
                </button>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 text-left font-normal text-slate-600">
                  {r.label}
                </th>
                <td className="py-1.5 text-right tabular-nums">{r.partner}</td>
                <td className="py-1.5 text-right tabular-nums">{r.direct}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** NRR and GRR of partner-attached and other accounts; the account counts open the accounts behind them. */
export function RetentionCard({ dashboard, onSection }: { dashboard: Dashboard; onSection: OnSection }) {
  const r = dashboard.retention;
  const figures = [
    { label: "NRR, partner-attached", value: r.partnerNrr, side: "partner" as const, accounts: r.partnerAccounts },
    { label: "NRR, other accounts", value: r.directNrr, side: "other" as const, accounts: r.directAccounts },
    { label: "GRR, partner-attached", value: r.partnerGrr, side: "partner" as const, accounts: null },
    { label: "GRR, other accounts", value: r.directGrr, side: "other" as const, accounts: null },
  ];
  return (
    <Card>
      <CardHeader
        title="Retention"
        description={`NRR and GRR of accounts with recurring revenue at the start of the period, ${dashboard.period.from} to ${dashboard.period.to}`}
      />
      <dl className="grid gap-4 px-5 py-4 sm:grid-cols-2 lg:grid-cols-4">
        {figures.map((f) => (
          <div key={f.label}>
            <dt className="text-xs text-slate-500 uppercase">{f.label}</dt>
            <dd className="text-xl font-semibold text-slate-900 tabular-nums">{formatPercent(f.value)}</dd>
            <dd className="text-xs text-slate-500">
              {f.accounts === null ? (
                "without expansion"
              ) : (
                <DrillButton
                  label={`${f.accounts} accounts behind ${f.label}: show them`}
                  onClick={() => onSection({ drillSection: "retention", drillSide: f.side })}
                >
                  {f.accounts} accounts
                </DrillButton>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

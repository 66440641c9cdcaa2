import type { PartnerScorecard, PeerBenchmark } from "@symbiont/contracts";
import { Card, CardHeader } from "../../components/ui/Card";
import { cn } from "../../lib/format";
import { describeChange, formatFigure, formatMoney, seriesColors } from "../console/dashboard/dashboardUi";

const metricLabels: Record<string, string> = {
  sourced_revenue: "Sourced revenue",
  influenced_revenue: "Influenced revenue",
  approved_registrations: "Approved registrations",
  won_deals: "Won deals",
  certified_people: "Certified people",
  engagement_score: "Engagement score",
  points: "Points",
};

function MonthlyBars({ card }: { card: PartnerScorecard }) {
  const width = 640;
  const height = 160;
  const max = Math.max(1, ...card.trend.map((m) => m.sourcedMinor + m.influencedMinor));
  const band = (width - 8) / Math.max(1, card.trend.length);
  return (
    <figure className="px-5 py-4">
      <svg
        viewBox={`0 0 ${width} ${height + 18}`}
        className="h-auto w-full"
        role="img"
        aria-labelledby="scorecard-trend"
      >
        <title id="scorecard-trend">Sourced revenue and attributed credit by month</title>
        {card.trend.map((m, i) => {
          const s = (m.sourcedMinor / max) * height;
          const inf = (m.influencedMinor / max) * height;
          const x = 4 + i * band + 3;
          return (
            <g key={m.month}>
              <rect x={x} y={height - s} width={band - 6} height={s} fill={seriesColors.sourced} />
              <rect x={x} y={height - s - inf} width={band - 6} height={inf} fill={seriesColors.influenced} />
              <text x={x + (band - 6) / 2} y={height + 13} fontSize="9" textAnchor="middle" fill="#64748b">
                {m.month.slice(2, 7)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">Show the numbers</summary>
        <table className="mt-2 w-full text-left text-xs">
          <caption className="sr-only">Sourced revenue and attributed credit by month</caption>
          <thead>
            <tr className="text-slate-500">
              <th scope="col">Month</th>
              <th scope="col" className="text-right">
                Sourced
              </th>
              <th scope="col" className="text-right">
                Attributed credit
              </th>
            </tr>
          </thead>
          <tbody>
            {card.trend.map((m) => (
              <tr key={m.month} className="border-t border-slate-100">
                <th scope="row" className="font-normal">
                  {m.month.slice(0, 7)}
                </th>
                <td className="text-right tabular-nums">{formatMoney(m.sourcedMinor, card.currency, false)}</td>
                <td className="text-right tabular-nums">{formatMoney(m.influencedMinor, card.currency, false)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function Benchmark({ benchmark, currency }: { benchmark: PeerBenchmark; currency: string }) {
  if (!benchmark.available) {
    return (
      <p className="px-5 py-4 text-sm text-slate-600" data-testid="benchmark-unavailable">
        {benchmark.message}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100" data-testid="benchmark">
      {benchmark.metrics.map((m) => {
        const max = Math.max(1, m.value, m.q3) * 1.1;
        const pos = (v: number) => `${(v / max) * 100}%`;
        const show = (v: number) => formatFigure(m.unit, v, currency);
        return (
          <li key={m.key} className="px-5 py-3">
            <p className="text-sm font-medium text-slate-800">{m.label}</p>
            <div className="relative mt-2 h-4 rounded bg-slate-100" aria-hidden="true">
              <span
                className="absolute top-0 h-4 rounded bg-slate-300"
                style={{ left: pos(m.q1), width: `calc(${pos(m.q3)} - ${pos(m.q1)} + 2px)` }}
              />
              <span className="absolute top-0 h-4 w-0.5 bg-slate-600" style={{ left: pos(m.median) }} />
              <span
                className="absolute -top-1 size-6 -translate-x-1/2 rounded-full border-2 border-white bg-brand-600"
                style={{ left: pos(m.value) }}
              />
            </div>
            <p className="mt-1 text-xs text-slate-600">
              You: <b>{show(m.value)}</b> · peer median {show(m.median)} · middle half {show(m.q1)} to {show(m.q3)}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** A partner's scorecard; the same view in the console (any partner) and the portal (its own). */
export function ScorecardView({ card }: { card: PartnerScorecard }) {
  return (
    <div className="space-y-6" data-testid="scorecard">
      <p className="text-sm text-slate-500">
        {card.period.from} to {card.period.to}, compared with {card.period.previousFrom} to {card.period.previousTo}.
        Amounts in {card.currency}. Attribution model: {card.model}.
        {card.refreshedAt
          ? ` Figures from the read models of ${card.refreshedAt.slice(0, 16).replace("T", " ")} UTC.`
          : ""}
      </p>
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" aria-label="Scorecard figures">
        {card.figures.map((f) => {
          const change = describeChange(f.change);
          return (
            <li
              key={f.key}
              className="rounded-xl border border-slate-200 bg-white p-4 shadow-card"
              title={f.definition}
            >
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{f.label}</p>
              <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">
                {formatFigure(f.unit, f.value, card.currency)}
              </p>
              <p
                className={cn(
                  "text-xs",
                  change.direction === "up"
                    ? "text-emerald-700"
                    : change.direction === "down"
                      ? "text-rose-700"
                      : "text-slate-500",
                )}
              >
                {change.text}
              </p>
            </li>
          );
        })}
      </ul>
      <Card>
        <CardHeader title="Trend" description="Sourced revenue and attributed credit by close month" />
        <MonthlyBars card={card} />
      </Card>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Tier progress" description="Toward the next tier of each program" />
          {card.tiers.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-500">Not a member of any program yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {card.tiers.map((t) => (
                <li key={t.programId} className="px-5 py-3">
                  <p className="text-sm font-medium text-slate-900">
                    {t.programName}: {t.tierName ?? "no tier yet"}
                    {t.nextTierName ? (
                      <span className="font-normal text-slate-500"> → {t.nextTierName}</span>
                    ) : (
                      " (top tier)"
                    )}
                  </p>
                  {t.criteria.map((c) => {
                    const share =
                      c.min > 0 && c.value !== null ? Math.min(1, c.value / c.min) : c.value !== null ? 1 : 0;
                    return (
                      <div key={c.metric} className="mt-2">
                        <div className="flex justify-between text-xs text-slate-600">
                          <span>{metricLabels[c.metric] ?? c.metric}</span>
                          <span className="tabular-nums">
                            {c.value === null ? "not evaluated yet" : c.value.toLocaleString("en")} /{" "}
                            {c.min.toLocaleString("en")}
                          </span>
                        </div>
                        <div
                          role="progressbar"
                          aria-label={`${metricLabels[c.metric] ?? c.metric} toward ${t.nextTierName ?? "the next tier"}`}
                          aria-valuemin={0}
                          aria-valuemax={100}
                          aria-valuenow={Math.round(share * 100)}
                          className="mt-1 h-1.5 rounded-full bg-slate-100"
                        >
                          <div className="h-full rounded-full bg-brand-600" style={{ width: `${share * 100}%` }} />
                        </div>
                      </div>
                    );
                  })}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardHeader
            title="Health signals"
            description={
              card.healthScore === null
                ? "Engagement and results against the period before"
                : `Ecosystem health ${card.healthScore.toFixed(0)} of 100 (${card.healthBand}); engagement and results against the period before`
            }
          />
          <ul className="divide-y divide-slate-100">
            {card.health.map((h) => (
              <li key={h.key} className="flex items-center justify-between px-5 py-3 text-sm">
                <span className="text-slate-700">{h.label}</span>
                <span className="tabular-nums">
                  <b>{h.value ?? "—"}</b>
                  {h.previous === null ? null : <span className="text-slate-500"> vs {h.previous}</span>}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      {card.benchmark ? (
        <Card>
          <CardHeader
            title="Compared with similar partners"
            description={`Anonymous: partners with your role sharing a region (${card.benchmark.peers}). Median and middle half.`}
          />
          <Benchmark benchmark={card.benchmark} currency={card.currency} />
        </Card>
      ) : null}
    </div>
  );
}

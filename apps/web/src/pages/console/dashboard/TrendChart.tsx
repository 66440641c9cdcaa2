import type { DrillFigure, TrendPoint } from "@symbiont/contracts";
import { formatMoney, formatPercent, seriesColors } from "./dashboardUi";

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { left: 64, right: 12, top: 12, bottom: 30 };

/** Each series with the headline figure whose deals it sums (direct-only has none of its own). */
const series = [
  { key: "sourcedMinor", label: "Partner-sourced", color: seriesColors.sourced, drill: "sourced_revenue" },
  { key: "influencedMinor", label: "Partner-influenced", color: seriesColors.influenced, drill: "influenced_revenue" },
  { key: "directMinor", label: "Direct-only", color: seriesColors.direct, drill: null },
] as const;

const monthLabel = (month: string) =>
  new Date(`${month}T00:00:00Z`).toLocaleDateString("en", { month: "short", year: "2-digit", timeZone: "UTC" });

/**
 * Won revenue by month as grouped bars, with the same numbers in a table for screen readers and
 * for anyone who prefers to read them.
 */
export function TrendChart({
  points,
  currency,
  onMonth,
}: {
  points: TrendPoint[];
  currency: string;
  /** Opens the deals behind a month's figure (`YYYY-MM`). */
  onMonth: (figure: DrillFigure, month: string) => void;
}) {
  const max = Math.max(1, ...points.flatMap((p) => series.map((s) => p[s.key])));
  const band = (WIDTH - PAD.left - PAD.right) / Math.max(1, points.length);
  const bar = Math.max(1, (band - 8) / series.length);
  const y = (v: number) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / max);
  const every = Math.ceil(points.length / 12);
  return (
    <figure className="px-5 py-4">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="img" aria-labelledby="trend-title">
        <title id="trend-title">Won revenue by month: partner-sourced, partner-influenced and direct-only</title>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max * t)} y2={y(max * t)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(max * t) + 4} fontSize="10" textAnchor="end" fill="#64748b">
              {formatMoney(max * t, currency)}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <g key={p.month}>
            {series.map((s, j) => {
              const top = y(p[s.key]);
              return (
                <rect
                  key={s.key}
                  x={PAD.left + i * band + 4 + j * bar}
                  y={top}
                  width={bar}
                  height={Math.max(0, HEIGHT - PAD.bottom - top)}
                  fill={s.color}
                  rx={1.5}
                >
                  <title>{`${monthLabel(p.month)} · ${s.label}: ${formatMoney(p[s.key], currency, false)}`}</title>
                </rect>
              );
            })}
            {i % every === 0 ? (
              <text x={PAD.left + i * band + band / 2} y={HEIGHT - 10} fontSize="10" textAnchor="middle" fill="#64748b">
                {monthLabel(p.month)}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600">
        {series.map((s) => (
          <span key={s.key} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </figcaption>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-brand-700">Show the numbers</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-xs">
            <caption className="sr-only">Won revenue and win rates by month</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-500">
                <th scope="col" className="py-1 pr-3">
                  Month
                </th>
                {series.map((s) => (
                  <th scope="col" key={s.key} className="py-1 pr-3 text-right">
                    {s.label}
                  </th>
                ))}
                <th scope="col" className="py-1 pr-3 text-right">
                  Partner win rate
                </th>
                <th scope="col" className="py-1 text-right">
                  Direct win rate
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.month} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    <button
                      type="button"
                      className="text-brand-700 hover:underline"
                      onClick={() => onMonth("won_deals", p.month.slice(0, 7))}
                      aria-label={`Deals won in ${monthLabel(p.month)}: show them`}
                    >
                      {monthLabel(p.month)}
                    </button>
                  </th>
                  {series.map((s) => (
                    <td key={s.key} className="py-1 pr-3 text-right tabular-nums">
                      {s.drill ? (
                        <button
                          type="button"
                          className="text-brand-700 hover:underline"
                          onClick={() => onMonth(s.drill, p.month.slice(0, 7))}
                          aria-label={`${s.label} deals won in ${monthLabel(p.month)}: show them`}
                        >
                          {formatMoney(p[s.key], currency, false)}
                        </button>
                      ) : (
                        formatMoney(p[s.key], currency, false)
                      )}
                    </td>
                  ))}
                  <td className="py-1 pr-3 text-right tabular-nums">{formatPercent(p.partnerWinRate)}</td>
                  <td className="py-1 text-right tabular-nums">{formatPercent(p.directWinRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

import type { AttributionComparison } from "@symbiont/contracts";
import { colorOf, formatCredit, formatMoney, modelLabel } from "./attributionUi";

const LABEL = 170;
const WIDTH = 720;

/** Grouped horizontal bars: each channel's attributed revenue under every model of the snapshot. */
export function ComparisonChart({ comparison }: { comparison: AttributionComparison }) {
  const rows = comparison.rows.slice(0, 8);
  const max = Math.max(1, ...rows.flatMap((r) => r.revenueMinor));
  const models = comparison.models;
  const groupHeight = models.length * 8 + 14;
  const height = rows.length * groupHeight + 10;
  return (
    <figure className="px-5 py-4">
      <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Models">
        {models.map((m, i) => (
          <li key={m.model} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block size-2.5 rounded-sm" style={{ background: colorOf(i) }} />
            {modelLabel(m.model)}
          </li>
        ))}
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label="Attributed revenue per channel under each model; the table below lists the same figures"
      >
        {rows.map((row, r) => (
          <g key={row.channel} transform={`translate(0, ${r * groupHeight})`}>
            <text
              x={LABEL - 10}
              y={groupHeight / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className="fill-slate-700 text-[12px]"
            >
              {row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label}
            </text>
            {models.map((m, i) => (
              <rect
                key={m.model}
                x={LABEL}
                y={6 + i * 8}
                height={6}
                width={Math.max(0, ((WIDTH - LABEL - 20) * (row.revenueMinor[i] ?? 0)) / max)}
                fill={colorOf(i)}
              >
                <title>{`${row.label}, ${modelLabel(m.model)}: ${formatMoney(row.revenueMinor[i] ?? 0, comparison.reportingCurrency)}`}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="sr-only">Model comparison chart</figcaption>
    </figure>
  );
}

/** The comparison as a table: conversions and revenue per channel, one column per model. */
export function ComparisonTable({ comparison }: { comparison: AttributionComparison }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Credit per channel under each model (conversions, then revenue)</caption>
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50/80">
            <th scope="col" className="px-5 py-2 text-xs font-semibold text-slate-500 uppercase">
              Channel
            </th>
            {comparison.models.map((m) => (
              <th
                key={m.model}
                scope="col"
                className="px-3 py-2 text-right text-xs font-semibold text-slate-500 uppercase"
              >
                {modelLabel(m.model)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => (
            <tr key={row.channel} className="border-b border-slate-100">
              <th scope="row" className="px-5 py-2 font-medium text-slate-800">
                {row.label}
              </th>
              {comparison.models.map((m, i) => (
                <td key={m.model} className="px-3 py-2 text-right tabular-nums">
                  <span className="block">{formatMoney(row.revenueMinor[i] ?? 0, comparison.reportingCurrency)}</span>
                  <span className="block text-xs text-slate-500">{formatCredit(row.conversions[i])} conv.</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

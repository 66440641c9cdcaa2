import { colorOf, formatMoney } from "./attributionUi";

export interface Flow {
  key: string;
  label: string;
  value: number;
}

const WIDTH = 720;
const LEFT = 200;
const RIGHT = WIDTH - 150;
const GAP = 6;
const MAX_FLOWS = 10;

/** Keeps the largest flows and folds the rest into "Other partners". */
function topFlows(flows: readonly Flow[]): Flow[] {
  const sorted = flows.filter((f) => f.value > 0).sort((a, b) => b.value - a.value);
  if (sorted.length <= MAX_FLOWS) return sorted;
  const rest = sorted.slice(MAX_FLOWS - 1);
  return [
    ...sorted.slice(0, MAX_FLOWS - 1),
    { key: "other", label: `${rest.length} other channels`, value: rest.reduce((s, f) => s + f.value, 0) },
  ];
}

/**
 * Flow (sankey) chart from channels on the left to won revenue on the right; band width is the
 * channel's attributed revenue. A table with the same figures follows for screen readers.
 */
export function FlowChart({
  flows,
  currency,
  title,
  onFlow,
  flowAction = "show the records behind it",
}: {
  flows: readonly Flow[];
  currency: string;
  title: string;
  /** When given, each flow (not the folded "other" one) is a button opening the records behind it. */
  onFlow?: (key: string) => void;
  /** What the button does, for its accessible name. */
  flowAction?: string;
}) {
  const shown = topFlows(flows);
  const total = shown.reduce((s, f) => s + f.value, 0);
  if (total <= 0) return <p className="px-5 py-8 text-center text-sm text-slate-500">No attributed revenue yet.</p>;
  const height = Math.max(160, shown.length * 34);
  const usable = height - GAP * (shown.length - 1);
  const scale = usable / total;
  let leftY = 0;
  let rightY = (height - total * scale) / 2;
  const bands = shown.map((flow, i) => {
    const thickness = Math.max(1, flow.value * scale);
    const band = { flow, i, y0: leftY, y1: leftY + thickness, r0: rightY, r1: rightY + thickness };
    leftY += thickness + GAP;
    rightY += thickness;
    return band;
  });
  const mid = (LEFT + RIGHT) / 2;
  return (
    <figure className="px-5 py-4">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label={`${title}: ${shown.map((f) => `${f.label} ${formatMoney(f.value, currency)}`).join(", ")}`}
      >
        <title>{title}</title>
        {bands.map(({ flow, i, y0, y1, r0, r1 }) => (
          <g key={flow.key}>
            <path
              d={`M${LEFT},${y0} C${mid},${y0} ${mid},${r0} ${RIGHT},${r0} L${RIGHT},${r1} C${mid},${r1} ${mid},${y1} ${LEFT},${y1} Z`}
              fill={colorOf(i)}
              fillOpacity={0.35}
            />
            <rect x={LEFT - 8} y={y0} width={8} height={y1 - y0} fill={colorOf(i)} />
            <text
              x={LEFT - 14}
              y={(y0 + y1) / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className="fill-slate-700 text-[12px]"
            >
              {flow.label.length > 26 ? `${flow.label.slice(0, 25)}…` : flow.label}
            </text>
          </g>
        ))}
        <rect x={RIGHT} y={(height - total * scale) / 2} width={10} height={total * scale} fill="#0f172a" />
        <text x={RIGHT + 16} y={height / 2 - 8} className="fill-slate-900 text-[13px] font-semibold">
          Won revenue
        </text>
        <text x={RIGHT + 16} y={height / 2 + 10} className="fill-slate-600 text-[12px]">
          {formatMoney(total, currency)}
        </text>
      </svg>
      <figcaption className="sr-only">{title}</figcaption>
      {onFlow ? (
        <ul className="mt-3 flex flex-wrap gap-2" aria-label={`${title}: open the records behind a flow`}>
          {shown
            .filter((f) => f.key !== "other")
            .map((f, i) => (
              <li key={f.key}>
                <button
                  type="button"
                  className="inline-flex items-center gap-2 rounded-md border border-slate-200 px-2.5 py-1 text-sm text-slate-700 hover:border-brand-300 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-500"
                  onClick={() => onFlow(f.key)}
                  aria-label={`${f.label}: ${formatMoney(f.value, currency)}, ${flowAction}`}
                  data-testid={`flow-${f.key}`}
                >
                  <span aria-hidden="true" className="h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: colorOf(i) }} />
                  {f.label}
                  <span className="tabular-nums text-slate-500">{formatMoney(f.value, currency)}</span>
                </button>
              </li>
            ))}
        </ul>
      ) : null}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-600">Show the figures as a table</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 font-medium text-slate-500">
                Channel
              </th>
              <th scope="col" className="py-1 text-right font-medium text-slate-500">
                Attributed revenue
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr key={f.key} className="border-t border-slate-100">
                <td className="py-1">{f.label}</td>
                <td className="py-1 text-right tabular-nums">{formatMoney(f.value, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

import { cn } from "../../../lib/format";

/** A 0–100 fit score as a labelled bar. */
export function FitBar({ score, label }: { score: number | null; label: string }) {
  if (score === null) return <span className="text-xs text-slate-500">No profile yet</span>;
  const tone = score >= 70 ? "bg-emerald-500" : score >= 40 ? "bg-amber-500" : "bg-red-400";
  return (
    <div className="flex min-w-32 items-center gap-2">
      <meter className="sr-only" min={0} max={100} value={score} aria-label={label} />
      <div className="h-2 w-24 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        <div className={cn("h-full rounded-full", tone)} style={{ width: `${Math.max(2, score)}%` }} />
      </div>
      <span className="w-10 text-right text-sm font-medium tabular-nums text-slate-900">{Math.round(score)}</span>
    </div>
  );
}

import type { PortalTierStanding, TierRequirement } from "@symbiont/contracts";
import { moneyTierMetrics, type TierMetric } from "@symbiont/contracts";
import { cn } from "../../lib/format";

function formatValue(requirement: TierRequirement, currency: string): string {
  if (requirement.kind === "check") return requirement.met ? "Done" : "Not yet";
  if (moneyTierMetrics.includes(requirement.key as TierMetric)) {
    let digits = 2;
    try {
      digits =
        new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    const format = (minor: number) =>
      new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(
        minor / 10 ** digits,
      );
    return `${format(requirement.current)} of ${format(requirement.required)}`;
  }
  return `${requirement.current.toLocaleString("en-US")} of ${requirement.required.toLocaleString("en-US")}`;
}

/** One labelled progress bar per requirement of the next tier. */
export function RequirementProgress({ requirement, currency }: { requirement: TierRequirement; currency: string }) {
  const percent = Math.round(requirement.progress * 100);
  return (
    <li className="space-y-1">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="font-medium text-slate-800">{requirement.label}</span>
        <span className={requirement.met ? "text-emerald-700" : "text-slate-600"}>
          {formatValue(requirement, currency)}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={requirement.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={cn("h-full rounded-full", requirement.met ? "bg-emerald-500" : "bg-brand-600")}
          style={{ width: `${percent}%` }}
        />
      </div>
    </li>
  );
}

/** "2 more certified people and $40,000 more sourced revenue to reach Gold." */
export function nextStepSentence(standing: PortalTierStanding): string {
  if (!standing.nextTier) return "You are at the top tier of this program.";
  if (!standing.summary)
    return `You meet every requirement for ${standing.nextTier.name}; your partner manager will confirm the change.`;
  return `${standing.summary} to reach ${standing.nextTier.name}.`;
}

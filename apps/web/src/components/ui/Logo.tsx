import { cn } from "../../lib/format";

/** The Symbiont mark: two organisms overlapping — the shared middle is where value is made. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={cn("shrink-0", className)} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="fill-brand-700" />
      <circle cx="12.5" cy="16" r="6.5" fill="none" strokeWidth="2.5" className="stroke-brand-100" />
      <circle cx="19.5" cy="16" r="6.5" fill="none" strokeWidth="2.5" className="stroke-brand-300" />
      <path d="M16 10.6a6.5 6.5 0 0 1 0 10.8 6.5 6.5 0 0 1 0-10.8z" className="fill-brand-300/50" />
    </svg>
  );
}

export function Logo({ className, inverted = false }: { className?: string; inverted?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2.5", className)}>
      <LogoMark className="size-8" />
      <span className={cn("text-lg font-semibold tracking-tight", inverted ? "text-white" : "text-slate-900")}>
        Symbiont
      </span>
    </span>
  );
}

import { cn } from "../../lib/format";

export function Spinner({ className, label }: { className?: string; label?: string }) {
  return (
    <span role={label ? "status" : undefined} className="inline-flex items-center gap-2">
      <svg
        viewBox="0 0 24 24"
        className={cn("size-4 animate-spin", className)}
        aria-hidden="true"
        focusable="false"
        fill="none"
      >
        <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}

export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden="true" className={cn("block animate-pulse rounded-md bg-slate-200/80", className)} />;
}

/** A centered loading state for whole pages or panels. */
export function LoadingBlock({ label = "Loading…", className }: { label?: string; className?: string }) {
  return (
    <div className={cn("flex min-h-40 items-center justify-center text-slate-500", className)}>
      <span role="status" className="inline-flex items-center gap-2 text-sm">
        <Spinner className="size-5 text-brand-600" />
        {label}
      </span>
    </div>
  );
}

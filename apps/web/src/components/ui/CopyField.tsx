import { useEffect, useId, useRef, useState } from "react";
import { cn } from "../../lib/format";
import { CheckIcon, CopyIcon } from "./icons";

/** A read-only value with a copy button; announces the result to screen readers. */
export function CopyField({
  label,
  value,
  hint,
  className,
  monospace = true,
}: {
  label: string;
  value: string;
  hint?: string;
  className?: string;
  monospace?: boolean;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (status === "idle") return;
    const timer = window.setTimeout(() => setStatus("idle"), 2500);
    return () => window.clearTimeout(timer);
  }, [status]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("copied");
    } catch {
      inputRef.current?.select();
      setStatus("failed");
    }
  }

  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex rounded-lg shadow-xs">
        <input
          ref={inputRef}
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className={cn(
            "h-10 min-w-0 flex-1 rounded-l-lg border border-slate-300 bg-slate-50 px-3 text-sm text-slate-900 focus:border-brand-600 focus:outline-2 focus:outline-brand-600/25",
            monospace && "font-mono",
          )}
        />
        <button
          type="button"
          onClick={copy}
          className="inline-flex h-10 items-center gap-1.5 rounded-r-lg border border-l-0 border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          {status === "copied" ? <CheckIcon className="text-emerald-600" /> : <CopyIcon />}
          {status === "copied" ? "Copied" : "Copy"}
        </button>
      </div>
      <p role="status" className="sr-only">
        {status === "copied" ? `${label} copied to clipboard` : status === "failed" ? "Copy failed; text selected" : ""}
      </p>
      {status === "failed" ? (
        <p className="text-sm text-amber-700">
          Copying was blocked by the browser — the text is selected, press Ctrl+C.
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

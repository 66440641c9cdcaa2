import type { ReactNode } from "react";
import { cn } from "../../lib/format";
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from "./icons";

export type AlertTone = "info" | "success" | "warning" | "danger";

const tones: Record<AlertTone, string> = {
  info: "border-sky-200 bg-sky-50 text-sky-900",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  danger: "border-red-200 bg-red-50 text-red-900",
};

const icons: Record<AlertTone, ReactNode> = {
  info: <InfoIcon />,
  success: <CheckIcon />,
  warning: <AlertIcon />,
  danger: <AlertIcon />,
};

/** Inline message. Danger alerts are announced immediately (role="alert"). */
export function Alert({
  tone = "info",
  title,
  children,
  onDismiss,
  className,
  live = tone === "danger" ? "alert" : "status",
  ...rest
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  onDismiss?: () => void;
  className?: string;
  live?: "alert" | "status" | "none";
  "data-testid"?: string;
}) {
  return (
    <div
      role={live === "none" ? undefined : live}
      className={cn("flex gap-3 rounded-lg border px-4 py-3 text-sm", tones[tone], className)}
      data-testid={rest["data-testid"]}
    >
      <span className="mt-0.5 text-base">{icons[tone]}</span>
      <div className="min-w-0 flex-1 space-y-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="leading-relaxed">{children}</div> : null}
      </div>
      {onDismiss ? (
        <button
          type="button"
          onClick={onDismiss}
          className="-m-1 h-fit rounded-md p-1 opacity-70 hover:bg-black/5 hover:opacity-100"
          aria-label="Dismiss"
        >
          <CloseIcon />
        </button>
      ) : null}
    </div>
  );
}

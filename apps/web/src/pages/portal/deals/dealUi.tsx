import type { ConflictDecisionValue, RegistrationStatus } from "@symbiont/contracts";
import { Badge, type BadgeTone } from "../../../components/ui/Badge";

const STATUS: Record<RegistrationStatus, { label: string; tone: BadgeTone }> = {
  draft: { label: "Draft", tone: "neutral" },
  submitted: { label: "Submitted", tone: "info" },
  under_review: { label: "In review", tone: "info" },
  approved: { label: "Approved", tone: "success" },
  rejected: { label: "Rejected", tone: "danger" },
  converted: { label: "Converted", tone: "brand" },
  expired: { label: "Expired", tone: "warning" },
  withdrawn: { label: "Withdrawn", tone: "neutral" },
};

export function StatusBadge({ status }: { status: RegistrationStatus }) {
  const s = STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

const DECISION: Record<ConflictDecisionValue, { label: string; tone: BadgeTone }> = {
  clear: { label: "No conflict", tone: "success" },
  review: { label: "Needs review", tone: "warning" },
  conflict: { label: "Conflict", tone: "danger" },
};

export function DecisionBadge({ decision }: { decision: ConflictDecisionValue }) {
  const d = DECISION[decision];
  return <Badge tone={d.tone}>{d.label}</Badge>;
}

export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null || currency === null) return "—";
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${amount.toLocaleString()} ${currency}`;
  }
}

/** "42 days left" / "expires today" / "expired", with a tone for the urgency. */
export function protectionLeft(expiresAt: string | null, now = Date.now()): { text: string; tone: BadgeTone } | null {
  if (!expiresAt) return null;
  const ms = Date.parse(expiresAt) - now;
  if (ms <= 0) return { text: "Protection ended", tone: "neutral" };
  const days = Math.floor(ms / 86_400_000);
  if (days === 0) return { text: "Protection ends today", tone: "danger" };
  return { text: `${days} day${days === 1 ? "" : "s"} of protection left`, tone: days <= 7 ? "warning" : "success" };
}

export function ProtectionCountdown({ expiresAt }: { expiresAt: string | null }) {
  const left = protectionLeft(expiresAt);
  if (!left) return null;
  return (
    <Badge tone={left.tone}>
      <span data-testid="protection-countdown">{left.text}</span>
    </Badge>
  );
}

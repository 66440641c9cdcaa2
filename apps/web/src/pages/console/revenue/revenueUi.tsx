import type { OpportunityClassification, OpportunityOutcome } from "@symbiont/contracts";
import { Badge, type BadgeTone } from "../../../components/ui/Badge";

const digitsOf = (currency: string) =>
  new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Integer minor units as money: 123456 USD → $1,234.56. */
export function formatMinor(amount: number | null | undefined, currency: string | null | undefined, fallback = "—") {
  if (amount === null || amount === undefined || !currency) return fallback;
  try {
    const digits = digitsOf(currency);
    return new Intl.NumberFormat(undefined, { style: "currency", currency, maximumFractionDigits: digits }).format(
      amount / 10 ** digits,
    );
  } catch {
    return `${amount} ${currency}`;
  }
}

const outcomeTone: Record<OpportunityOutcome, BadgeTone> = { open: "info", won: "success", lost: "neutral" };
export function OutcomeBadge({ outcome }: { outcome: OpportunityOutcome }) {
  return <Badge tone={outcomeTone[outcome]}>{outcome === "open" ? "Open" : outcome === "won" ? "Won" : "Lost"}</Badge>;
}

const classLabels = { sourced: "Partner-sourced", influenced: "Partner-influenced", direct: "Direct" } as const;
const classTones: Record<OpportunityClassification["kind"], BadgeTone> = {
  sourced: "brand",
  influenced: "warning",
  direct: "neutral",
};
export function ClassificationBadge({ classification }: { classification: OpportunityClassification }) {
  return (
    <span className="inline-flex gap-1">
      <Badge tone={classTones[classification.kind]} dot>
        {classLabels[classification.kind]}
      </Badge>
      {classification.accelerated ? <Badge tone="success">Accelerated</Badge> : null}
    </span>
  );
}

export const touchTypeLabel = (type: string) => type.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

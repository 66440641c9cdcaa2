import type { LeadActivity, LeadDetail, LeadProgressStatus, LeadRecord, LeadStatus } from "@symbiont/contracts";
import { useEffect, useState } from "react";
import { Badge, type BadgeTone } from "../../components/ui/Badge";
import { formatDateTime, formatRelative } from "../../lib/format";

export const statusLabels: Record<LeadStatus, string> = {
  unassigned: "Not passed on",
  offered: "Waiting for an answer",
  pooled: "In the pool",
  accepted: "Accepted",
  declined: "Declined",
  contacted: "Contacted",
  qualified: "Qualified",
  converted: "Converted",
  lost: "Lost",
};

const statusTones: Record<LeadStatus, BadgeTone> = {
  unassigned: "neutral",
  offered: "warning",
  pooled: "info",
  accepted: "brand",
  declined: "danger",
  contacted: "brand",
  qualified: "brand",
  converted: "success",
  lost: "neutral",
};

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return (
    <Badge tone={statusTones[status]} dot>
      {statusLabels[status]}
    </Badge>
  );
}

export const progressLabels: Record<LeadProgressStatus, string> = {
  contacted: "Contacted",
  qualified: "Qualified",
  converted: "Converted (won)",
  lost: "Lost",
};

/** The next steps a holder may report from `status`. */
export function nextProgress(status: LeadStatus): LeadProgressStatus[] {
  const order: LeadProgressStatus[] = ["contacted", "qualified", "converted"];
  const rank = { accepted: 0, contacted: 1, qualified: 2 } as Record<string, number>;
  const from = rank[status];
  if (from === undefined) return [];
  return [...order.slice(from), "lost"];
}

export function formatAmount(lead: Pick<LeadRecord, "amountMinor" | "currency">): string {
  if (lead.amountMinor === null) return "—";
  const currency = lead.currency ?? "USD";
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency, maximumFractionDigits: 0 }).format(
      lead.amountMinor / 100,
    );
  } catch {
    return `${(lead.amountMinor / 100).toFixed(0)} ${currency}`;
  }
}

/** "3 h 12 min left", updated every 30 seconds; "Deadline passed" afterwards. */
export function Countdown({ until }: { until: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const left = Date.parse(until) - now;
  if (left <= 0) return <Badge tone="danger">Deadline passed</Badge>;
  const hours = Math.floor(left / 3600_000);
  const minutes = Math.floor((left % 3600_000) / 60_000);
  const text =
    hours >= 48
      ? `${Math.floor(hours / 24)} days left`
      : hours > 0
        ? `${hours} h ${minutes} min left`
        : `${minutes} min left`;
  return (
    <span title={`Answer by ${formatDateTime(until)}`}>
      <Badge tone={hours < 4 ? "danger" : "warning"}>{text}</Badge>
    </span>
  );
}

const activityText: Record<string, (a: LeadActivity) => string> = {
  "lead.created": () => "Lead recorded",
  "lead.offered": (a) => `Offered to ${a.partnerName ?? "a partner"}`,
  "lead.accepted": (a) => `Accepted by ${a.partnerName ?? "the vendor"}`,
  "lead.declined": (a) => `Declined by ${a.partnerName ?? "the vendor"}`,
  "lead.claimed": (a) => `Claimed from the pool by ${a.partnerName ?? "a partner"}`,
  "lead.pooled": () => "Placed in the pool",
  "lead.returned": () => "Back with the vendor",
  "lead.status_changed": (a) => `Status: ${a.status ? statusLabels[a.status] : "updated"}`,
  "referral.sent": (a) => `Referral sent by ${a.partnerName ?? "a partner"}`,
  "referral.accepted": (a) => `Accepted by ${a.partnerName ?? "the vendor"}`,
  "referral.declined": (a) => `Declined by ${a.partnerName ?? "the vendor"}`,
  "referral.status_changed": (a) => `Status: ${a.status ? statusLabels[a.status] : "updated"}`,
};

/** The lead's timeline, oldest first, as an ordered list. */
export function LeadTimeline({ lead }: { lead: LeadDetail }) {
  if (lead.activities.length === 0) return <p className="text-sm text-slate-500">Nothing has happened yet.</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" aria-label="Lead timeline">
      {lead.activities.map((a) => (
        <li key={a.id} className="relative">
          <span
            aria-hidden="true"
            className="absolute top-1.5 -left-[25px] size-2.5 rounded-full bg-brand-500 ring-4 ring-white"
          />
          <p className="text-sm font-medium text-slate-900">{(activityText[a.type] ?? (() => a.type))(a)}</p>
          {a.note ? <p className="mt-0.5 text-sm text-slate-600">“{a.note}”</p> : null}
          <p className="mt-0.5 text-xs text-slate-500">
            <time dateTime={a.at} title={formatDateTime(a.at)}>
              {formatRelative(a.at)}
            </time>
            {a.actor ? ` · ${a.actor}` : ""}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** Key facts of a lead as a description list. */
export function LeadFacts({ lead }: { lead: LeadDetail }) {
  const rows: [string, string][] = [
    ["Company", lead.company],
    ["Domain", lead.domain ?? "—"],
    ["Country", lead.country ?? "—"],
    ["Estimated amount", formatAmount(lead)],
    ["From", lead.sender.name],
    ["To", lead.recipient?.name ?? (lead.status === "pooled" ? "The pool" : "Not passed on")],
  ];
  if (lead.contact) {
    rows.push(["Contact", lead.contact.contactName ?? "—"]);
    rows.push(["Email", lead.contact.contactEmail ?? "—"]);
    rows.push(["Phone", lead.contact.contactPhone ?? "—"]);
  }
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
          <dd className="mt-0.5 break-words text-slate-900">{value}</dd>
        </div>
      ))}
      {lead.need ? (
        <div className="sm:col-span-2">
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">Need</dt>
          <dd className="mt-0.5 whitespace-pre-line text-slate-900">{lead.need}</dd>
        </div>
      ) : null}
      {!lead.contact ? (
        <p className="text-sm text-slate-500 sm:col-span-2">
          Contact details show once your organization holds the lead.
        </p>
      ) : null}
    </dl>
  );
}

/** Vendor roles that may record and pass on leads. */
export function isLeadWriter(role: string | undefined): boolean {
  return role === "admin" || role === "partner_manager" || role === "marketing";
}

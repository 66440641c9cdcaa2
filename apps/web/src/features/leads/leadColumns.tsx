import type { LeadRecord } from "@symbiont/contracts";
import { Link } from "@tanstack/react-router";
import type { Column } from "../../components/ui/Table";
import { formatRelative } from "../../lib/format";
import { Countdown, formatAmount, LeadStatusBadge } from "./leadUi";

/** The console's lead list columns: the leads page and the dashboard's lead drill-down show the same. */
export const consoleLeadColumns: Column<LeadRecord>[] = [
  {
    key: "company",
    header: "Company",
    cell: (l) => (
      <Link
        to="/console/leads/$leadId"
        params={{ leadId: l.id }}
        className="font-medium text-brand-700 hover:underline"
      >
        {l.company}
      </Link>
    ),
  },
  { key: "kind", header: "Kind", cell: (l) => (l.kind === "referral" ? "Referral" : "Lead"), hideOnMobile: true },
  {
    key: "status",
    header: "Status",
    cell: (l) => (
      <span className="flex flex-wrap items-center gap-2">
        <LeadStatusBadge status={l.status} />
        {l.status === "offered" && l.offerExpiresAt ? <Countdown until={l.offerExpiresAt} /> : null}
      </span>
    ),
  },
  { key: "from", header: "From", cell: (l) => l.sender.name, hideOnMobile: true },
  { key: "to", header: "To", cell: (l) => l.recipient?.name ?? (l.status === "pooled" ? "Pool" : "—") },
  { key: "amount", header: "Amount", cell: (l) => formatAmount(l), align: "right", hideBelowXl: true },
  { key: "updated", header: "Updated", cell: (l) => formatRelative(l.updatedAt), hideOnMobile: true },
];

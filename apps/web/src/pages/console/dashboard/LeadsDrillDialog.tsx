import type { LeadRecord } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { Dialog } from "../../../components/ui/Dialog";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Pagination } from "../../../components/ui/Pagination";
import { type Column, DataTable } from "../../../components/ui/Table";
import { leadEndpoints } from "../../../lib/endpoints/leads";
import { formatDate } from "../../../lib/format";
import { keepPreviousPageOf } from "../../../lib/query";

const LIMIT = 25;

const columns: Column<LeadRecord>[] = [
  {
    key: "company",
    header: "Lead",
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
  { key: "from", header: "From", cell: (l) => l.sender.name },
  { key: "to", header: "To", cell: (l) => l.recipient?.name ?? "Not assigned" },
  { key: "status", header: "Status", hideOnMobile: true, cell: (l) => l.status.replace(/_/g, " ") },
  { key: "created", header: "Created", hideOnMobile: true, cell: (l) => formatDate(l.createdAt) },
];

/**
 * The leads behind a reciprocal-lead-sharing row: every lead or referral the partner was sent or
 * passed on, as the lead-sharing figure counts them (all time; lead rows carry no period).
 */
export function LeadsDrillDialog({
  partner,
  onClose,
}: {
  partner: { id: string; name: string } | undefined;
  onClose: () => void;
}) {
  const [offset, setOffset] = useState(0);
  const queryKey = ["dashboard-lead-records", partner?.id, offset];
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => leadEndpoints.list("console", { partnerId: partner?.id, limit: LIMIT, offset }, signal),
    enabled: Boolean(partner),
    placeholderData: keepPreviousPageOf(queryKey),
  });
  const page = query.data;
  const title = partner ? `Leads exchanged with ${partner.name}` : "";
  return (
    <Dialog
      open={Boolean(partner)}
      onClose={() => {
        setOffset(0);
        onClose();
      }}
      size="lg"
      title={title}
      description={
        page
          ? `${page.total.toLocaleString("en")} lead${page.total === 1 ? "" : "s"} · all time, newest first`
          : "Loading the leads behind this figure…"
      }
    >
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} compact />
      ) : (
        <div data-testid="drill-records">
          <p className="mb-3 text-xs text-slate-600" data-testid="drill-model">
            <span className="font-medium">Model:</span> leads and referrals sent to the partner (by the vendor or other
            partners) and those it sent; all time, since lead rows carry no reporting period
          </p>
          <DataTable
            caption={title}
            columns={columns}
            rows={page?.items}
            rowKey={(l) => l.id}
            loading={query.isLoading}
            empty={<p className="py-6 text-center text-sm text-slate-500">No leads exchanged with this partner.</p>}
          />
          <Pagination offset={offset} limit={LIMIT} total={page?.total ?? 0} onChange={setOffset} label="Leads" />
        </div>
      )}
    </Dialog>
  );
}

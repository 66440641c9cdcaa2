import type { AttributionDeal } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Pagination } from "../../../components/ui/Pagination";
import { type Column, DataTable } from "../../../components/ui/Table";
import { attributionEndpoints as attribution } from "../../../lib/endpoints/attribution";
import { formatDate } from "../../../lib/format";
import { formatMoney, formatShare } from "./attributionUi";
import { OpportunityAttributionPanel } from "./OpportunityAttributionPanel";

const PAGE = 10;

/** The deals behind a partner's number in a snapshot; each opens its touch timeline. */
export function PartnerDealsPanel({
  snapshotId,
  partnerId,
  partnerName,
  currency,
}: {
  snapshotId: string;
  partnerId: string;
  partnerName: string;
  currency: string;
}) {
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<AttributionDeal | null>(null);
  const deals = useQuery({
    queryKey: ["console", "attribution", "deals", snapshotId, partnerId, offset],
    queryFn: ({ signal }) => attribution.partnerDeals(snapshotId, partnerId, { limit: PAGE, offset }, signal),
  });
  const columns: Column<AttributionDeal>[] = [
    {
      key: "deal",
      header: "Deal",
      cell: (d) => (
        <Button variant="ghost" size="sm" onClick={() => setOpen(d)} aria-label={`Show the touches of ${d.name}`}>
          {d.name}
        </Button>
      ),
    },
    { key: "closed", header: "Closed", cell: (d) => formatDate(d.closedAt), hideOnMobile: true },
    { key: "share", header: "Share", align: "right", cell: (d) => formatShare(d.share) },
    { key: "revenue", header: "Credited revenue", align: "right", cell: (d) => formatMoney(d.revenueMinor, currency) },
    {
      key: "amount",
      header: "Deal amount",
      align: "right",
      hideOnMobile: true,
      cell: (d) => formatMoney(d.amountReportingMinor, currency),
    },
  ];
  if (deals.isError) return <ErrorState compact error={deals.error} onRetry={() => deals.refetch()} />;
  return (
    <div>
      <DataTable
        caption={`Deals behind ${partnerName}'s attributed revenue`}
        columns={columns}
        rows={deals.data?.items}
        rowKey={(d) => d.opportunityId}
        loading={deals.isPending}
        empty={<p className="px-5 py-6 text-sm text-slate-500">No won deal credits this partner in this snapshot.</p>}
      />
      {deals.data && deals.data.total > PAGE ? (
        <Pagination total={deals.data.total} limit={PAGE} offset={offset} onChange={setOffset} />
      ) : null}
      <Dialog open={open !== null} onClose={() => setOpen(null)} title={open?.name ?? "Deal"} size="lg">
        {open ? <OpportunityAttributionPanel snapshotId={snapshotId} opportunityId={open.opportunityId} /> : null}
      </Dialog>
    </div>
  );
}

import { DataTable } from "../../../components/ui/Table";
import { consoleLeadColumns } from "../../../features/leads/leadColumns";
import { leadEndpoints } from "../../../lib/endpoints/leads";
import { DrillDialog, usePagedDrill } from "./DrillDialog";

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
  const drill = usePagedDrill(["dashboard-lead-records", partner?.id], Boolean(partner), (page, signal) =>
    leadEndpoints.list("console", { partnerId: partner?.id, ...page }, signal),
  );
  const page = drill.query.data;
  const title = partner ? `Leads exchanged with ${partner.name}` : "";
  return (
    <DrillDialog
      open={Boolean(partner)}
      title={title}
      description={
        page
          ? `${page.total.toLocaleString("en")} lead${page.total === 1 ? "" : "s"} · all time, newest first`
          : undefined
      }
      model="leads and referrals sent to the partner (by the vendor or other partners) and those it sent; all time, since lead rows carry no reporting period"
      lists={[drill]}
      pages={{ drill, total: page?.total ?? 0, label: "Leads" }}
      onClose={onClose}
    >
      <DataTable
        caption={title}
        columns={consoleLeadColumns}
        rows={page?.items}
        rowKey={(l) => l.id}
        loading={drill.query.isLoading}
        empty={<p className="py-6 text-center text-sm text-slate-500">No leads exchanged with this partner.</p>}
      />
    </DrillDialog>
  );
}

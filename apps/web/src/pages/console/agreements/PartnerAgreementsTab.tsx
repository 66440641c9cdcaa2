import type { AgreementAcceptanceRecord } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { Badge } from "../../../components/ui/Badge";
import { Card, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { ListIcon } from "../../../components/ui/icons";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { type Column, DataTable } from "../../../components/ui/Table";
import { api } from "../../../lib/api";
import { describeUserAgent, formatDateTime } from "../../../lib/format";
import type { PartnerTabProps } from "../partners/profileTabs";

/** The partner profile's Agreements tab: status per agreement and the immutable acceptance record. */
export function PartnerAgreementsTab({ partner }: PartnerTabProps) {
  const data = useQuery({
    queryKey: ["console", "partner-agreements", partner.id],
    queryFn: ({ signal }) => api.agreements.forPartner(partner.id, signal),
  });
  if (data.isPending) return <LoadingBlock label="Loading agreements…" />;
  if (data.isError) return <ErrorState error={data.error} onRetry={() => void data.refetch()} />;
  const columns: Column<AgreementAcceptanceRecord>[] = [
    {
      key: "agreement",
      header: "Agreement",
      cell: (a) => (
        <span>
          {a.agreementTitle} <span className="text-slate-500">v{a.version}</span>
        </span>
      ),
    },
    { key: "who", header: "Accepted by", cell: (a) => a.userEmail },
    { key: "when", header: "When", cell: (a) => formatDateTime(a.acceptedAt) },
    {
      key: "where",
      header: "From",
      hideOnMobile: true,
      cell: (a) => `${a.ipAddress ?? "unknown address"} · ${describeUserAgent(a.userAgent)}`,
    },
  ];
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader headingLevel={3} title="Agreements of this partner's programs" />
        {data.data.items.length === 0 ? (
          <EmptyState
            compact
            headingLevel={3}
            icon={<ListIcon />}
            title="No agreements apply"
            description="Agreements of the partner's programs appear here once published."
          />
        ) : (
          <ul className="divide-y divide-slate-100">
            {data.data.items.map((item) => (
              <li key={item.agreementId} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3">
                <div>
                  <p className="text-sm font-medium text-slate-900">{item.title}</p>
                  <p className="text-xs text-slate-500">
                    {item.programName} · current version {item.latestVersion.version}
                  </p>
                </div>
                {item.accepted ? (
                  <Badge tone="success">Accepted (v{item.acceptance?.version})</Badge>
                ) : item.reacceptanceRequired ? (
                  <Badge tone="warning">Must re-accept</Badge>
                ) : (
                  <Badge tone="warning">Not accepted</Badge>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardHeader
          headingLevel={3}
          title="Acceptance record"
          description="Immutable: who accepted which version, when and from where."
        />
        <DataTable
          caption={`Agreement acceptances of ${partner.name}`}
          columns={columns}
          rows={data.data.acceptances}
          rowKey={(a) => a.id}
          empty={<EmptyState compact headingLevel={3} title="No acceptances yet" />}
        />
      </Card>
    </div>
  );
}

import type { PortalRegistrationSummary } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Alert } from "../../../components/ui/Alert";
import { buttonClasses } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { DealsIcon, PlusIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { type Column, DataTable } from "../../../components/ui/Table";
import { registrationEndpoints } from "../../../lib/endpoints/registrations";
import { formatDate } from "../../../lib/format";
import { useDocumentTitle } from "../../system";
import { formatMoney, ProtectionCountdown, StatusBadge } from "./dealUi";

const api = registrationEndpoints.portal;

export function useOwnRegistrations() {
  return useQuery({ queryKey: ["portal", "registrations"], queryFn: ({ signal }) => api.list({ limit: 200 }, signal) });
}

/** "2 registrations expire this week", for the deals page and the portal home. */
export function ExpiringAlert({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Alert tone="warning">
      {count} registration{count === 1 ? " expires" : "s expire"} this week. Ask for an extension if the deal needs more
      time.
    </Alert>
  );
}

const columns: Column<PortalRegistrationSummary>[] = [
  {
    key: "company",
    header: "Company",
    cell: (r) => (
      <div>
        <Link to="/portal/deals/$id" params={{ id: r.id }} className="font-medium text-brand-700 hover:underline">
          {r.companyName}
        </Link>
        {r.website ? <p className="text-xs text-slate-500">{r.website}</p> : null}
      </div>
    ),
  },
  { key: "status", header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
  {
    key: "protection",
    header: "Protection",
    cell: (r) => (r.status === "approved" ? <ProtectionCountdown expiresAt={r.protectionExpiresAt} /> : "—"),
  },
  { key: "amount", header: "Amount", align: "right", cell: (r) => formatMoney(r.amount, r.currency) },
  { key: "close", header: "Expected close", hideOnMobile: true, cell: (r) => formatDate(r.expectedCloseOn) },
  {
    key: "note",
    header: "Latest",
    hideBelowXl: true,
    cell: (r) => (
      <span className="text-slate-600">
        {r.infoRequest ? `Information requested: ${r.infoRequest}` : (r.decisionReason ?? "")}
      </span>
    ),
  },
];

export function PortalDealsPage() {
  useDocumentTitle("Deals");
  const list = useOwnRegistrations();
  const register = (
    <Link to="/portal/deals/new" className={buttonClasses("primary")}>
      <PlusIcon /> Register a deal
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Deal registrations"
        description="Register the opportunities you are working on. Approved registrations are protected from channel conflict for the protection window."
        actions={register}
      />
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <div className="space-y-4">
          <ExpiringAlert count={list.data?.expiringThisWeek ?? 0} />
          <Card>
            <DataTable
              caption="Your registrations"
              columns={columns}
              rows={list.data?.items}
              rowKey={(r) => r.id}
              loading={list.isPending}
              empty={
                <EmptyState
                  icon={<DealsIcon />}
                  title="No registrations yet"
                  description="Register a deal to claim it. We check it against other registrations and the vendor's accounts right away."
                  action={register}
                />
              }
            />
          </Card>
        </div>
      )}
    </>
  );
}

import type { LeadStatus } from "@symbiont/contracts";
import { leadStatuses } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Input, Select } from "../../../components/ui/Field";
import { LeadsIcon, PlusIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { Pagination } from "../../../components/ui/Pagination";
import { DataTable } from "../../../components/ui/Table";
import { consoleLeadColumns } from "../../../features/leads/leadColumns";
import { isLeadWriter, statusLabels } from "../../../features/leads/leadUi";
import { useCurrentUser } from "../../../lib/auth";
import { leadEndpoints } from "../../../lib/endpoints/leads";
import { useDocumentTitle } from "../../system";
import { NewLeadDialog } from "./NewLeadDialog";
import { ReciprocityCard } from "./ReciprocityCard";
import { RoutingCard } from "./RoutingCard";

type View = "all" | "vendor";
const PAGE = 25;

export function LeadsPage() {
  useDocumentTitle("Leads");
  const user = useCurrentUser();
  const [view, setView] = useState<View>("all");
  const [status, setStatus] = useState<LeadStatus | "">("");
  const [q, setQ] = useState("");
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const params = {
    box: view === "vendor" ? ("vendor" as const) : undefined,
    status: status || undefined,
    q: q.trim() || undefined,
    limit: PAGE,
    offset,
  };
  const leads = useQuery({
    queryKey: ["console", "leads", params],
    queryFn: ({ signal }) => leadEndpoints.list("console", params, signal),
    placeholderData: (previous) => previous,
  });
  const writer = isLeadWriter(user?.role);
  return (
    <>
      <PageHeader
        title="Leads & referrals"
        description="Pass leads to partners, run the pool, and answer the referrals partners send you. Every status a partner reports shows here."
        actions={
          writer ? (
            <Button onClick={() => setCreating(true)}>
              <PlusIcon /> New lead
            </Button>
          ) : null
        }
      />
      <div role="tablist" aria-label="Which leads" className="mb-4 flex gap-2">
        {(
          [
            ["all", "All leads and referrals"],
            ["vendor", "Referrals to us"],
          ] as const
        ).map(([key, label]) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={view === key}
            onClick={() => {
              setView(key);
              setOffset(0);
            }}
            className={
              view === key
                ? "rounded-full bg-brand-600 px-3 py-1.5 text-sm font-medium text-white"
                : "rounded-full bg-white px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
            }
          >
            {label}
          </button>
        ))}
      </div>
      <Card>
        <div className="flex flex-col gap-3 border-b border-slate-200 p-4 sm:flex-row">
          <Input
            label="Search by company"
            hideLabel
            placeholder="Search by company…"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setOffset(0);
            }}
            className="sm:max-w-xs"
          />
          <Select
            label="Status"
            hideLabel
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as LeadStatus | "");
              setOffset(0);
            }}
            className="sm:max-w-xs"
          >
            <option value="">Any status</option>
            {leadStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </Select>
        </div>
        {leads.isError ? (
          <ErrorState error={leads.error} onRetry={() => void leads.refetch()} />
        ) : (
          <>
            <DataTable
              caption="Leads and referrals"
              columns={consoleLeadColumns}
              rows={leads.data?.items}
              rowKey={(l) => l.id}
              loading={leads.isPending}
              empty={
                <EmptyState
                  icon={<LeadsIcon />}
                  title={view === "vendor" ? "No referrals yet" : "No leads yet"}
                  description={
                    view === "vendor"
                      ? "Referrals partners send you, and those from their public referral links, land here."
                      : "Record a lead and offer it to a partner, or place it in the pool for partners to claim."
                  }
                  action={
                    writer && view === "all" ? <Button onClick={() => setCreating(true)}>New lead</Button> : undefined
                  }
                />
              }
            />
            <Pagination
              offset={offset}
              limit={PAGE}
              total={leads.data?.total ?? 0}
              onChange={setOffset}
              label="Leads pages"
            />
          </>
        )}
      </Card>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <ReciprocityCard />
        <RoutingCard canEdit={user?.role === "admin" || user?.role === "partner_manager"} />
      </div>
      <NewLeadDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

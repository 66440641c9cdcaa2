import type { ConsoleRegistrationSummary } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button, buttonClasses } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Input, Select } from "../../../components/ui/Field";
import { DealsIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { type Column, DataTable } from "../../../components/ui/Table";
import { type ConsoleQueueParams, registrationEndpoints } from "../../../lib/endpoints/registrations";
import { formatDateTime } from "../../../lib/format";
import { errorMessage } from "../../../lib/forms";
import { useDebouncedValue } from "../../../lib/hooks";
import { DecisionBadge, formatMoney, StatusBadge } from "../../portal/deals/dealUi";
import { useDocumentTitle } from "../../system";

const api = registrationEndpoints.console;

function Sla({ hours }: { hours: number | null }) {
  if (hours === null) return <span className="text-slate-400">—</span>;
  if (hours < 0) return <Badge tone="danger">{Math.abs(Math.round(hours))} h overdue</Badge>;
  return <Badge tone={hours < 12 ? "warning" : "neutral"}>{Math.round(hours)} h left</Badge>;
}

export function RegistrationQueuePage() {
  useDocumentTitle("Deal registrations");
  const [queue, setQueue] = useState<"open" | "all">("open");
  const [decision, setDecision] = useState<"" | "clear" | "review" | "conflict">("");
  const [q, setQ] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const search = useDebouncedValue(q.trim(), 300);
  const params: ConsoleQueueParams = {
    queue,
    limit: 100,
    ...(decision ? { decision } : {}),
    ...(search ? { q: search } : {}),
  };
  const list = useQuery({
    queryKey: ["console", "registrations", params],
    queryFn: ({ signal }) => api.queue(params, signal),
  });
  const queryClient = useQueryClient();
  const bulk = useMutation({
    mutationFn: () => api.bulkApprove([...selected]),
    onSuccess: () => {
      setSelected(new Set());
      void queryClient.invalidateQueries({ queryKey: ["console", "registrations"] });
    },
  });
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const columns: Column<ConsoleRegistrationSummary>[] = [
    {
      key: "pick",
      header: <span className="sr-only">Select</span>,
      cell: (r) =>
        r.checkDecision === "clear" && (r.status === "submitted" || r.status === "under_review") ? (
          <input
            type="checkbox"
            aria-label={`Select ${r.companyName}`}
            checked={selected.has(r.id)}
            onChange={() => toggle(r.id)}
          />
        ) : null,
    },
    {
      key: "company",
      header: "Company",
      cell: (r) => (
        <div>
          <Link to="/console/deals/$id" params={{ id: r.id }} className="font-medium text-brand-700 hover:underline">
            {r.companyName}
          </Link>
          <p className="text-xs text-slate-500">{[r.website, r.country].filter(Boolean).join(" · ")}</p>
        </div>
      ),
    },
    { key: "partner", header: "Partner", cell: (r) => r.partnerName },
    {
      key: "check",
      header: "Check",
      cell: (r) => (r.checkDecision ? <DecisionBadge decision={r.checkDecision} /> : "—"),
    },
    { key: "status", header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
    { key: "sla", header: "SLA", cell: (r) => <Sla hours={r.slaHoursLeft} /> },
    { key: "amount", header: "Amount", align: "right", cell: (r) => formatMoney(r.amount, r.currency) },
    { key: "submitted", header: "Submitted", hideBelowXl: true, cell: (r) => formatDateTime(r.submittedAt) },
  ];
  return (
    <>
      <PageHeader
        title="Deal registrations"
        description="Decide registrations before their SLA runs out. Clear ones can be approved together."
        actions={
          <Link to="/console/deals/rules" className={buttonClasses("secondary")}>
            Rules of engagement
          </Link>
        }
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <Select label="Show" value={queue} onChange={(e) => setQueue(e.target.value as "open" | "all")}>
          <option value="open">Waiting for a decision</option>
          <option value="all">All registrations</option>
        </Select>
        <Select
          label="Conflict check"
          value={decision}
          onChange={(e) => setDecision(e.target.value as typeof decision)}
        >
          <option value="">Any</option>
          <option value="clear">No conflict</option>
          <option value="review">Needs review</option>
          <option value="conflict">Conflict</option>
        </Select>
        <Input
          label="Search"
          placeholder="Company, domain or partner"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Button disabled={selected.size === 0} loading={bulk.isPending} onClick={() => bulk.mutate()}>
          Approve {selected.size || ""} selected
        </Button>
      </div>
      {bulk.isError ? <Alert tone="danger">{errorMessage(bulk.error)}</Alert> : null}
      {bulk.data ? (
        <Alert tone={bulk.data.skipped.length ? "warning" : "success"}>
          Approved {bulk.data.approved.length}. {bulk.data.skipped.map((s) => `Skipped one: ${s.reason}.`).join(" ")}
        </Alert>
      ) : null}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card className="mt-4">
          <DataTable
            caption="Registrations, soonest SLA first"
            columns={columns}
            rows={list.data?.items}
            rowKey={(r) => r.id}
            loading={list.isPending}
            empty={
              <EmptyState
                icon={<DealsIcon />}
                title="Nothing waiting"
                description="New registrations from partners appear here."
              />
            }
          />
        </Card>
      )}
    </>
  );
}

import type { LeadRecord } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { LeadsIcon, PlusIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { type Column, DataTable } from "../../../components/ui/Table";
import { useToast } from "../../../components/ui/Toast";
import { Countdown, formatAmount, LeadStatusBadge } from "../../../features/leads/leadUi";
import { type LeadListParams, leadEndpoints } from "../../../lib/endpoints/leads";
import { formatRelative } from "../../../lib/format";
import { errorMessage } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";
import { ReferralLinkCard } from "./ReferralLinkCard";
import { SendReferralDialog } from "./SendReferralDialog";

const company: Column<LeadRecord> = {
  key: "company",
  header: "Company",
  cell: (l) => (
    <Link to="/portal/leads/$leadId" params={{ leadId: l.id }} className="font-medium text-brand-700 hover:underline">
      {l.company}
    </Link>
  ),
};

function useLeadList(key: string, params: LeadListParams) {
  return useQuery({
    queryKey: ["portal", "leads", key, params],
    queryFn: ({ signal }) => leadEndpoints.list("portal", { limit: 50, ...params }, signal),
  });
}

function Section({
  title,
  description,
  query,
  columns,
  empty,
}: {
  title: string;
  description: string;
  query: ReturnType<typeof useLeadList>;
  columns: Column<LeadRecord>[];
  empty: { title: string; description: string };
}) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      {query.isError ? (
        <ErrorState compact error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable
          caption={title}
          columns={columns}
          rows={query.data?.items}
          rowKey={(l) => l.id}
          loading={query.isPending}
          empty={<EmptyState compact headingLevel={3} icon={<LeadsIcon />} {...empty} />}
        />
      )}
    </Card>
  );
}

function ClaimButton({ lead }: { lead: LeadRecord }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const claim = useMutation({
    mutationFn: () => leadEndpoints.claim(lead.id),
    onSuccess: (claimed) => {
      toast.success(`${claimed.company} is yours`);
      void queryClient.invalidateQueries({ queryKey: ["portal", "leads"] });
      void navigate({ to: "/portal/leads/$leadId", params: { leadId: claimed.id } });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: ["portal", "leads"] }),
  });
  return (
    <span className="flex flex-col items-end gap-1">
      <Button size="sm" onClick={() => claim.mutate()} loading={claim.isPending} aria-label={`Claim ${lead.company}`}>
        Claim
      </Button>
      {claim.isError ? (
        <span role="alert" className="text-xs text-red-700">
          {errorMessage(claim.error)}
        </span>
      ) : null}
    </span>
  );
}

export function PortalLeadsPage() {
  useDocumentTitle("Leads");
  const [sending, setSending] = useState(false);
  const offered = useLeadList("offered", { box: "inbox", status: "offered" });
  const pool = useLeadList("pool", { status: "pooled" });
  const inbox = useLeadList("inbox", { box: "inbox" });
  const sent = useLeadList("sent", { box: "sent" });
  const working = inbox.data
    ? { ...inbox, data: { ...inbox.data, items: inbox.data.items.filter((l) => l.status !== "offered") } }
    : inbox;
  return (
    <>
      <PageHeader
        title="Leads & referrals"
        description="Answer the leads sent to you before their deadline, claim leads from the pool, and refer companies to us or to other partners."
        actions={
          <Button onClick={() => setSending(true)}>
            <PlusIcon /> Send a referral
          </Button>
        }
      />
      {(offered.data?.total ?? 0) > 0 ? (
        <Alert tone="warning" className="mb-6">
          {offered.data?.total} lead{offered.data?.total === 1 ? " is" : "s are"} waiting for your answer. Leads nobody
          answers in time move to another partner.
        </Alert>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <Section
            title="Waiting for your answer"
            description="Accept to see the contact details, or decline with a reason."
            query={offered}
            columns={[
              company,
              { key: "from", header: "From", cell: (l) => l.sender.name, hideOnMobile: true },
              { key: "amount", header: "Amount", cell: (l) => formatAmount(l), hideOnMobile: true },
              {
                key: "deadline",
                header: "Deadline",
                cell: (l) => (l.offerExpiresAt ? <Countdown until={l.offerExpiresAt} /> : "No deadline"),
              },
            ]}
            empty={{ title: "Nothing waiting", description: "New leads for you appear here with their deadline." }}
          />
          <Section
            title="Pool"
            description="Open leads any partner can claim. The first claim wins."
            query={pool}
            columns={[
              company,
              { key: "country", header: "Country", cell: (l) => l.country ?? "—", hideOnMobile: true },
              {
                key: "need",
                header: "Need",
                cell: (l) => <span className="line-clamp-2">{l.need ?? "—"}</span>,
                hideOnMobile: true,
              },
              {
                key: "claim",
                header: <span className="sr-only">Claim</span>,
                cell: (l) => <ClaimButton lead={l} />,
                align: "right",
              },
            ]}
            empty={{
              title: "The pool is empty",
              description: "Leads placed in the pool show here for a first-come claim.",
            }}
          />
          <Section
            title="Your leads"
            description="Leads and referrals you hold; report progress so the sender knows."
            query={working}
            columns={[
              company,
              { key: "status", header: "Status", cell: (l) => <LeadStatusBadge status={l.status} /> },
              { key: "from", header: "From", cell: (l) => l.sender.name, hideOnMobile: true },
              { key: "updated", header: "Updated", cell: (l) => formatRelative(l.updatedAt), hideOnMobile: true },
            ]}
            empty={{ title: "No leads yet", description: "Leads you accept or claim are listed here." }}
          />
          <Section
            title="Referrals you sent"
            description="Their status updates as the receiver works them."
            query={sent}
            columns={[
              company,
              { key: "to", header: "To", cell: (l) => l.recipient?.name ?? "—" },
              { key: "status", header: "Status", cell: (l) => <LeadStatusBadge status={l.status} /> },
              { key: "updated", header: "Updated", cell: (l) => formatRelative(l.updatedAt), hideOnMobile: true },
            ]}
            empty={{
              title: "No referrals sent",
              description: "Refer a company to us or to another partner with “Send a referral”.",
            }}
          />
        </div>
        <div>
          <ReferralLinkCard />
        </div>
      </div>
      <SendReferralDialog open={sending} onClose={() => setSending(false)} />
    </>
  );
}

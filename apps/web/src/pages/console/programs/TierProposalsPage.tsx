import { rejectTierProposalBody, type TierProposal, type TierProposalStatus } from "@symbiont/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge, type BadgeTone } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card, CardHeader } from "../../../components/ui/Card";
import { Dialog } from "../../../components/ui/Dialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Select, Textarea } from "../../../components/ui/Field";
import { ChevronLeftIcon, SparkIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { Pagination } from "../../../components/ui/Pagination";
import { type Column, DataTable } from "../../../components/ui/Table";
import { useToast } from "../../../components/ui/Toast";
import { api } from "../../../lib/api";
import { formatDateTime } from "../../../lib/format";
import { errorMessage, type FieldErrors, fieldErrorsFromApi, validate } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";
import { useCanManagePrograms } from "./programUi";

const PAGE_SIZE = 25;
const statusLabel: Record<TierProposalStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};
const statusTone: Record<TierProposalStatus, BadgeTone> = {
  pending: "warning",
  approved: "success",
  rejected: "danger",
  withdrawn: "neutral",
};

/** Tier changes proposed by the daily evaluation, for managers to approve or reject. */
export function TierProposalsPage() {
  useDocumentTitle("Tier proposals");
  const canManage = useCanManagePrograms();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<TierProposalStatus | "">("pending");
  const [offset, setOffset] = useState(0);
  const [rejecting, setRejecting] = useState<TierProposal | null>(null);
  const proposals = useQuery({
    queryKey: ["console", "tier-proposals", { status, offset }],
    queryFn: ({ signal }) => api.tiers.proposals({ ...(status ? { status } : {}), limit: PAGE_SIZE, offset }, signal),
    placeholderData: keepPreviousData,
  });
  const approve = useMutation({
    mutationFn: (proposal: TierProposal) => api.tiers.approve(proposal.id),
    onSuccess: (proposal) => {
      toast.success("Approved", `${proposal.partnerName} is now ${proposal.toTier?.name ?? "without a tier"}.`);
      void queryClient.invalidateQueries({ queryKey: ["console", "tier-proposals"] });
    },
    onError: (error) => toast.error("Could not approve", errorMessage(error)),
  });

  const columns: Column<TierProposal>[] = [
    {
      key: "partner",
      header: "Partner",
      cell: (p) => (
        <div>
          <Link
            to="/console/partners/$partnerId"
            params={{ partnerId: p.partnerId }}
            className="font-medium text-slate-900 hover:text-brand-800 hover:underline"
          >
            {p.partnerName}
          </Link>
          <p className="text-sm text-slate-500">{p.programName}</p>
        </div>
      ),
    },
    {
      key: "change",
      header: "Change",
      cell: (p) => (
        <span className="inline-flex flex-wrap items-center gap-2">
          {p.fromTier?.name ?? "No tier"} → <strong className="font-medium">{p.toTier?.name ?? "No tier"}</strong>
          <Badge tone={p.direction === "up" ? "success" : "danger"}>
            {p.direction === "up" ? "Upgrade" : "Downgrade"}
          </Badge>
        </span>
      ),
    },
    {
      key: "status",
      header: "Status",
      hideOnMobile: true,
      cell: (p) => (
        <div>
          <Badge tone={statusTone[p.status]}>{p.autoApplied ? "Applied automatically" : statusLabel[p.status]}</Badge>
          {p.decisionReason && !p.autoApplied ? (
            <p className="mt-1 text-sm text-slate-500">{p.decisionReason}</p>
          ) : null}
        </div>
      ),
    },
    { key: "created", header: "Proposed", hideBelowXl: true, cell: (p) => formatDateTime(p.createdAt) },
    ...(canManage
      ? [
          {
            key: "actions",
            header: <span className="sr-only">Actions</span>,
            align: "right" as const,
            cell: (p: TierProposal) =>
              p.status === "pending" ? (
                <div className="flex justify-end gap-2">
                  <Button
                    size="sm"
                    loading={approve.isPending && approve.variables?.id === p.id}
                    onClick={() => approve.mutate(p)}
                  >
                    Approve
                  </Button>
                  <Button size="sm" variant="secondary" onClick={() => setRejecting(p)}>
                    Reject
                  </Button>
                </div>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <Link
        to="/console/programs"
        className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:text-brand-900"
      >
        <ChevronLeftIcon aria-hidden="true" /> Programs
      </Link>
      <PageHeader
        className="mt-2"
        title="Tier proposals"
        description="Upgrades are proposed as soon as a partner qualifies; downgrades only after the grace period. Nothing changes until a manager approves, unless the program applies changes automatically."
      />
      <Card>
        <CardHeader
          title="Proposals"
          description={proposals.data ? `${proposals.data.total} in total` : undefined}
          actions={
            <Select
              label="Status"
              hideLabel
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as TierProposalStatus | "");
                setOffset(0);
              }}
            >
              <option value="pending">Pending</option>
              <option value="approved">Approved</option>
              <option value="rejected">Rejected</option>
              <option value="withdrawn">Withdrawn</option>
              <option value="">All</option>
            </Select>
          }
        />
        {proposals.isError ? (
          <ErrorState error={proposals.error} onRetry={() => void proposals.refetch()} />
        ) : (
          <>
            <DataTable
              caption="Tier proposals"
              columns={columns}
              rows={proposals.data?.items}
              rowKey={(p) => p.id}
              loading={proposals.isPending}
              empty={
                <EmptyState
                  compact
                  headingLevel={3}
                  icon={<SparkIcon />}
                  title={status === "pending" ? "Nothing waiting for a decision" : "No proposals"}
                  description="The daily evaluation proposes changes when a partner's standing moves."
                />
              }
            />
            {proposals.data ? (
              <Pagination
                offset={offset}
                limit={PAGE_SIZE}
                total={proposals.data.total}
                onChange={setOffset}
                label="Proposal pages"
              />
            ) : null}
          </>
        )}
      </Card>
      <Dialog
        open={rejecting !== null}
        onClose={() => setRejecting(null)}
        title="Reject the proposal"
        description={rejecting ? `${rejecting.partnerName} keeps ${rejecting.fromTier?.name ?? "no tier"}.` : undefined}
      >
        {rejecting ? <RejectForm proposal={rejecting} onDone={() => setRejecting(null)} /> : null}
      </Dialog>
    </>
  );
}

function RejectForm({ proposal, onDone }: { proposal: TierProposal; onDone: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"reason">>({});
  const reject = useMutation({
    mutationFn: (text: string) => api.tiers.reject(proposal.id, text),
    onSuccess: () => {
      toast.success("Rejected", proposal.partnerName);
      void queryClient.invalidateQueries({ queryKey: ["console", "tier-proposals"] });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error)),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(rejectTierProposalBody, { reason });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    reject.mutate(result.data.reason);
  }
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label="Reject the proposal">
      {reject.isError && !errors.reason ? <Alert tone="danger">{errorMessage(reject.error)}</Alert> : null}
      <Textarea
        label="Reason"
        required
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason}
      />
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" loading={reject.isPending} loadingText="Rejecting…">
          Reject
        </Button>
      </div>
    </form>
  );
}

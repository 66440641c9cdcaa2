import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Input, Select } from "../../../components/ui/Field";
import { PageHeader } from "../../../components/ui/PageHeader";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { useToast } from "../../../components/ui/Toast";
import { LeadActions } from "../../../features/leads/LeadActions";
import { Countdown, LeadFacts, LeadStatusBadge, LeadTimeline } from "../../../features/leads/leadUi";
import { leadEndpoints } from "../../../lib/endpoints/leads";
import { formatDateTime } from "../../../lib/format";
import { errorMessage } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";
import { usePartnerOptions } from "./NewLeadDialog";

const outcomeTone = {
  pending: "warning",
  accepted: "success",
  declined: "danger",
  expired: "neutral",
  withdrawn: "neutral",
} as const;

function OfferPanel({ leadId }: { leadId: string }) {
  const [partnerId, setPartnerId] = useState("");
  const [hours, setHours] = useState("");
  const partners = usePartnerOptions();
  const queryClient = useQueryClient();
  const toast = useToast();
  const done = (message: string) => (lead: Awaited<ReturnType<typeof leadEndpoints.get>>) => {
    queryClient.setQueryData(["console", "lead", lead.id], lead);
    void queryClient.invalidateQueries({ queryKey: ["console", "leads"] });
    toast.success(message);
  };
  const offer = useMutation({
    mutationFn: () =>
      leadEndpoints.offer(leadId, {
        ...(partnerId ? { partnerId } : {}),
        ...(Number(hours) > 0 ? { acceptHours: Number(hours) } : {}),
      }),
    onSuccess: done("Offer sent"),
  });
  const pool = useMutation({ mutationFn: () => leadEndpoints.pool(leadId), onSuccess: done("Placed in the pool") });
  return (
    <form
      className="space-y-3"
      aria-label="Pass the lead on"
      onSubmit={(event) => {
        event.preventDefault();
        offer.mutate();
      }}
    >
      {offer.isError || pool.isError ? <Alert tone="danger">{errorMessage(offer.error ?? pool.error)}</Alert> : null}
      <Select label="Partner" value={partnerId} onChange={(e) => setPartnerId(e.target.value)}>
        <option value="">Next partner by the routing rule</option>
        {partners.data?.items.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <Input
        label="Hours to accept"
        inputMode="numeric"
        value={hours}
        onChange={(e) => setHours(e.target.value)}
        placeholder="Routing default"
        optional
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={offer.isPending}>
          Offer
        </Button>
        <Button variant="secondary" loading={pool.isPending} onClick={() => pool.mutate()}>
          Place in the pool
        </Button>
      </div>
    </form>
  );
}

export function LeadPage() {
  const { leadId } = useParams({ from: "/console/leads/$leadId" });
  const lead = useQuery({
    queryKey: ["console", "lead", leadId],
    queryFn: ({ signal }) => leadEndpoints.get("console", leadId, signal),
  });
  useDocumentTitle(lead.data ? lead.data.company : "Lead");
  if (lead.isPending) return <LoadingBlock label="Loading the lead…" />;
  if (lead.isError) return <ErrorState error={lead.error} onRetry={() => void lead.refetch()} />;
  const l = lead.data;
  const canRespond = l.can.accept || l.can.updateStatus;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link to="/console/leads" className="hover:underline">
            Leads & referrals
          </Link>
        }
        title={l.company}
        description={l.kind === "referral" ? `Referral from ${l.sender.name}` : `Lead from ${l.sender.name}`}
        actions={
          <span className="flex items-center gap-2" data-testid="lead-status">
            <LeadStatusBadge status={l.status} />
            {l.status === "offered" && l.offerExpiresAt ? <Countdown until={l.offerExpiresAt} /> : null}
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <Card>
            <CardHeader title="Details" />
            <CardBody>
              <LeadFacts lead={l} />
              {l.declineReason && l.status === "declined" ? (
                <Alert tone="warning" className="mt-4">
                  Declined: {l.declineReason}
                </Alert>
              ) : null}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Timeline" description="Every step, including what the partner reported back." />
            <CardBody>
              <LeadTimeline lead={l} />
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          {l.can.offer ? (
            <Card>
              <CardHeader title="Pass it on" headingLevel={2} />
              <CardBody>
                <OfferPanel leadId={l.id} />
              </CardBody>
            </Card>
          ) : null}
          {canRespond ? (
            <Card>
              <CardHeader title="Your answer" description="This referral was sent to you." />
              <CardBody>
                <LeadActions surface="console" lead={l} />
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Offers" />
            <CardBody>
              {l.offers.length === 0 ? (
                <p className="text-sm text-slate-500">Not offered to any partner yet.</p>
              ) : (
                <ul className="space-y-3">
                  {l.offers.map((o) => (
                    <li key={o.id} className="text-sm">
                      <p className="flex items-center justify-between gap-2">
                        <span className="font-medium text-slate-900">{o.partnerName}</span>
                        <Badge tone={outcomeTone[o.outcome]}>{o.outcome}</Badge>
                      </p>
                      <p className="text-xs text-slate-500">
                        Offered {formatDateTime(o.offeredAt)}
                        {o.expiresAt ? ` · answer by ${formatDateTime(o.expiresAt)}` : ""}
                      </p>
                      {o.reason ? <p className="text-xs text-slate-600">“{o.reason}”</p> : null}
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}

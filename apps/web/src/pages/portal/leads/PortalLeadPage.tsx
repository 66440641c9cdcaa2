import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { ErrorState } from "../../../components/ui/ErrorState";
import { PageHeader } from "../../../components/ui/PageHeader";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { LeadActions } from "../../../features/leads/LeadActions";
import { Countdown, LeadFacts, LeadStatusBadge, LeadTimeline } from "../../../features/leads/leadUi";
import { leadEndpoints } from "../../../lib/endpoints/leads";
import { errorMessage } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";

export function PortalLeadPage() {
  const { leadId } = useParams({ from: "/portal/leads/$leadId" });
  const queryClient = useQueryClient();
  const lead = useQuery({
    queryKey: ["portal", "lead", leadId],
    queryFn: ({ signal }) => leadEndpoints.get("portal", leadId, signal),
  });
  const claim = useMutation({
    mutationFn: () => leadEndpoints.claim(leadId),
    onSuccess: (claimed) => {
      queryClient.setQueryData(["portal", "lead", leadId], claimed);
      void queryClient.invalidateQueries({ queryKey: ["portal", "leads"] });
    },
  });
  useDocumentTitle(lead.data ? lead.data.company : "Lead");
  if (lead.isPending) return <LoadingBlock label="Loading the lead…" />;
  if (lead.isError) return <ErrorState error={lead.error} onRetry={() => void lead.refetch()} />;
  const l = lead.data;
  const mineToWork = l.can.accept || l.can.updateStatus;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link to="/portal/leads" className="hover:underline">
            Leads & referrals
          </Link>
        }
        title={l.company}
        description={`${l.kind === "referral" ? "Referral" : "Lead"} from ${l.sender.name}${l.recipient ? ` to ${l.recipient.name}` : ""}`}
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
              {l.status === "declined" && l.declineReason ? (
                <Alert tone="warning" className="mt-4">
                  Declined: {l.declineReason}
                </Alert>
              ) : null}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Timeline" />
            <CardBody>
              <LeadTimeline lead={l} />
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          {mineToWork ? (
            <Card>
              <CardHeader title={l.can.accept ? "Your answer" : "Report progress"} />
              <CardBody>
                <LeadActions surface="portal" lead={l} />
              </CardBody>
            </Card>
          ) : null}
          {l.can.claim ? (
            <Card>
              <CardHeader title="In the pool" description="The first partner to claim it gets it." />
              <CardBody className="space-y-3">
                {claim.isError ? <Alert tone="danger">{errorMessage(claim.error)}</Alert> : null}
                <Button onClick={() => claim.mutate()} loading={claim.isPending}>
                  Claim this lead
                </Button>
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

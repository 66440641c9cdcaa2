import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { CopyField } from "../../../components/ui/CopyField";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { leadEndpoints } from "../../../lib/endpoints/leads";
import { errorMessage } from "../../../lib/forms";

/** The partner's public referral link: create it, copy it, replace it. */
export function ReferralLinkCard() {
  const queryClient = useQueryClient();
  const link = useQuery({
    queryKey: ["portal", "referral-link"],
    queryFn: ({ signal }) => leadEndpoints.referralLink(signal),
  });
  const create = useMutation({
    mutationFn: () => leadEndpoints.createReferralLink(),
    onSuccess: (data) => queryClient.setQueryData(["portal", "referral-link"], data),
  });
  const url = link.data?.path ? `${window.location.origin}${link.data.path}` : null;
  return (
    <Card>
      <CardHeader
        title="Your referral link"
        description="Share it with customers and contacts: the form sends us a referral credited to you."
      />
      <CardBody className="space-y-3">
        {link.isPending ? (
          <LoadingBlock label="Loading your link…" />
        ) : url ? (
          <>
            <CopyField label="Referral link" value={url} />
            <p className="text-sm text-slate-500">
              {link.data?.referrals ?? 0} referral{link.data?.referrals === 1 ? "" : "s"} came through it.
            </p>
            <Button
              variant="ghost"
              size="sm"
              loading={create.isPending}
              onClick={() => {
                if (window.confirm("Replace your link? The current one stops working.")) create.mutate();
              }}
            >
              Replace the link
            </Button>
          </>
        ) : (
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            Create my referral link
          </Button>
        )}
        {create.isError ? <Alert tone="danger">{errorMessage(create.error)}</Alert> : null}
      </CardBody>
    </Card>
  );
}

import type { PartnerAgreementStatus } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "../../components/ui/Alert";
import { Badge } from "../../components/ui/Badge";
import { Button } from "../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../components/ui/Card";
import { EmptyState } from "../../components/ui/EmptyState";
import { ErrorState } from "../../components/ui/ErrorState";
import { Checkbox } from "../../components/ui/Field";
import { ListIcon } from "../../components/ui/icons";
import { PageHeader } from "../../components/ui/PageHeader";
import { LoadingBlock } from "../../components/ui/Spinner";
import { useToast } from "../../components/ui/Toast";
import { Markdown } from "../../features/markdown";
import { api } from "../../lib/api";
import { can, useCurrentUser } from "../../lib/auth";
import { formatDateTime } from "../../lib/format";
import { errorMessage } from "../../lib/forms";
import { useDocumentTitle } from "../system";

function AgreementCard({ item, canAccept }: { item: PartnerAgreementStatus; canAccept: boolean }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [agreed, setAgreed] = useState(false);
  const [expanded, setExpanded] = useState(!item.accepted);
  const accept = useMutation({
    mutationFn: () => api.agreements.accept(item.latestVersion.id),
    onSuccess: () => {
      toast.success(`You accepted ${item.title}`);
      void queryClient.invalidateQueries({ queryKey: ["portal", "agreements"] });
      void queryClient.invalidateQueries({ queryKey: ["portal", "onboarding"] });
    },
  });
  const bodyId = `agreement-${item.agreementId}`;
  return (
    <Card>
      <CardHeader
        title={item.title}
        description={`${item.programName} · version ${item.latestVersion.version}, published ${formatDateTime(item.latestVersion.publishedAt)}`}
        actions={
          item.accepted ? (
            <Badge tone="success">Accepted</Badge>
          ) : item.reacceptanceRequired ? (
            <Badge tone="warning">New version to accept</Badge>
          ) : (
            <Badge tone="warning">Not accepted</Badge>
          )
        }
      />
      <CardBody className="space-y-4">
        {item.acceptance ? (
          <p className="text-sm text-slate-600">
            Accepted by {item.acceptance.userEmail} on {formatDateTime(item.acceptance.acceptedAt)} (version{" "}
            {item.acceptance.version}).
          </p>
        ) : null}
        <Button
          variant="ghost"
          size="sm"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? "Hide the text" : "Read the text"}
        </Button>
        {expanded ? (
          <div id={bodyId} className="max-h-96 overflow-y-auto rounded-lg border border-slate-200 bg-slate-50 p-4">
            <Markdown source={item.latestVersion.bodyMarkdown} />
          </div>
        ) : null}
        {!item.accepted ? (
          canAccept ? (
            <form
              className="space-y-3"
              onSubmit={(event) => {
                event.preventDefault();
                if (agreed) accept.mutate();
              }}
            >
              {accept.isError ? <Alert tone="danger">{errorMessage(accept.error)}</Alert> : null}
              <Checkbox
                label={`I accept "${item.title}" on behalf of my organization`}
                hint="Your name, the time, this version and your network address are recorded."
                checked={agreed}
                onChange={(event) => setAgreed(event.target.checked)}
              />
              <Button type="submit" disabled={!agreed} loading={accept.isPending}>
                Accept version {item.latestVersion.version}
              </Button>
            </form>
          ) : (
            <Alert tone="info">A partner admin of your organization needs to accept this agreement.</Alert>
          )
        ) : null}
      </CardBody>
    </Card>
  );
}

export function PortalAgreementsPage() {
  useDocumentTitle("Agreements");
  const user = useCurrentUser();
  const agreements = useQuery({
    queryKey: ["portal", "agreements"],
    queryFn: ({ signal }) => api.agreements.own(signal),
  });
  const pending = agreements.data?.items.filter((a) => !a.accepted).length ?? 0;
  return (
    <>
      <PageHeader
        title="Agreements"
        description={
          pending > 0
            ? `${pending} agreement${pending === 1 ? " needs" : "s need"} your organization's acceptance.`
            : "The agreements of your partner programs and who accepted them."
        }
      />
      {agreements.isPending ? (
        <LoadingBlock label="Loading agreements…" />
      ) : agreements.isError ? (
        <ErrorState error={agreements.error} onRetry={() => void agreements.refetch()} />
      ) : agreements.data.items.length === 0 ? (
        <Card>
          <EmptyState
            icon={<ListIcon />}
            title="No agreements yet"
            description="Agreements of your programs will appear here when your vendor publishes them."
          />
        </Card>
      ) : (
        <div className="space-y-6">
          {agreements.data.items.map((item) => (
            <AgreementCard key={item.agreementId} item={item} canAccept={can(user, "portal.admin")} />
          ))}
        </div>
      )}
    </>
  );
}

import type { PortalRegistration } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { Dialog } from "../../../components/ui/Dialog";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Input, Textarea } from "../../../components/ui/Field";
import { PageHeader } from "../../../components/ui/PageHeader";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { useToast } from "../../../components/ui/Toast";
import { registrationEndpoints } from "../../../lib/endpoints/registrations";
import { formatDate, formatDateTime } from "../../../lib/format";
import { errorMessage } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";
import { DecisionBadge, formatMoney, ProtectionCountdown, StatusBadge } from "./dealUi";

const api = registrationEndpoints.portal;

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children || "—"}</dd>
    </div>
  );
}

function ExtensionDialog({ registration, onClose }: { registration: PortalRegistration; onClose: () => void }) {
  const [days, setDays] = useState("30");
  const [reason, setReason] = useState("");
  const queryClient = useQueryClient();
  const toast = useToast();
  const ask = useMutation({
    mutationFn: () => api.requestExtension(registration.id, { days: Number(days), reason }),
    onSuccess: (updated) => {
      queryClient.setQueryData(["portal", "registration", registration.id], updated);
      toast.success("Extension requested; your partner manager decides");
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title="Ask for more protection time"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={ask.isPending} onClick={() => ask.mutate()}>
            Request extension
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        {ask.isError ? <Alert tone="danger">{errorMessage(ask.error)}</Alert> : null}
        <Input
          label="Extra days"
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          data-autofocus
        />
        <Textarea
          label="Why does the deal need more time?"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
    </Dialog>
  );
}

export function PortalDealPage() {
  const { id } = useParams({ from: "/portal/deals/$id" });
  const queryClient = useQueryClient();
  const toast = useToast();
  const [extending, setExtending] = useState(false);
  const registration = useQuery({
    queryKey: ["portal", "registration", id],
    queryFn: ({ signal }) => api.get(id, signal),
  });
  useDocumentTitle(registration.data?.companyName ?? "Registration");
  const refresh = (updated: PortalRegistration) => {
    queryClient.setQueryData(["portal", "registration", id], updated);
    void queryClient.invalidateQueries({ queryKey: ["portal", "registrations"] });
  };
  const submit = useMutation({ mutationFn: () => api.submit(id), onSuccess: refresh });
  const withdraw = useMutation({
    mutationFn: () => api.withdraw(id),
    onSuccess: (r) => {
      refresh(r);
      toast.success("Registration withdrawn");
    },
  });
  const upload = useMutation({ mutationFn: (file: File) => api.upload(id, file), onSuccess: refresh });

  if (registration.isPending) return <LoadingBlock label="Loading the registration…" />;
  if (registration.isError)
    return <ErrorState error={registration.error} onRetry={() => void registration.refetch()} />;
  const r = registration.data;
  const open = ["submitted", "under_review", "approved"].includes(r.status);
  const actionError = submit.error ?? withdraw.error ?? upload.error;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link to="/portal/deals" className="hover:underline">
            Deal registrations
          </Link>
        }
        title={r.companyName}
        description={r.website ?? undefined}
        actions={
          <>
            <StatusBadge status={r.status} />
            {r.status === "approved" ? <ProtectionCountdown expiresAt={r.protectionExpiresAt} /> : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {r.infoRequest ? (
            <Alert tone="warning">Your partner manager asks: {r.infoRequest} Edit the notes to answer.</Alert>
          ) : null}
          {r.check ? (
            <Card>
              <CardHeader
                title="Conflict check"
                headingLevel={2}
                actions={<DecisionBadge decision={r.check.decision} />}
              />
              <CardBody>
                <p className="text-sm text-slate-700" data-testid="check-reason">
                  {r.check.reason}
                </p>
                {r.decisionReason ? (
                  <p className="mt-2 text-sm font-medium text-slate-900">Decision: {r.decisionReason}</p>
                ) : null}
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Details" headingLevel={2} />
            <CardBody>
              <dl className="grid gap-4 sm:grid-cols-3">
                <Fact label="Country">{r.country}</Fact>
                <Fact label="Contact">
                  {[r.contactName, r.contactEmail, r.contactPhone].filter(Boolean).join(" · ")}
                </Fact>
                <Fact label="Amount">{formatMoney(r.amount, r.currency)}</Fact>
                <Fact label="Expected close">{formatDate(r.expectedCloseOn)}</Fact>
                <Fact label="Products">{r.products.join(", ")}</Fact>
                <Fact label="Incumbent">{r.incumbent}</Fact>
                <Fact label="Submitted">{formatDateTime(r.submittedAt)}</Fact>
                <Fact label="Protected until">{formatDate(r.protectionExpiresAt)}</Fact>
                <Fact label="Created by">{r.createdBy}</Fact>
              </dl>
              {r.useCase ? <p className="mt-4 text-sm text-slate-700">{r.useCase}</p> : null}
              {r.notes ? <p className="mt-2 text-sm text-slate-600">{r.notes}</p> : null}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Evidence files" headingLevel={2} />
            <CardBody className="space-y-3">
              {r.attachments.length === 0 ? <p className="text-sm text-slate-500">No files yet.</p> : null}
              <ul className="space-y-1 text-sm">
                {r.attachments.map((a) => (
                  <li key={a.id}>
                    <a className="text-brand-700 hover:underline" href={api.fileUrl(r.id, a.id)}>
                      {a.fileName}
                    </a>{" "}
                    <span className="text-slate-500">({Math.ceil(a.sizeBytes / 1024)} KB)</span>
                  </li>
                ))}
              </ul>
              {open || r.status === "draft" ? (
                <label className="block text-sm">
                  <span className="font-medium text-slate-700">
                    Attach a file (PDF, image, CSV or Office, up to 10 MB)
                  </span>
                  <input
                    type="file"
                    className="mt-1 block text-sm"
                    accept=".pdf,.png,.jpg,.jpeg,.csv,.docx,.xlsx,.pptx"
                    onChange={(e) => {
                      const file = e.target.files?.[0];
                      if (file) upload.mutate(file);
                      e.target.value = "";
                    }}
                  />
                </label>
              ) : null}
            </CardBody>
          </Card>
        </div>
        <div className="space-y-4">
          {actionError ? <Alert tone="danger">{errorMessage(actionError)}</Alert> : null}
          <Card>
            <CardHeader title="Actions" headingLevel={2} />
            <CardBody className="flex flex-col gap-2">
              {r.status === "draft" ? (
                <Button loading={submit.isPending} onClick={() => submit.mutate()}>
                  Submit registration
                </Button>
              ) : null}
              {r.status === "approved" && r.protectionExpiresAt ? (
                <Button variant="secondary" onClick={() => setExtending(true)}>
                  Ask for an extension
                </Button>
              ) : null}
              {open || r.status === "draft" ? (
                <Button variant="danger" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
                  Withdraw
                </Button>
              ) : (
                <p className="text-sm text-slate-500">No actions for a {r.status.replace("_", " ")} registration.</p>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="History" headingLevel={2} />
            <CardBody>
              <ol className="space-y-2 text-sm">
                {r.transitions.map((t) => (
                  <li key={`${t.at}-${t.toStatus}`}>
                    <span className="font-medium">{t.toStatus.replace("_", " ")}</span>{" "}
                    <span className="text-slate-500">{formatDateTime(t.at)}</span>
                    {t.reason ? <p className="text-slate-600">{t.reason}</p> : null}
                  </li>
                ))}
                {r.extensions.map((x) => (
                  <li key={x.id}>
                    Extension of {x.requestedDays} days: <span className="font-medium">{x.status}</span>
                  </li>
                ))}
              </ol>
            </CardBody>
          </Card>
        </div>
      </div>
      {extending ? <ExtensionDialog registration={r} onClose={() => setExtending(false)} /> : null}
    </>
  );
}

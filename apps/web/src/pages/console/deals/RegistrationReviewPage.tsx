import type { ConflictMatchRecord, ConsoleRegistration } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Checkbox, Textarea } from "../../../components/ui/Field";
import { PageHeader } from "../../../components/ui/PageHeader";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { registrationEndpoints } from "../../../lib/endpoints/registrations";
import { formatDate, formatDateTime } from "../../../lib/format";
import { errorMessage } from "../../../lib/forms";
import { DecisionBadge, formatMoney, ProtectionCountdown, StatusBadge } from "../../portal/deals/dealUi";
import { Fact } from "../../portal/deals/PortalDealPage";
import { useDocumentTitle } from "../../system";

const api = registrationEndpoints.console;
const KIND: Record<ConflictMatchRecord["kind"], string> = {
  registration: "Registration by another partner",
  account: "Vendor-owned account",
  direct_opportunity: "Open direct opportunity",
  customer: "Existing customer",
  named_account: "Named account",
  direct_engagement: "Direct-sales engagement",
};
const KEY: Record<string, string> = {
  domain: "Domain",
  email_domain: "E-mail domain",
  name: "Name",
  phone: "Phone",
  country: "Country",
};

/** The registration and one competing record, side by side, with the keys that matched. */
function EvidenceCompare({ r, match }: { r: ConsoleRegistration; match: ConflictMatchRecord }) {
  return (
    <div className="rounded-lg border border-slate-200" data-testid="evidence">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-4 py-2">
        <span className="text-sm font-medium">{KIND[match.kind]}</span>
        <span className="flex items-center gap-2">
          <DecisionBadge decision={match.decision} />
          <Badge tone="neutral">score {match.score.toFixed(2)}</Badge>
        </span>
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">This registration compared with {match.name}</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500 uppercase">
            <th scope="col" className="px-4 py-2">
              Key
            </th>
            <th scope="col" className="px-4 py-2">
              This registration
            </th>
            <th scope="col" className="px-4 py-2">
              {match.partnerName ? `${match.partnerName}` : "Competing record"}
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Match
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-t border-slate-100">
            <th scope="row" className="px-4 py-2 font-medium">
              Company
            </th>
            <td className="px-4 py-2">{r.companyName}</td>
            <td className="px-4 py-2">{match.name}</td>
            <td />
          </tr>
          {match.evidence.map((e) => (
            <tr key={e.key} className="border-t border-slate-100">
              <th scope="row" className="px-4 py-2 font-medium">
                {KEY[e.key] ?? e.key}
              </th>
              <td className="px-4 py-2">{e.probeValue}</td>
              <td className="px-4 py-2">{e.candidateValue}</td>
              <td className="px-4 py-2 text-right">
                <Badge tone={e.score >= 0.9 ? "danger" : e.score >= 0.7 ? "warning" : "neutral"}>
                  {e.score.toFixed(2)}
                </Badge>
              </td>
            </tr>
          ))}
          {match.status || match.submittedAt || match.engagedAt || match.listName ? (
            <tr className="border-t border-slate-100">
              <th scope="row" className="px-4 py-2 font-medium">
                Record
              </th>
              <td className="px-4 py-2">Submitted {formatDateTime(r.submittedAt)}</td>
              <td className="px-4 py-2" colSpan={2}>
                {[
                  match.status && `Status ${match.status.replace("_", " ")}`,
                  match.submittedAt && `submitted ${formatDateTime(match.submittedAt)}`,
                  match.listName && `list "${match.listName}"`,
                  match.engagedAt && `since ${formatDate(match.engagedAt)}`,
                ]
                  .filter(Boolean)
                  .join(", ")}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <p className="border-t border-slate-100 px-4 py-2 text-sm text-slate-600">{match.reason}</p>
    </div>
  );
}

export function RegistrationReviewPage() {
  const { id } = useParams({ from: "/console/deals/$id" });
  const queryClient = useQueryClient();
  const key = ["console", "registration", id];
  const registration = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get(id, signal) });
  useDocumentTitle(registration.data ? `Review ${registration.data.companyName}` : "Review registration");
  const [reason, setReason] = useState("");
  const [override, setOverride] = useState(false);
  const done = (updated: ConsoleRegistration) => {
    queryClient.setQueryData(key, updated);
    void queryClient.invalidateQueries({ queryKey: ["console", "registrations"] });
    setReason("");
    setOverride(false);
  };
  const approve = useMutation({
    mutationFn: () => api.approve(id, { override, ...(reason ? { reason } : {}) }),
    onSuccess: done,
  });
  const reject = useMutation({ mutationFn: () => api.reject(id, reason), onSuccess: done });
  const ask = useMutation({ mutationFn: () => api.requestInfo(id, reason), onSuccess: done });
  const recheck = useMutation({ mutationFn: () => api.recheck(id), onSuccess: done });
  const convert = useMutation({ mutationFn: () => api.convert(id), onSuccess: done });
  const decideExtension = useMutation({
    mutationFn: (input: { extensionId: string; approve: boolean }) =>
      api.decideExtension(id, input.extensionId, { approve: input.approve }),
    onSuccess: done,
  });

  if (registration.isPending) return <LoadingBlock label="Loading the registration…" />;
  if (registration.isError)
    return <ErrorState error={registration.error} onRetry={() => void registration.refetch()} />;
  const r = registration.data;
  const latest = r.checks[0];
  const deciding = r.status === "submitted" || r.status === "under_review" || r.status === "rejected";
  const error = approve.error ?? reject.error ?? ask.error ?? recheck.error ?? convert.error ?? decideExtension.error;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link to="/console/deals" className="hover:underline">
            Deal registrations
          </Link>
        }
        title={r.companyName}
        description={`Registered by ${r.partnerName}${r.submittedAt ? ` on ${formatDateTime(r.submittedAt)}` : ""}`}
        actions={
          <>
            <StatusBadge status={r.status} />
            {r.status === "approved" ? <ProtectionCountdown expiresAt={r.protectionExpiresAt} /> : null}
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card>
            <CardHeader
              title="Conflict evidence"
              headingLevel={2}
              description={
                latest
                  ? `${latest.trigger === "submit" ? "At submission" : "At review"}, ${formatDateTime(latest.checkedAt)}, rules version ${latest.policyVersion}`
                  : undefined
              }
              actions={
                <>
                  {latest ? <DecisionBadge decision={latest.decision} /> : null}
                  <Button size="sm" variant="secondary" loading={recheck.isPending} onClick={() => recheck.mutate()}>
                    Check again
                  </Button>
                </>
              }
            />
            <CardBody className="space-y-4">
              {r.blockedBy ? (
                <Alert tone="warning">Approval needs an override with a reason: {latest?.partnerReason}</Alert>
              ) : null}
              {latest && latest.matches.length > 0 ? (
                latest.matches.map((m) => <EvidenceCompare key={`${m.kind}-${m.recordId}`} r={r} match={m} />)
              ) : (
                <p className="text-sm text-slate-600">
                  No other registration, account or customer matches this company.
                </p>
              )}
              {latest ? <p className="text-sm text-slate-500">The partner sees: “{latest.partnerReason}”</p> : null}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Registration" headingLevel={2} />
            <CardBody>
              <dl className="grid gap-4 sm:grid-cols-3">
                <Fact label="Domain">{r.website}</Fact>
                <Fact label="Country">{r.country}</Fact>
                <Fact label="Contact">
                  {[r.contactName, r.contactEmail, r.contactPhone].filter(Boolean).join(" · ")}
                </Fact>
                <Fact label="Amount">{formatMoney(r.amount, r.currency)}</Fact>
                <Fact label="Expected close">{formatDate(r.expectedCloseOn)}</Fact>
                <Fact label="Products">{r.products.join(", ")}</Fact>
                <Fact label="SLA due">{formatDateTime(r.reviewDueAt)}</Fact>
                <Fact label="Decision">{r.decisionReason}</Fact>
                <Fact label="Incumbent">{r.incumbent}</Fact>
              </dl>
              {r.notes ? <p className="mt-4 text-sm text-slate-700">{r.notes}</p> : null}
              {r.attachments.length ? (
                <ul className="mt-4 space-y-1 text-sm">
                  {r.attachments.map((a) => (
                    <li key={a.id}>
                      <a className="text-brand-700 hover:underline" href={api.fileUrl(r.id, a.id)}>
                        {a.fileName}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </CardBody>
          </Card>
        </div>
        <div className="space-y-4">
          {error ? <Alert tone="danger">{errorMessage(error)}</Alert> : null}
          {deciding ? (
            <Card>
              <CardHeader title="Decide" headingLevel={2} />
              <CardBody className="space-y-3">
                <Textarea
                  label="Reason or message to the partner"
                  hint="Required to reject, to override or to ask for information"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
                {r.blockedBy || r.status === "rejected" ? (
                  <Checkbox
                    label="Override the rules of engagement"
                    checked={override}
                    onChange={(e) => setOverride(e.target.checked)}
                  />
                ) : null}
                <div className="flex flex-wrap gap-2">
                  <Button loading={approve.isPending} onClick={() => approve.mutate()}>
                    {override ? "Approve by override" : "Approve"}
                  </Button>
                  {r.status !== "rejected" ? (
                    <>
                      <Button
                        variant="danger"
                        disabled={reason.trim().length < 3}
                        loading={reject.isPending}
                        onClick={() => reject.mutate()}
                      >
                        Reject
                      </Button>
                      <Button
                        variant="secondary"
                        disabled={reason.trim().length < 3}
                        loading={ask.isPending}
                        onClick={() => ask.mutate()}
                      >
                        Ask for information
                      </Button>
                    </>
                  ) : null}
                </div>
              </CardBody>
            </Card>
          ) : null}
          {r.status === "approved" ? (
            <Card>
              <CardHeader title="Approved" headingLevel={2} />
              <CardBody className="space-y-3">
                <Button loading={convert.isPending} onClick={() => convert.mutate()}>
                  Convert to opportunity
                </Button>
                {r.extensions
                  .filter((x) => x.status === "pending")
                  .map((x) => (
                    <div key={x.id} className="space-y-2 rounded-lg border border-slate-200 p-3 text-sm">
                      <p>
                        Extension of {x.requestedDays} days requested: {x.reason}
                      </p>
                      <div className="flex gap-2">
                        <Button size="sm" onClick={() => decideExtension.mutate({ extensionId: x.id, approve: true })}>
                          Extend
                        </Button>
                        <Button
                          size="sm"
                          variant="secondary"
                          onClick={() => decideExtension.mutate({ extensionId: x.id, approve: false })}
                        >
                          Decline
                        </Button>
                      </div>
                    </div>
                  ))}
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title={`${r.partnerName}'s registrations`} headingLevel={2} />
            <CardBody>
              {r.partnerHistory.length === 0 ? (
                <p className="text-sm text-slate-500">This is their first registration.</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {r.partnerHistory.map((h) => (
                    <li key={h.id} className="flex items-center justify-between gap-2">
                      <Link to="/console/deals/$id" params={{ id: h.id }} className="text-brand-700 hover:underline">
                        {h.companyName}
                      </Link>
                      <StatusBadge status={h.status} />
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

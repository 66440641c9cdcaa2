import {
  type ApplicationDetail,
  type ApproveApplicationResult,
  type PartnerType,
  partnerTypeLabels,
} from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { CopyField } from "../../../components/ui/CopyField";
import { Dialog } from "../../../components/ui/Dialog";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Select, Textarea } from "../../../components/ui/Field";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { useToast } from "../../../components/ui/Toast";
import { canManagePrograms } from "../../../features/programPicker";
import { api } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/auth";
import { formatDateTime } from "../../../lib/format";
import { errorMessage, fieldErrorsFromApi } from "../../../lib/forms";
import { FitBar } from "./FitBar";
import { statusBadge } from "./status";

// The applicant's answers in a fixed, readable order, with labels instead of codes.
const answerOrder: [key: string, label: string][] = [
  ["companyName", "Company"],
  ["website", "Website"],
  ["hqCountry", "HQ country"],
  ["size", "Size"],
  ["regions", "Regions"],
  ["industries", "Industries"],
  ["partnerTypes", "Partner types"],
  ["specializations", "Specializations"],
  ["applicantName", "Applicant"],
  ["applicantEmail", "Applicant email"],
  ["message", "Message"],
];

function answerText(key: string, value: unknown): string {
  const list = Array.isArray(value) ? value.map(String) : [String(value)];
  const label = (item: string) =>
    key === "partnerTypes"
      ? (partnerTypeLabels[item as PartnerType] ?? item)
      : key === "regions"
        ? item.replaceAll("_", " ").replace(/\b(emea|apac|anz|dach|uk)\b/g, (m) => m.toUpperCase())
        : item;
  return list.map(label).join(", ");
}

function Answers({ answers }: { answers: Record<string, unknown> }) {
  const known = new Set(answerOrder.map(([key]) => key));
  const rows = [
    ...answerOrder.map(([key, label]) => [key, label, answers[key]] as const),
    ...Object.entries(answers)
      .filter(([key]) => !known.has(key))
      .map(([key, value]) => [key, key.replace(/([A-Z])/g, " $1").toLowerCase(), value] as const),
  ].filter(([, , v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0));
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
      {rows.map(([key, label, value]) => (
        <div key={key} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="break-words text-slate-900">{answerText(key, value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Breakdown({ application }: { application: ApplicationDetail }) {
  if (application.fitBreakdown.length === 0) {
    return (
      <p className="text-sm text-slate-500">The program has no Ideal Partner Profile yet, so there is no score.</p>
    );
  }
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Fit score by criterion</caption>
      <thead>
        <tr className="text-left text-xs text-slate-500 uppercase">
          <th scope="col" className="py-1">
            Criterion
          </th>
          <th scope="col" className="py-1">
            Why
          </th>
          <th scope="col" className="py-1 text-right">
            Points
          </th>
        </tr>
      </thead>
      <tbody>
        {application.fitBreakdown.map((c) => (
          <tr key={c.criterionId} className="border-t border-slate-100">
            <td className="py-2 pr-2">
              <span className="font-medium text-slate-900">{c.label}</span>{" "}
              {c.required ? <Badge tone={c.passed ? "neutral" : "danger"}>required</Badge> : null}
              <span className="block text-xs text-slate-500">weight {c.weight}</span>
            </td>
            <td className="py-2 pr-2 text-slate-600">{c.detail}</td>
            <td className="py-2 text-right font-medium tabular-nums">{c.points}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An application: answers, fit breakdown, warnings, and the vetting decisions. */
export function ApplicationDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const user = useCurrentUser();
  const canDecide = canManagePrograms(user);
  const queryClient = useQueryClient();
  const toast = useToast();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [approved, setApproved] = useState<ApproveApplicationResult | null>(null);
  const detail = useQuery({
    queryKey: ["console", "application", id],
    queryFn: ({ signal }) => api.recruitment.application(id ?? "", signal),
    enabled: Boolean(id),
  });
  const vetters = useQuery({
    queryKey: ["console", "partner-managers"],
    queryFn: ({ signal }) => api.partners.managers(signal),
    enabled: Boolean(id) && canDecide,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ["console", "applications"] });
    void queryClient.invalidateQueries({ queryKey: ["console", "application", id] });
  };
  const assign = useMutation({
    mutationFn: (vetterId: string) => api.recruitment.assign(id ?? "", vetterId),
    onSuccess: () => {
      toast.success("Vetter assigned");
      refresh();
    },
    onError: (error) => toast.error("Could not assign the vetter", errorMessage(error)),
  });
  const approve = useMutation({
    mutationFn: () => api.recruitment.approve(id ?? ""),
    onSuccess: (result) => {
      setApproved(result);
      refresh();
    },
  });
  const reject = useMutation({
    mutationFn: () => api.recruitment.reject(id ?? "", reason),
    onSuccess: () => {
      toast.success("Application rejected");
      setRejecting(false);
      refresh();
    },
  });
  const close = () => {
    setRejecting(false);
    setReason("");
    setApproved(null);
    approve.reset();
    reject.reset();
    onClose();
  };
  const app = detail.data;
  const open = app ? app.status === "received" || app.status === "in_vetting" : false;
  const reasonError = fieldErrorsFromApi(reject.error).reason;
  return (
    <Dialog
      open={Boolean(id)}
      onClose={close}
      size="lg"
      title={app ? app.companyName : "Application"}
      description={app ? `${app.programName} · received ${formatDateTime(app.createdAt)}` : undefined}
    >
      {detail.isPending ? (
        <LoadingBlock label="Loading the application…" />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : app ? (
        <div className="space-y-6">
          <div className="flex flex-wrap items-center gap-3">
            {statusBadge(app.status)}
            <FitBar score={app.fitScore} label={`Fit score of ${app.companyName}`} />
            {app.ippVersion ? <span className="text-xs text-slate-500">profile v{app.ippVersion}</span> : null}
          </div>
          {app.duplicateWarnings.map((warning) => (
            <Alert key={warning} tone="warning">
              {warning}
            </Alert>
          ))}
          {app.decisionReason ? (
            <Alert tone={app.status === "rejected" ? "danger" : "info"} live="status">
              {app.decidedBy ? `${app.decidedBy}: ` : ""}
              {app.decisionReason}
            </Alert>
          ) : null}
          {approved ? (
            <Alert tone="success" title="Approved">
              <p className="mb-3">
                {app.companyName} is now onboarding. Send this invitation link to {approved.invitation.email}; it
                expires {formatDateTime(approved.invitation.expiresAt)}.
              </p>
              <CopyField label="Invitation link" value={approved.acceptUrl} />
            </Alert>
          ) : null}
          <section>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">Fit breakdown</h3>
            <Breakdown application={app} />
          </section>
          <section>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">Answers</h3>
            <Answers answers={app.answers} />
          </section>
          {open && canDecide ? (
            <section className="space-y-4 border-t border-slate-200 pt-4">
              <h3 className="text-sm font-semibold text-slate-900">Decision</h3>
              <Select
                label="Vetter"
                value={app.vetterId ?? ""}
                onChange={(event) => event.target.value && assign.mutate(event.target.value)}
                disabled={assign.isPending || vetters.isPending}
              >
                <option value="">Not assigned</option>
                {vetters.data?.items.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </Select>
              {approve.isError ? <Alert tone="danger">{errorMessage(approve.error)}</Alert> : null}
              {rejecting ? (
                <form
                  className="space-y-3"
                  onSubmit={(event) => {
                    event.preventDefault();
                    reject.mutate();
                  }}
                >
                  <Textarea
                    label="Reason"
                    hint="Recorded with the decision and shown on the partner's timeline."
                    value={reason}
                    error={reasonError}
                    onChange={(event) => setReason(event.target.value)}
                    data-autofocus
                    required
                  />
                  {reject.isError && !reasonError ? <Alert tone="danger">{errorMessage(reject.error)}</Alert> : null}
                  <div className="flex gap-2">
                    <Button type="submit" variant="danger" loading={reject.isPending}>
                      Reject application
                    </Button>
                    <Button variant="ghost" onClick={() => setRejecting(false)}>
                      Cancel
                    </Button>
                  </div>
                </form>
              ) : (
                <div className="flex flex-wrap gap-2">
                  <Button onClick={() => approve.mutate()} loading={approve.isPending}>
                    Approve and invite
                  </Button>
                  <Button variant="secondary" onClick={() => setRejecting(true)}>
                    Reject…
                  </Button>
                </div>
              )}
            </section>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}

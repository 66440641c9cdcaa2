import type { AgreementAcceptanceRecord } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button, buttonClasses } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Checkbox, Textarea } from "../../../components/ui/Field";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { type Column, DataTable } from "../../../components/ui/Table";
import { useToast } from "../../../components/ui/Toast";
import { Markdown } from "../../../features/markdown";
import { canManagePrograms } from "../../../features/programPicker";
import { api } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/auth";
import { formatDateTime } from "../../../lib/format";
import { errorMessage, fieldErrorsFromApi } from "../../../lib/forms";

function PublishForm({ id, current }: { id: string; current: string }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [body, setBody] = useState(current);
  const [reaccept, setReaccept] = useState(true);
  const [preview, setPreview] = useState(false);
  const publish = useMutation({
    mutationFn: () => api.agreements.publish(id, { bodyMarkdown: body, requiresReacceptance: reaccept }),
    onSuccess: (version) => {
      toast.success(`Version ${version.version} published`);
      void queryClient.invalidateQueries({ queryKey: ["console", "agreements"] });
      void queryClient.invalidateQueries({ queryKey: ["console", "agreement", id] });
    },
  });
  const errors = fieldErrorsFromApi(publish.error);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        publish.mutate();
      }}
    >
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-semibold text-slate-900">Publish a new version</h3>
        <Button variant="ghost" size="sm" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? "Edit" : "Preview"}
        </Button>
      </div>
      {preview ? (
        <div className="max-h-80 overflow-y-auto rounded-lg border border-slate-200 bg-slate-50 p-4" aria-live="polite">
          <Markdown source={body} />
        </div>
      ) : (
        <Textarea
          label="Text (markdown)"
          rows={12}
          value={body}
          error={errors.bodyMarkdown}
          onChange={(e) => setBody(e.target.value)}
        />
      )}
      <Checkbox
        label="Require every partner to accept again"
        hint="Leave unticked for corrections that do not change the terms: earlier acceptances stay valid."
        checked={reaccept}
        onChange={(e) => setReaccept(e.target.checked)}
      />
      {publish.isError && !errors.bodyMarkdown ? <Alert tone="danger">{errorMessage(publish.error)}</Alert> : null}
      <Button type="submit" loading={publish.isPending} disabled={body.trim() === "" || body === current}>
        Publish
      </Button>
    </form>
  );
}

/** One agreement: its versions, a publish form and the acceptance record with CSV export. */
export function AgreementDetailPanel({ id }: { id: string }) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: ["console", "agreement", id],
    queryFn: ({ signal }) => api.agreements.get(id, signal),
  });
  const acceptances = useQuery({
    queryKey: ["console", "agreement", id, "acceptances"],
    queryFn: ({ signal }) => api.agreements.acceptances(id, signal),
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) => api.agreements.update(id, { archived }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["console", "agreements"] });
      void queryClient.invalidateQueries({ queryKey: ["console", "agreement", id] });
    },
  });
  if (detail.isPending) return <LoadingBlock label="Loading the agreement…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const agreement = detail.data;
  const latest = agreement.versions[0];
  const columns: Column<AgreementAcceptanceRecord>[] = [
    { key: "partner", header: "Partner", cell: (a) => a.partnerName },
    { key: "version", header: "Version", cell: (a) => `v${a.version}` },
    { key: "who", header: "Accepted by", hideOnMobile: true, cell: (a) => a.userEmail },
    { key: "when", header: "When", cell: (a) => formatDateTime(a.acceptedAt) },
  ];
  const manage = canManagePrograms(user);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={agreement.title}
          description={`${agreement.programName} · ${agreement.versionCount} version${agreement.versionCount === 1 ? "" : "s"}`}
          actions={
            manage ? (
              <Button
                variant="ghost"
                size="sm"
                loading={archive.isPending}
                onClick={() => archive.mutate(!agreement.archivedAt)}
              >
                {agreement.archivedAt ? "Restore" : "Archive"}
              </Button>
            ) : null
          }
        />
        <CardBody className="space-y-4">
          {latest ? (
            <details className="rounded-lg border border-slate-200" open>
              <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-900">
                Version {latest.version} (current) · {formatDateTime(latest.publishedAt)}
              </summary>
              <div className="max-h-80 overflow-y-auto border-t border-slate-200 p-4">
                <Markdown source={latest.bodyMarkdown} />
              </div>
            </details>
          ) : null}
          <ul className="space-y-1 text-sm text-slate-600">
            {agreement.versions.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-800">v{v.version}</span>
                <span>{formatDateTime(v.publishedAt)}</span>
                {v.publishedBy ? <span>by {v.publishedBy}</span> : null}
                {v.requiresReacceptance ? (
                  <Badge tone="warning">acceptance required</Badge>
                ) : (
                  <Badge tone="neutral">keeps acceptances</Badge>
                )}
              </li>
            ))}
          </ul>
          {manage && latest ? <PublishForm key={latest.id} id={id} current={latest.bodyMarkdown} /> : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Acceptances"
          description="Immutable record of who accepted which version."
          actions={
            <a className={buttonClasses("secondary", "sm")} href={api.agreements.acceptancesCsvUrl(id)} download>
              Export CSV
            </a>
          }
        />
        {acceptances.isError ? (
          <ErrorState error={acceptances.error} onRetry={() => void acceptances.refetch()} />
        ) : (
          <DataTable
            caption={`Acceptances of ${agreement.title}`}
            columns={columns}
            rows={acceptances.data?.items}
            rowKey={(a) => a.id}
            loading={acceptances.isPending}
            empty={<EmptyState compact headingLevel={3} title="Nobody has accepted yet" />}
          />
        )}
      </Card>
    </div>
  );
}

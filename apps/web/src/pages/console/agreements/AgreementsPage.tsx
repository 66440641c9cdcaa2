import type { AgreementRecord } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { Dialog } from "../../../components/ui/Dialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Checkbox, Input, Textarea } from "../../../components/ui/Field";
import { ListIcon, PlusIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { type Column, DataTable } from "../../../components/ui/Table";
import { useToast } from "../../../components/ui/Toast";
import { canManagePrograms, ProgramSelect } from "../../../features/programPicker";
import { api } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/auth";
import { formatDate } from "../../../lib/format";
import { errorMessage, fieldErrorsFromApi } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";
import { AgreementDetailPanel } from "./AgreementDetailPanel";

function CreateAgreementDialog({
  open,
  onClose,
  programId,
}: {
  open: boolean;
  onClose: () => void;
  programId: string;
}) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [values, setValues] = useState({ programId, title: "", bodyMarkdown: "" });
  const create = useMutation({
    mutationFn: () => api.agreements.create(values),
    onSuccess: (agreement) => {
      toast.success(`${agreement.title} published as version 1`);
      void queryClient.invalidateQueries({ queryKey: ["console", "agreements"] });
      setValues({ programId, title: "", bodyMarkdown: "" });
      onClose();
    },
  });
  const errors = fieldErrorsFromApi(create.error);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title="New agreement"
      description="Version 1 is published at once; partner admins of the program accept it in the portal."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="create-agreement" loading={create.isPending}>
            Publish version 1
          </Button>
        </>
      }
    >
      <form
        id="create-agreement"
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        {create.isError && Object.keys(errors).length === 0 ? (
          <Alert tone="danger">{errorMessage(create.error)}</Alert>
        ) : null}
        <ProgramSelect
          value={values.programId}
          error={errors.programId}
          onChange={(id) => setValues({ ...values, programId: id })}
        />
        <Input
          label="Title"
          value={values.title}
          error={errors.title}
          onChange={(e) => setValues({ ...values, title: e.target.value })}
        />
        <Textarea
          label="Text (markdown)"
          rows={10}
          value={values.bodyMarkdown}
          error={errors.bodyMarkdown}
          onChange={(e) => setValues({ ...values, bodyMarkdown: e.target.value })}
        />
      </form>
    </Dialog>
  );
}

/** Agreements per program: versions, publishing, and the acceptance record. */
export function AgreementsPage() {
  useDocumentTitle("Agreements");
  const user = useCurrentUser();
  const [programId, setProgramId] = useState("");
  const [includeArchived, setIncludeArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const params = { programId: programId || undefined, includeArchived };
  const list = useQuery({
    queryKey: ["console", "agreements", params],
    queryFn: ({ signal }) => api.agreements.list(params, signal),
  });
  const columns: Column<AgreementRecord>[] = [
    {
      key: "title",
      header: "Agreement",
      cell: (a) => (
        <button
          type="button"
          className="text-left font-medium text-brand-700 hover:underline focus-visible:underline"
          aria-pressed={selected === a.id}
          onClick={() => setSelected(a.id)}
        >
          {a.title}
          {a.archivedAt ? (
            <Badge tone="neutral" className="ml-2">
              Archived
            </Badge>
          ) : null}
        </button>
      ),
    },
    { key: "program", header: "Program", cell: (a) => a.programName },
    {
      key: "version",
      header: "Current version",
      hideOnMobile: true,
      cell: (a) => (a.latestVersion ? `v${a.latestVersion.version} · ${formatDate(a.latestVersion.publishedAt)}` : "—"),
    },
    { key: "acceptances", header: "Acceptances", align: "right", cell: (a) => a.acceptanceCount },
  ];
  return (
    <>
      <PageHeader
        title="Agreements"
        description="Versioned agreements per program. Partner admins accept them in the portal; every acceptance is recorded for good."
        actions={
          canManagePrograms(user) ? (
            <Button icon={<PlusIcon />} onClick={() => setCreating(true)}>
              New agreement
            </Button>
          ) : null
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
        <Card>
          <div className="flex flex-col gap-3 border-b border-slate-200 px-5 py-4 sm:flex-row sm:items-end">
            <div className="flex-1">
              <ProgramSelect value={programId} allLabel="All programs" onChange={setProgramId} />
            </div>
            <Checkbox
              label="Show archived"
              checked={includeArchived}
              onChange={(e) => setIncludeArchived(e.target.checked)}
            />
          </div>
          {list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <DataTable
              caption="Agreements"
              columns={columns}
              rows={list.data?.items}
              rowKey={(a) => a.id}
              loading={list.isPending}
              empty={
                <EmptyState
                  compact
                  headingLevel={2}
                  icon={<ListIcon />}
                  title="No agreements yet"
                  description="Create the terms partners of a program must accept."
                />
              }
            />
          )}
        </Card>
        {selected ? (
          <AgreementDetailPanel id={selected} />
        ) : (
          <Card>
            <EmptyState
              compact
              headingLevel={2}
              title="Choose an agreement"
              description="Its versions and acceptances show here."
            />
          </Card>
        )}
      </div>
      <CreateAgreementDialog key={programId} open={creating} onClose={() => setCreating(false)} programId={programId} />
    </>
  );
}

import { createProgramBody, type ProgramRecord, protectionWindows } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button, buttonClasses } from "../../../components/ui/Button";
import { Card, CardHeader } from "../../../components/ui/Card";
import { Dialog } from "../../../components/ui/Dialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Checkbox, Input, Select, Textarea } from "../../../components/ui/Field";
import { PlusIcon, SparkIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { type Column, DataTable } from "../../../components/ui/Table";
import { useToast } from "../../../components/ui/Toast";
import { api } from "../../../lib/api";
import { errorMessage, type FieldErrors, fieldErrorsFromApi, validate } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";
import { protectionLabel, useCanManagePrograms } from "./programUi";

export function ProgramsPage() {
  useDocumentTitle("Programs");
  const canManage = useCanManagePrograms();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const programs = useQuery({
    queryKey: ["console", "programs", { showArchived }],
    queryFn: ({ signal }) => api.programs.list({ includeArchived: showArchived }, signal),
  });
  const pending = useQuery({
    queryKey: ["console", "tier-proposals", { status: "pending", limit: 1 }],
    queryFn: ({ signal }) => api.tiers.proposals({ status: "pending", limit: 1 }, signal),
  });

  const columns: Column<ProgramRecord>[] = [
    {
      key: "name",
      header: "Program",
      cell: (program) => (
        <div className="min-w-0">
          <Link
            to="/console/programs/$programId"
            params={{ programId: program.id }}
            className="font-medium text-slate-900 hover:text-brand-800 hover:underline"
          >
            {program.name}
          </Link>
          {program.archivedAt ? (
            <Badge tone="warning" className="ml-2">
              Archived
            </Badge>
          ) : null}
          {program.description ? <p className="truncate text-sm text-slate-500">{program.description}</p> : null}
        </div>
      ),
    },
    { key: "members", header: "Partners", align: "right", cell: (program) => program.memberCount.toLocaleString() },
    { key: "tiers", header: "Tiers", align: "right", hideOnMobile: true, cell: (program) => program.tierCount },
    {
      key: "protection",
      header: "Deal protection",
      hideOnMobile: true,
      cell: (program) => protectionLabel(program.protectionWindowDays),
    },
    {
      key: "applications",
      header: "Applications",
      hideBelowXl: true,
      cell: (program) =>
        program.applicationsOpen ? <Badge tone="success">Open</Badge> : <Badge tone="neutral">Closed</Badge>,
    },
  ];

  const createButton = canManage ? (
    <Button icon={<PlusIcon />} onClick={() => setCreating(true)}>
      New program
    </Button>
  ) : null;
  const pendingCount = pending.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title="Programs"
        description="Each program has its own tiers, deal protection, onboarding journey and agreements. A partner can belong to several."
        actions={
          <>
            <Link to="/console/programs/proposals" className={buttonClasses("secondary")}>
              Tier proposals
              {pendingCount > 0 ? <Badge tone="warning">{pendingCount} pending</Badge> : null}
            </Link>
            {createButton}
          </>
        }
      />
      <Card>
        <CardHeader
          title="All programs"
          description={programs.data ? `${programs.data.items.length} shown` : undefined}
          actions={
            <Checkbox
              label="Show archived"
              checked={showArchived}
              onChange={(event) => setShowArchived(event.target.checked)}
            />
          }
        />
        {programs.isError ? (
          <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />
        ) : (
          <DataTable
            caption="Programs"
            columns={columns}
            rows={programs.data?.items}
            rowKey={(program) => program.id}
            loading={programs.isPending}
            empty={
              <EmptyState
                compact
                headingLevel={3}
                icon={<SparkIcon />}
                title="No programs yet"
                description={
                  canManage
                    ? "Create your first program, such as Reseller or Referral, then add its tiers."
                    : "Programs created by your team will appear here."
                }
                action={createButton}
              />
            }
          />
        )}
      </Card>
      {canManage ? (
        <Dialog
          open={creating}
          onClose={() => setCreating(false)}
          title="New program"
          description="You can add tiers, members and a default journey once it exists."
        >
          {creating ? <CreateProgramForm onDone={() => setCreating(false)} /> : null}
        </Dialog>
      ) : null}
    </>
  );
}

type CreateField = "name" | "description" | "protectionWindowDays" | "slug";

function CreateProgramForm({ onDone }: { onDone: () => void }) {
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [window, setWindow] = useState("90");
  const [errors, setErrors] = useState<FieldErrors<CreateField>>({});
  const create = useMutation({
    mutationFn: api.programs.create,
    onSuccess: (program) => {
      toast.success("Program created", `${program.name} is ready for tiers and members.`);
      void queryClient.invalidateQueries({ queryKey: ["console", "programs"] });
      onDone();
      void navigate({ to: "/console/programs/$programId", params: { programId: program.id } });
    },
    onError: (error) => {
      const fields: FieldErrors<CreateField> = fieldErrorsFromApi(error);
      if (fields.slug && !fields.name) fields.name = fields.slug;
      setErrors(fields);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(createProgramBody, {
      name,
      ...(description.trim() ? { description } : {}),
      protectionWindowDays: window === "none" ? null : Number(window),
    });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    create.mutate(result.data);
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label="New program">
      {create.isError && Object.keys(errors).length === 0 ? (
        <Alert tone="danger">{errorMessage(create.error)}</Alert>
      ) : null}
      <Input label="Program name" required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <Textarea
        label="Description"
        optional
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={errors.description}
      />
      <Select
        label="Deal-registration protection"
        hint="How long an approved deal registration protects the partner."
        value={window}
        onChange={(e) => setWindow(e.target.value)}
        error={errors.protectionWindowDays}
      >
        {protectionWindows.map((days) => (
          <option key={days} value={String(days)}>
            {days} days
          </option>
        ))}
        <option value="none">No expiry</option>
      </Select>
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending} loadingText="Creating…">
          Create program
        </Button>
      </div>
    </form>
  );
}

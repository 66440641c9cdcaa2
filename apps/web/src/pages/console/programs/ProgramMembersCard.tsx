import { type ProgramMember, partnerStageLabels } from "@symbiont/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card, CardHeader } from "../../../components/ui/Card";
import { Dialog } from "../../../components/ui/Dialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Checkbox, Input } from "../../../components/ui/Field";
import { PartnersIcon, PlusIcon, SearchIcon } from "../../../components/ui/icons";
import { Pagination } from "../../../components/ui/Pagination";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { type Column, DataTable } from "../../../components/ui/Table";
import { useToast } from "../../../components/ui/Toast";
import { api } from "../../../lib/api";
import { formatDate } from "../../../lib/format";
import { errorMessage } from "../../../lib/forms";
import { useDebouncedValue } from "../../../lib/hooks";

const PAGE_SIZE = 20;

export function ProgramMembersCard({ programId, canManage }: { programId: string; canManage: boolean }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const [offset, setOffset] = useState(0);
  const [adding, setAdding] = useState(false);
  const q = useDebouncedValue(query.trim());
  const members = useQuery({
    queryKey: ["console", "program-members", programId, { q, offset }],
    queryFn: ({ signal }) => api.programs.members(programId, { q: q || undefined, limit: PAGE_SIZE, offset }, signal),
    placeholderData: keepPreviousData,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ["console", "program-members", programId] });
    void queryClient.invalidateQueries({ queryKey: ["console", "program", programId] });
    void queryClient.invalidateQueries({ queryKey: ["console", "tiers", programId] });
  };
  const remove = useMutation({
    mutationFn: (member: ProgramMember) => api.programs.removeMember(programId, member.partnerId),
    onSuccess: (_data, member) => {
      toast.success("Removed from the program", member.partnerName);
      refresh();
    },
    onError: (error) => toast.error("Could not remove the partner", errorMessage(error)),
  });

  const columns: Column<ProgramMember>[] = [
    {
      key: "partner",
      header: "Partner",
      cell: (member) => (
        <Link
          to="/console/partners/$partnerId"
          params={{ partnerId: member.partnerId }}
          className="font-medium text-slate-900 hover:text-brand-800 hover:underline"
        >
          {member.partnerName}
        </Link>
      ),
    },
    { key: "tier", header: "Tier", cell: (member) => member.tierName ?? <span className="text-slate-400">None</span> },
    {
      key: "stage",
      header: "Stage",
      hideOnMobile: true,
      cell: (member) => <Badge>{partnerStageLabels[member.stage]}</Badge>,
    },
    { key: "joined", header: "Joined", hideBelowXl: true, cell: (member) => formatDate(member.joinedAt) },
    ...(canManage
      ? [
          {
            key: "actions",
            header: <span className="sr-only">Actions</span>,
            align: "right" as const,
            cell: (member: ProgramMember) => (
              <Button
                size="sm"
                variant="ghost"
                loading={remove.isPending && remove.variables?.partnerId === member.partnerId}
                onClick={() => {
                  if (window.confirm(`Remove ${member.partnerName} from this program?`)) remove.mutate(member);
                }}
              >
                Remove
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card>
      <CardHeader
        title="Members"
        description={members.data ? `${members.data.total} partners` : undefined}
        actions={
          <>
            <search className="block w-full sm:w-56">
              <Input
                label="Search members"
                hideLabel
                type="search"
                placeholder="Search members"
                leading={<SearchIcon />}
                value={query}
                onChange={(event) => {
                  setQuery(event.target.value);
                  setOffset(0);
                }}
              />
            </search>
            {canManage ? (
              <Button size="sm" icon={<PlusIcon />} onClick={() => setAdding(true)}>
                Add partners
              </Button>
            ) : null}
          </>
        }
      />
      {members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <>
          <DataTable
            caption="Program members"
            columns={columns}
            rows={members.data?.items}
            rowKey={(member) => member.partnerId}
            loading={members.isPending}
            empty={
              <EmptyState
                compact
                headingLevel={3}
                icon={<PartnersIcon />}
                title={q ? "No members match that search" : "No members yet"}
                description={
                  q ? "Try part of the name." : "Add partners to this program; they start at the entry tier."
                }
              />
            }
          />
          {members.data ? (
            <Pagination
              offset={offset}
              limit={PAGE_SIZE}
              total={members.data.total}
              onChange={setOffset}
              label="Member pages"
            />
          ) : null}
        </>
      )}
      <Dialog
        open={adding}
        onClose={() => setAdding(false)}
        title="Add partners"
        description="New members start at the program's entry tier."
      >
        {adding ? (
          <AddMembersForm
            programId={programId}
            onDone={() => {
              setAdding(false);
              refresh();
            }}
            onCancel={() => setAdding(false)}
          />
        ) : null}
      </Dialog>
    </Card>
  );
}

function AddMembersForm({
  programId,
  onDone,
  onCancel,
}: {
  programId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const toast = useToast();
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const q = useDebouncedValue(query.trim());
  const partners = useQuery({
    queryKey: ["console", "partners", { q, offset: 0, picker: true }],
    queryFn: ({ signal }) => api.partners.list({ q: q || undefined, limit: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const add = useMutation({
    mutationFn: () => api.programs.addMembers(programId, { partnerIds: [...selected.keys()] }),
    onSuccess: (result) => {
      toast.success(
        `${result.added} ${result.added === 1 ? "partner" : "partners"} added`,
        result.alreadyMembers > 0 ? `${result.alreadyMembers} were already members.` : undefined,
      );
      onDone();
    },
  });
  const toggle = (id: string, name: string, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(id, name);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <div className="space-y-4">
      {add.isError ? <Alert tone="danger">{errorMessage(add.error)}</Alert> : null}
      <Input
        label="Find partners"
        type="search"
        leading={<SearchIcon />}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {partners.isError ? (
        <ErrorState error={partners.error} onRetry={() => void partners.refetch()} />
      ) : partners.isPending ? (
        <LoadingBlock label="Loading partners…" />
      ) : (
        <fieldset className="max-h-72 space-y-2 overflow-y-auto rounded-lg border border-slate-200 p-3">
          <legend className="sr-only">Partners</legend>
          {partners.data.items.length === 0 ? <p className="text-sm text-slate-500">No partners match.</p> : null}
          {partners.data.items.map((partner) => (
            <Checkbox
              key={partner.id}
              label={partner.name}
              checked={selected.has(partner.id)}
              onChange={(e) => toggle(partner.id, partner.name, e.target.checked)}
            />
          ))}
        </fieldset>
      )}
      <p className="text-sm text-slate-600" aria-live="polite">
        {selected.size === 0 ? "Nobody selected yet." : `Selected: ${[...selected.values()].join(", ")}`}
      </p>
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button disabled={selected.size === 0} loading={add.isPending} onClick={() => add.mutate()}>
          Add {selected.size || ""} {selected.size === 1 ? "partner" : "partners"}
        </Button>
      </div>
    </div>
  );
}

import type { AccountList } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { Checkbox, Input } from "../../../components/ui/Field";
import { PageHeader } from "../../../components/ui/PageHeader";
import { type Column, DataTable } from "../../../components/ui/Table";
import { useCurrentUser } from "../../../lib/auth";
import { accountsApi } from "../../../lib/endpoints/accounts";
import { errorMessage } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";
import { canEditAccounts } from "./accountUi";

/** Named-account lists ("Direct only", "Strategic"): which ones block partner registrations. */
export function AccountListsPage() {
  useDocumentTitle("Named-account lists");
  const editor = canEditAccounts(useCurrentUser());
  const queryClient = useQueryClient();
  const lists = useQuery({
    queryKey: ["console", "account-lists"],
    queryFn: ({ signal }) => accountsApi.lists(signal),
  });
  const [name, setName] = useState("");
  const [blocks, setBlocks] = useState(true);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["console", "account-lists"] });
  const create = useMutation({
    mutationFn: () => accountsApi.createList({ name: name.trim(), blocksPartners: blocks }),
    onSuccess: () => {
      setName("");
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => accountsApi.deleteList(id), onSuccess: refresh });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const columns: Column<AccountList>[] = [
    {
      key: "name",
      header: "List",
      cell: (row) => (
        <Link to="/console/accounts" search={{ listId: row.id }} className="font-medium text-slate-900 hover:underline">
          {row.name}
        </Link>
      ),
    },
    {
      key: "blocks",
      header: "Partner registrations",
      cell: (row) => (row.blocksPartners ? "Conflict (blocked)" : "Sent to review"),
    },
    { key: "members", header: "Accounts", cell: (row) => row.memberCount.toLocaleString(), align: "right" },
    ...(editor
      ? [
          {
            key: "actions",
            header: <span className="sr-only">Actions</span>,
            cell: (row: AccountList) => (
              <Button variant="ghost" size="sm" onClick={() => remove.mutate(row.id)} aria-label={`Delete ${row.name}`}>
                Delete
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link to="/console/accounts" className="text-brand-700 hover:underline">
            ← Accounts
          </Link>
        }
        title="Named-account lists"
        description="Accounts on a blocking list are a conflict for any partner registration; other lists send registrations to review."
      />
      {editor ? (
        <Card>
          <CardHeader title="New list" headingLevel={2} />
          <CardBody>
            <form onSubmit={submit} className="flex flex-wrap items-end gap-4" aria-label="New named-account list">
              <Input
                label="Name"
                value={name}
                onChange={(event) => setName(event.target.value)}
                required
                maxLength={120}
              />
              <Checkbox
                label="Blocks partner registrations"
                checked={blocks}
                onChange={(event) => setBlocks(event.target.checked)}
              />
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                Create list
              </Button>
            </form>
            {create.isError ? <Alert tone="danger">{errorMessage(create.error)}</Alert> : null}
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <DataTable
          caption="Named-account lists"
          columns={columns}
          rows={lists.data?.items}
          rowKey={(row) => row.id}
          loading={lists.isPending}
          empty={<p className="p-6 text-sm text-slate-600">No list yet. Create "Direct only" or "Strategic" above.</p>}
        />
      </Card>
    </div>
  );
}

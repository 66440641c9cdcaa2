import { type AccountRecord, accountStatuses, accountStatusLabels } from "@symbiont/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useId, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button, buttonClasses } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Input, Select } from "../../../components/ui/Field";
import { PageHeader } from "../../../components/ui/PageHeader";
import { Pagination } from "../../../components/ui/Pagination";
import { type Column, DataTable } from "../../../components/ui/Table";
import { useToast } from "../../../components/ui/Toast";
import { useCurrentUser } from "../../../lib/auth";
import { accountsApi } from "../../../lib/endpoints/accounts";
import { errorMessage } from "../../../lib/forms";
import { useDebouncedValue, useIsLatestPath } from "../../../lib/hooks";
import { useDocumentTitle } from "../../system";
import { AccountStatusBadge, canEditAccounts } from "./accountUi";

const PAGE_SIZE = 50;

/** The account book: search by name or domain, filters in the URL, bulk add to a named-account list. */
export function AccountsPage() {
  useDocumentTitle("Accounts");
  const editor = canEditAccounts(useCurrentUser());
  const search = useSearch({ from: "/console/accounts" });
  const navigate = useNavigate();
  const isLatestPath = useIsLatestPath();
  const [query, setQuery] = useState(search.q ?? "");
  const [status, setStatus] = useState(search.status ?? "");
  const [listId, setListId] = useState(search.listId ?? "");
  const [offset, setOffset] = useState(search.offset ?? 0);
  const [selected, setSelected] = useState<string[]>([]);
  const q = useDebouncedValue(query.trim());
  useEffect(() => {
    if (!isLatestPath("/console/accounts")) return;
    void navigate({
      to: "/console/accounts",
      replace: true,
      search: {
        ...Object.fromEntries(Object.entries({ q, status, listId }).filter(([, value]) => value)),
        ...(offset > 0 ? { offset } : {}),
      },
    });
  }, [isLatestPath, navigate, q, status, listId, offset]);

  const params = { q: q || undefined, status: status || undefined, listId: listId || undefined };
  const accounts = useQuery({
    queryKey: ["console", "accounts", { ...params, offset }],
    queryFn: ({ signal }) => accountsApi.list({ ...params, limit: PAGE_SIZE, offset }, signal),
    placeholderData: keepPreviousData,
  });
  const lists = useQuery({
    queryKey: ["console", "account-lists"],
    queryFn: ({ signal }) => accountsApi.lists(signal),
  });
  const rows = accounts.data?.items;
  const filtered = Boolean(q || status || listId);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  const columns: Column<AccountRecord>[] = [
    ...(editor
      ? [
          {
            key: "select",
            header: <span className="sr-only">Select</span>,
            cell: (row: AccountRecord) => (
              <input
                type="checkbox"
                aria-label={`Select ${row.name}`}
                checked={selected.includes(row.id)}
                onChange={() => toggle(row.id)}
              />
            ),
          },
        ]
      : []),
    {
      key: "name",
      header: "Account",
      cell: (row) => (
        <div className="min-w-0">
          <Link
            to="/console/accounts/$accountId"
            params={{ accountId: row.id }}
            className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
          >
            {row.name}
          </Link>
          <p className="truncate text-xs text-slate-500">{row.domain ?? "no domain"}</p>
        </div>
      ),
    },
    { key: "status", header: "Status", cell: (row) => <AccountStatusBadge status={row.status} /> },
    { key: "country", header: "Country", cell: (row) => row.country ?? "—", hideOnMobile: true },
    { key: "industry", header: "Industry", cell: (row) => row.industry ?? "—", hideOnMobile: true },
    { key: "owner", header: "Owner", cell: (row) => row.owner?.name ?? "Unowned", hideBelowXl: true },
    {
      key: "lists",
      header: "Lists",
      cell: (row) => (row.lists.length > 0 ? row.lists.map((l) => l.name).join(", ") : "—"),
      hideBelowXl: true,
    },
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        title="Accounts"
        description="Customers and prospects. Partner registrations are checked against them, their named-account lists and direct engagements."
        actions={
          <>
            <Link className={buttonClasses("secondary")} to="/console/accounts/lists">
              Named-account lists
            </Link>
            {editor ? (
              <Link className={buttonClasses("primary")} to="/console/imports/$kind" params={{ kind: "accounts" }}>
                Import CSV
              </Link>
            ) : null}
          </>
        }
      />
      <Card>
        <div className="flex flex-col gap-3 border-b border-slate-200 p-4 md:flex-row md:items-end">
          <Input
            label="Search"
            placeholder="Name or domain"
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setOffset(0);
            }}
            className="md:w-80"
          />
          <Select
            label="Status"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value);
              setOffset(0);
            }}
          >
            <option value="">Any status</option>
            {accountStatuses.map((s) => (
              <option key={s} value={s}>
                {accountStatusLabels[s]}
              </option>
            ))}
          </Select>
          <Select
            label="List"
            value={listId}
            onChange={(event) => {
              setListId(event.target.value);
              setOffset(0);
            }}
          >
            <option value="">Any list</option>
            {(lists.data?.items ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </Select>
        </div>
        {editor && selected.length > 0 ? (
          <AddToList selected={selected} lists={lists.data?.items ?? []} onDone={() => setSelected([])} />
        ) : null}
        {accounts.isError ? (
          <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
        ) : (
          <DataTable
            caption="Accounts"
            columns={columns}
            rows={rows}
            rowKey={(row) => row.id}
            loading={accounts.isPending}
            empty={
              <EmptyState
                title={filtered ? "No account matches" : "No accounts yet"}
                description={
                  filtered
                    ? "Try another spelling, or clear the filters."
                    : "Import your CRM's account export to start: registrations are checked against it."
                }
                action={
                  !filtered && editor ? (
                    <Link
                      className={buttonClasses("primary")}
                      to="/console/imports/$kind"
                      params={{ kind: "accounts" }}
                    >
                      Import accounts
                    </Link>
                  ) : undefined
                }
              />
            }
          />
        )}
        <Pagination
          offset={offset}
          limit={PAGE_SIZE}
          total={accounts.data?.total ?? 0}
          onChange={setOffset}
          label="Account pages"
        />
      </Card>
    </div>
  );
}

function AddToList({
  selected,
  lists,
  onDone,
}: {
  selected: string[];
  lists: { id: string; name: string }[];
  onDone: () => void;
}) {
  const id = useId();
  const [listId, setListId] = useState("");
  const queryClient = useQueryClient();
  const toast = useToast();
  const add = useMutation({
    mutationFn: () => accountsApi.addMembers(listId, selected),
    onSuccess: (result) => {
      const list = lists.find((l) => l.id === listId)?.name ?? "the list";
      toast.success(`${result.changed} account${result.changed === 1 ? "" : "s"} added to ${list}`);
      void queryClient.invalidateQueries({ queryKey: ["console", "accounts"] });
      void queryClient.invalidateQueries({ queryKey: ["console", "account-lists"] });
      onDone();
    },
  });
  return (
    <section aria-label="Bulk actions" className="flex flex-wrap items-end gap-3 bg-brand-50 px-4 py-3">
      <p className="text-sm font-medium text-brand-900" id={id}>
        {selected.length} selected
      </p>
      {lists.length === 0 ? (
        <p className="text-sm text-slate-600">
          Create a <Link to="/console/accounts/lists">named-account list</Link> first.
        </p>
      ) : (
        <>
          <Select label="Add to list" value={listId} onChange={(event) => setListId(event.target.value)}>
            <option value="">Choose a list</option>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </Select>
          <Button disabled={!listId} loading={add.isPending} onClick={() => add.mutate()}>
            Add to list
          </Button>
        </>
      )}
      <Button variant="ghost" onClick={onDone}>
        Clear selection
      </Button>
      {add.isError ? <Alert tone="danger">{errorMessage(add.error)}</Alert> : null}
    </section>
  );
}

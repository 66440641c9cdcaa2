import { type AccountRecord, directEngagementKinds } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Input, Select } from "../../../components/ui/Field";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { useCurrentUser } from "../../../lib/auth";
import { accountsApi } from "../../../lib/endpoints/accounts";
import { errorMessage } from "../../../lib/forms";
import { registerAccountTab } from "./accountTabs";
import { canEditAccounts } from "./accountUi";

function Overview({ account }: { account: AccountRecord }) {
  const facts: [string, string][] = [
    ["Domain", account.domain ?? "—"],
    ["Website", account.website ?? "—"],
    ["Country", account.country ?? "—"],
    ["Region", account.region ?? "—"],
    ["Industry", account.industry ?? "—"],
    ["Size", account.size ?? "—"],
    ["Owner", account.owner ? `${account.owner.name} (${account.owner.email})` : "Unowned"],
    ["Customer since", account.customerSince ?? "—"],
    ["Last direct engagement", account.lastDirectEngagementAt?.slice(0, 10) ?? "—"],
    ["External id", account.externalId ?? "—"],
  ];
  return (
    <dl className="grid gap-4 p-5 sm:grid-cols-2">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
          <dd className="mt-1 text-sm text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Lists({ account }: { account: AccountRecord }) {
  const editor = canEditAccounts(useCurrentUser());
  const queryClient = useQueryClient();
  const all = useQuery({ queryKey: ["console", "account-lists"], queryFn: ({ signal }) => accountsApi.lists(signal) });
  const [listId, setListId] = useState("");
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ["console", "account", account.id] });
    void queryClient.invalidateQueries({ queryKey: ["console", "account-lists"] });
  };
  const add = useMutation({ mutationFn: () => accountsApi.addMembers(listId, [account.id]), onSuccess: refresh });
  const remove = useMutation({
    mutationFn: (id: string) => accountsApi.removeMembers(id, [account.id]),
    onSuccess: refresh,
  });
  const available = (all.data?.items ?? []).filter((l) => !account.lists.some((m) => m.id === l.id));
  return (
    <div className="space-y-4 p-5">
      {account.lists.length === 0 ? (
        <p className="text-sm text-slate-600">This account is on no named-account list.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" aria-label="Lists of this account">
          {account.lists.map((list) => (
            <li key={list.id} className="flex items-center justify-between px-4 py-2 text-sm">
              <span>
                {list.name}{" "}
                <span className="text-slate-500">
                  {list.blocksPartners ? "— blocks partner registrations" : "— registrations go to review"}
                </span>
              </span>
              {editor ? (
                <Button variant="ghost" size="sm" onClick={() => remove.mutate(list.id)}>
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editor && available.length > 0 ? (
        <div className="flex items-end gap-3">
          <Select label="Add to a list" value={listId} onChange={(event) => setListId(event.target.value)}>
            <option value="">Choose a list</option>
            {available.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </Select>
          <Button disabled={!listId} loading={add.isPending} onClick={() => add.mutate()}>
            Add
          </Button>
        </div>
      ) : null}
      {editor && (all.data?.items.length ?? 0) === 0 ? (
        <p className="text-sm text-slate-600">
          <Link to="/console/accounts/lists" className="text-brand-700 underline">
            Create a named-account list
          </Link>{" "}
          to mark accounts as direct-only or strategic.
        </p>
      ) : null}
      {add.isError || remove.isError ? <Alert tone="danger">{errorMessage(add.error ?? remove.error)}</Alert> : null}
    </div>
  );
}

function Engagements({ account }: { account: AccountRecord }) {
  const editor = canEditAccounts(useCurrentUser());
  const queryClient = useQueryClient();
  const key = ["console", "account", account.id, "engagements"];
  const engagements = useQuery({ queryKey: key, queryFn: ({ signal }) => accountsApi.engagements(account.id, signal) });
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [kind, setKind] = useState("meeting");
  const [note, setNote] = useState("");
  const add = useMutation({
    mutationFn: () =>
      accountsApi.addEngagement(account.id, { engagedAt: `${date}T12:00:00Z`, kind, note: note.trim() || null }),
    onSuccess: () => {
      setNote("");
      void queryClient.invalidateQueries({ queryKey: ["console", "account", account.id] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  if (engagements.isPending) return <LoadingBlock label="Loading engagements…" />;
  const items = engagements.data?.items ?? [];
  return (
    <div className="space-y-4 p-5">
      {items.length === 0 ? (
        <EmptyState
          compact
          headingLevel={3}
          title="No direct engagement"
          description="Meetings, calls and demos by direct sales appear here; partner registrations look back at them."
        />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" aria-label="Direct engagements">
          {items.map((e) => (
            <li key={e.id} className="px-4 py-2 text-sm">
              <span className="font-medium">{e.engagedAt.slice(0, 10)}</span> · {e.kind}
              {e.user ? ` · ${e.user.name}` : ""}
              {e.note ? <span className="block text-slate-600">{e.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {editor ? (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Record a direct engagement">
          <Input label="Date" type="date" value={date} onChange={(event) => setDate(event.target.value)} required />
          <Select label="Kind" value={kind} onChange={(event) => setKind(event.target.value)}>
            {directEngagementKinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </Select>
          <Input label="Note" optional value={note} onChange={(event) => setNote(event.target.value)} />
          <Button type="submit" loading={add.isPending}>
            Record
          </Button>
        </form>
      ) : null}
      {add.isError ? <Alert tone="danger">{errorMessage(add.error)}</Alert> : null}
    </div>
  );
}

function Activity({ account }: { account: AccountRecord }) {
  const activity = useQuery({
    queryKey: ["console", "account", account.id, "activity", account.updatedAt, account.lists.length],
    queryFn: ({ signal }) => accountsApi.activity(account.id, signal),
  });
  if (activity.isPending) return <LoadingBlock label="Loading activity…" />;
  const items = activity.data?.items ?? [];
  return (
    <ol className="divide-y divide-slate-100 p-5" aria-label="Activity">
      {items.map((item) => (
        <li key={item.id} className="py-2 text-sm">
          <span className="text-slate-900">{item.summary}</span>
          <span className="block text-xs text-slate-500">
            {new Date(item.at).toLocaleString()} · {item.actor ?? "system"}
          </span>
        </li>
      ))}
    </ol>
  );
}

registerAccountTab({ id: "overview", label: "Overview", order: 10, component: Overview });
registerAccountTab({ id: "lists", label: "Lists", order: 20, component: Lists });
registerAccountTab({ id: "engagements", label: "Engagements", order: 30, component: Engagements });
registerAccountTab({ id: "activity", label: "Activity", order: 40, component: Activity });

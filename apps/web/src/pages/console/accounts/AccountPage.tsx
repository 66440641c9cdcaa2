import { type AccountStatus, accountStatuses, accountStatusLabels } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { type KeyboardEvent, useState } from "react";
import { Card } from "../../../components/ui/Card";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Select } from "../../../components/ui/Field";
import { PageHeader } from "../../../components/ui/PageHeader";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { useCurrentUser } from "../../../lib/auth";
import { accountsApi } from "../../../lib/endpoints/accounts";
import { cn } from "../../../lib/format";
import { useDocumentTitle } from "../../system";
import "./AccountTabsBuiltIn";
import { accountTabs } from "./accountTabs";
import { AccountStatusBadge, canEditAccounts } from "./accountUi";

/** One account: overview, lists, engagements, activity, and any tab other capabilities register. */
export function AccountPage() {
  const { accountId } = useParams({ strict: false }) as { accountId: string };
  const editor = canEditAccounts(useCurrentUser());
  const queryClient = useQueryClient();
  const account = useQuery({
    queryKey: ["console", "account", accountId],
    queryFn: ({ signal }) => accountsApi.get(accountId, signal),
  });
  useDocumentTitle(account.data?.name ?? "Account");
  const tabs = accountTabs();
  const [active, setActive] = useState(tabs[0]?.id ?? "overview");
  const status = useMutation({
    mutationFn: (next: AccountStatus) => accountsApi.setStatus(accountId, next),
    onSuccess: (updated) => queryClient.setQueryData(["console", "account", accountId], updated),
  });
  if (account.isPending) return <LoadingBlock label="Loading the account…" />;
  if (account.isError) return <ErrorState error={account.error} onRetry={() => void account.refetch()} />;
  const data = account.data;
  const Tab = tabs.find((t) => t.id === active)?.component;
  const onKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (next) {
      setActive(next.id);
      document.getElementById(`account-tab-${next.id}`)?.focus();
    }
  };
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link to="/console/accounts" className="text-brand-700 hover:underline">
            ← Accounts
          </Link>
        }
        title={
          <span className="flex items-center gap-3">
            {data.name} <AccountStatusBadge status={data.status} />
          </span>
        }
        description={[data.domain, data.country, data.industry].filter(Boolean).join(" · ") || undefined}
        actions={
          editor ? (
            <Select
              label="Status"
              value={data.status}
              disabled={status.isPending}
              onChange={(event) => status.mutate(event.target.value as AccountStatus)}
            >
              {accountStatuses.map((s) => (
                <option key={s} value={s}>
                  {accountStatusLabels[s]}
                </option>
              ))}
            </Select>
          ) : null
        }
      />
      <Card>
        <div role="tablist" aria-label="Account sections" className="flex gap-1 border-b border-slate-200 px-3">
          {tabs.map((tab, index) => (
            <button
              key={tab.id}
              id={`account-tab-${tab.id}`}
              type="button"
              role="tab"
              aria-selected={active === tab.id}
              aria-controls="account-tab-panel"
              tabIndex={active === tab.id ? 0 : -1}
              onKeyDown={(event) => onKey(event, index)}
              onClick={() => setActive(tab.id)}
              className={cn(
                "border-b-2 px-3 py-3 text-sm font-medium",
                active === tab.id
                  ? "border-brand-600 text-brand-700"
                  : "border-transparent text-slate-500 hover:text-slate-800",
              )}
            >
              {tab.label}
            </button>
          ))}
        </div>
        <div id="account-tab-panel" role="tabpanel" aria-labelledby={`account-tab-${active}`}>
          {Tab ? <Tab account={data} /> : null}
        </div>
      </Card>
    </div>
  );
}

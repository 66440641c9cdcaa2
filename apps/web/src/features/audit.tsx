import type { AuditEvent } from "@symbiont/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Badge } from "../components/ui/Badge";
import { Button } from "../components/ui/Button";
import { Card, CardBody, CardHeader } from "../components/ui/Card";
import { EmptyState } from "../components/ui/EmptyState";
import { ErrorState } from "../components/ui/ErrorState";
import { Input } from "../components/ui/Field";
import { ChevronDownIcon, ChevronRightIcon, ListIcon } from "../components/ui/icons";
import { type Column, DataTable } from "../components/ui/Table";
import { type AuditFilters, api } from "../lib/api";
import { cn, formatDateTime } from "../lib/format";

const PAGE_SIZE = 50;

type FilterForm = Required<Record<keyof AuditFilters, string>>;
const emptyFilters: FilterForm = { action: "", entityType: "", entityId: "", actorId: "", from: "", to: "" };

/** `datetime-local` values are local wall-clock time; the API wants an ISO timestamp with offset. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function toQuery(form: FilterForm): AuditFilters {
  const trimmed = (value: string) => value.trim() || undefined;
  return {
    action: trimmed(form.action),
    entityType: trimmed(form.entityType),
    entityId: trimmed(form.entityId),
    actorId: trimmed(form.actorId),
    from: toIso(form.from),
    to: toIso(form.to),
  };
}

function pretty(value: unknown): string {
  if (value === null || value === undefined) return "—";
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

export function AuditLogPanel() {
  const [draft, setDraft] = useState<FilterForm>(emptyFilters);
  const [applied, setApplied] = useState<AuditFilters>({});
  const [open, setOpen] = useState<Set<string>>(new Set());

  const events = useInfiniteQuery({
    queryKey: ["console", "audit-events", applied],
    queryFn: ({ pageParam, signal }) =>
      api.audit.list({ ...applied, limit: PAGE_SIZE, before: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

  const rows = events.data?.pages.flatMap((page) => page.items);
  const filtered = Object.values(applied).some(Boolean);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOpen(new Set());
    setApplied(toQuery(draft));
  }

  function reset() {
    setDraft(emptyFilters);
    setApplied({});
    setOpen(new Set());
  }

  function toggle(id: string) {
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function set(field: keyof FilterForm, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
  }

  const columns: Column<AuditEvent>[] = [
    {
      key: "toggle",
      header: <span className="sr-only">Details</span>,
      className: "w-10",
      cell: (event) => {
        const expanded = open.has(event.id);
        return (
          <button
            type="button"
            onClick={() => toggle(event.id)}
            aria-expanded={expanded}
            aria-controls={`audit-${event.id}`}
            aria-label={`${expanded ? "Hide" : "Show"} details for ${event.action}`}
            className="rounded-md p-1 text-slate-500 hover:bg-slate-200/60 hover:text-slate-900"
          >
            {expanded ? <ChevronDownIcon /> : <ChevronRightIcon />}
          </button>
        );
      },
    },
    {
      key: "when",
      header: "When",
      cell: (event) => <span className="whitespace-nowrap">{formatDateTime(event.occurredAt)}</span>,
    },
    {
      key: "actor",
      header: "Actor",
      cell: (event) => (
        <div className="min-w-0">
          <p className="truncate font-medium text-slate-900">{event.actorLabel ?? event.actorId ?? "System"}</p>
          <p className="text-xs text-slate-500">
            {event.actorType === "api_key" ? "API key" : event.actorType === "system" ? "System" : "Person"}
          </p>
        </div>
      ),
    },
    {
      key: "action",
      header: "Action",
      cell: (event) => (
        <Badge tone="brand" className="font-mono">
          {event.action}
        </Badge>
      ),
    },
    {
      key: "entity",
      header: "Entity",
      hideOnMobile: true,
      cell: (event) => (
        <div className="min-w-0">
          <p className="text-slate-800">{event.entityType}</p>
          {event.entityId ? (
            <p className="max-w-48 truncate font-mono text-xs text-slate-500">{event.entityId}</p>
          ) : null}
        </div>
      ),
    },
    {
      key: "ip",
      header: "IP address",
      hideBelowXl: true,
      cell: (event) => <span className="font-mono text-xs">{event.ipAddress ?? "—"}</span>,
    },
  ];

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Audit log" description="Every change made in this workspace, newest first." />
        <CardBody>
          <form onSubmit={apply} aria-label="Filter audit log" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Input
              label="Action"
              placeholder="e.g. user.updated"
              value={draft.action}
              onChange={(e) => set("action", e.target.value)}
            />
            <Input
              label="Entity type"
              placeholder="e.g. user"
              value={draft.entityType}
              onChange={(e) => set("entityType", e.target.value)}
            />
            <Input label="Entity ID" value={draft.entityId} onChange={(e) => set("entityId", e.target.value)} />
            <Input label="Actor ID" value={draft.actorId} onChange={(e) => set("actorId", e.target.value)} />
            <Input
              label="From"
              type="datetime-local"
              value={draft.from}
              onChange={(e) => set("from", e.target.value)}
            />
            <Input label="To" type="datetime-local" value={draft.to} onChange={(e) => set("to", e.target.value)} />
            <div className="flex gap-2 sm:col-span-2 lg:col-span-3">
              <Button type="submit">Apply filters</Button>
              <Button variant="ghost" onClick={reset} disabled={!filtered && draft === emptyFilters}>
                Clear
              </Button>
            </div>
          </form>
        </CardBody>
      </Card>

      <Card>
        {events.isError && !rows ? (
          <ErrorState error={events.error} onRetry={() => void events.refetch()} />
        ) : (
          <>
            <DataTable
              caption="Audit events"
              columns={columns}
              rows={rows}
              rowKey={(event) => event.id}
              loading={events.isPending}
              expanded={(event) => (open.has(event.id) ? <AuditDetails event={event} /> : null)}
              empty={
                <EmptyState
                  compact
                  headingLevel={3}
                  icon={<ListIcon />}
                  title={filtered ? "No events match these filters" : "No events recorded yet"}
                  description={
                    filtered ? "Widen the date range or clear a filter." : "Changes people make will appear here."
                  }
                />
              }
            />
            <div className="flex items-center justify-between gap-3 border-t border-slate-200 px-5 py-3">
              <p className="text-sm text-slate-500" aria-live="polite">
                {rows ? `${rows.length} ${rows.length === 1 ? "event" : "events"} shown` : ""}
              </p>
              {events.hasNextPage ? (
                <Button
                  variant="secondary"
                  size="sm"
                  loading={events.isFetchingNextPage}
                  onClick={() => void events.fetchNextPage()}
                >
                  Load older
                </Button>
              ) : rows && rows.length > 0 ? (
                <span className="text-sm text-slate-400">That's everything.</span>
              ) : null}
            </div>
          </>
        )}
      </Card>
    </div>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Top-level keys whose values differ between the before and after snapshots. */
function changedKeys(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

function AuditDetails({ event }: { event: AuditEvent }) {
  const block =
    "max-h-80 overflow-auto rounded-lg border p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere]";
  const changed = changedKeys(event.before, event.after);
  return (
    <div id={`audit-${event.id}`} className="space-y-3 pt-1">
      {changed.length > 0 ? (
        <p className="text-xs text-slate-600">
          <span className="font-semibold">Changed:</span>{" "}
          {changed.map((key) => (
            <code key={key} className="mr-1 rounded bg-amber-50 px-1 py-0.5 font-mono text-amber-900">
              {key}
            </code>
          ))}
        </p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <p className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Before</p>
          <pre className={cn(block, "border-red-100 bg-red-50/50 text-slate-800")}>{pretty(event.before)}</pre>
        </div>
        <div>
          <p className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">After</p>
          <pre className={cn(block, "border-emerald-100 bg-emerald-50/50 text-slate-800")}>{pretty(event.after)}</pre>
        </div>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-500">
        <div>
          <dt className="inline">Event </dt>
          <dd className="inline font-mono">#{event.id}</dd>
        </div>
        {event.requestId ? (
          <div>
            <dt className="inline">Request </dt>
            <dd className="inline font-mono">{event.requestId}</dd>
          </div>
        ) : null}
        {event.actorId ? (
          <div>
            <dt className="inline">Actor ID </dt>
            <dd className="inline font-mono">{event.actorId}</dd>
          </div>
        ) : null}
        {event.partnerId ? (
          <div>
            <dt className="inline">Partner </dt>
            <dd className="inline font-mono">{event.partnerId}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

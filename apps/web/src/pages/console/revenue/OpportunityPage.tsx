import type { OpportunityDetail, TouchpointRecord } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { PlusIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { useToast } from "../../../components/ui/Toast";
import { useCurrentUser } from "../../../lib/auth";
import { revenueEndpoints as revenue } from "../../../lib/endpoints/revenue";
import { formatDate, formatDateTime } from "../../../lib/format";
import { errorMessage } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";
import { OpportunityAttributionPanel } from "../attribution";
import { ClassificationBadge, formatMinor, OutcomeBadge, touchTypeLabel } from "./revenueUi";
import { TouchpointDialog } from "./TouchpointDialog";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function Summary({ o }: { o: OpportunityDetail }) {
  const days = o.closedAt ? Math.round((Date.parse(o.closedAt) - Date.parse(o.openedAt)) / 86_400_000) : null;
  return (
    <Card>
      <CardHeader title="Summary" />
      <CardBody>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Fact label="Amount">
            {formatMinor(o.amountMinor, o.currency)}
            {o.currency && o.currency !== o.reportingCurrency ? (
              <span className="block text-xs text-slate-500">
                {o.amountReportingMinor === null
                  ? `No ${o.currency} rate on or before the conversion date`
                  : `${formatMinor(o.amountReportingMinor, o.reportingCurrency)} at ${Number(o.fxRate)}`}
              </span>
            ) : null}
          </Fact>
          <Fact label="Stage">
            <span className="flex items-center gap-2">
              <OutcomeBadge outcome={o.outcome} /> {o.stage}
            </span>
          </Fact>
          <Fact label="Created">{formatDate(o.openedAt)}</Fact>
          <Fact label="Closed">{o.closedAt ? `${formatDate(o.closedAt)} (${days} days)` : "Open"}</Fact>
          <Fact label="Source">{o.sourcingPartnerName ? `Sourced by ${o.sourcingPartnerName}` : "Direct"}</Fact>
          <Fact label="Owner">{o.ownerName ?? "—"}</Fact>
          <Fact label="Products">{o.products.length ? o.products.join(", ") : "—"}</Fact>
          <Fact label="CRM id">{o.externalId ?? "—"}</Fact>
        </dl>
      </CardBody>
    </Card>
  );
}

function Timeline({ o, canWrite }: { o: OpportunityDetail; canWrite: boolean }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const voiding = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => revenue.touchpoints.void(id, reason),
    onSuccess: async () => {
      toast.success("Touch voided", "It stays in the ledger but no longer counts.");
      await queryClient.invalidateQueries({ queryKey: ["console", "opportunities"] });
    },
    onError: (error) => toast.error("Could not void the touch", errorMessage(error)),
  });
  const askVoid = (t: TouchpointRecord) => {
    const reason = window.prompt(`Why void the ${touchTypeLabel(t.type).toLowerCase()} by ${t.partnerName}?`);
    if (reason && reason.trim().length >= 3) voiding.mutate({ id: t.id, reason: reason.trim() });
  };
  if (o.touchpoints.length === 0)
    return (
      <EmptyState
        compact
        headingLevel={3}
        title="No partner touches"
        description="A deal without partner touches is direct. Record a touch when a partner helps."
      />
    );
  const opened = Date.parse(o.openedAt);
  return (
    <ol className="relative ml-3 border-l border-slate-200" aria-label="Partner touches in time order">
      {o.touchpoints.map((t) => {
        const before = Date.parse(t.occurredAt) < opened;
        return (
          <li key={t.id} className="mb-5 ml-5">
            <span
              aria-hidden="true"
              className={`absolute -left-1.5 mt-1.5 size-3 rounded-full ${t.voidedAt ? "bg-slate-300" : before ? "bg-brand-600" : "bg-amber-500"}`}
            />
            <div className={t.voidedAt ? "opacity-60" : undefined}>
              <p className="text-sm font-medium text-slate-900">
                {touchTypeLabel(t.type)} · {t.partnerName}
                {t.accelerated ? " · accelerated" : ""}
                {t.opportunityId ? "" : " · on the account"}
              </p>
              <p className="text-xs text-slate-500">
                <time dateTime={t.occurredAt}>{formatDateTime(t.occurredAt)}</time>
                {before ? " · before the deal was created" : ""} · {t.origin} by {t.actorLabel ?? "unknown"}
                {t.weight !== null ? ` · weight ${t.weight}` : ""}
              </p>
              {t.note ? <p className="mt-1 text-sm text-slate-700">{t.note}</p> : null}
              {t.voidedAt ? (
                <p className="mt-1 text-xs text-slate-600">
                  Voided {formatDate(t.voidedAt)} by {t.voidedBy}: {t.voidedReason}
                </p>
              ) : canWrite ? (
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => askVoid(t)}
                  aria-label={`Void the ${touchTypeLabel(t.type)} by ${t.partnerName}`}
                >
                  Void
                </Button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * One opportunity: summary, account, classification, the partner touch timeline, and a slot for the
 * attribution panel (credit per touch under each model).
 */
export function OpportunityPage({
  attributionPanel,
}: {
  attributionPanel?: (opportunityId: string) => ReactNode;
} = {}) {
  const { opportunityId } = useParams({ from: "/console/opportunities/$opportunityId" });
  const user = useCurrentUser();
  const canWrite = Boolean(user && ["admin", "partner_manager", "marketing", "finance"].includes(user.role));
  const [adding, setAdding] = useState(false);
  const detail = useQuery({
    queryKey: ["console", "opportunities", "detail", opportunityId],
    queryFn: ({ signal }) => revenue.opportunities.get(opportunityId, signal),
  });
  useDocumentTitle(detail.data?.name ?? "Opportunity");
  if (detail.isPending) return <LoadingBlock label="Loading the opportunity…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const o = detail.data;
  const panel = attributionPanel ?? ((id: string) => <OpportunityAttributionPanel opportunityId={id} />);
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link to="/console/opportunities" className="hover:underline">
            Opportunities
          </Link>
        }
        title={o.name}
        description={<ClassificationBadge classification={o.classification} />}
        actions={
          canWrite ? (
            <Button onClick={() => setAdding(true)}>
              <PlusIcon aria-hidden="true" /> Record a touch
            </Button>
          ) : null
        }
      />
      <Summary o={o} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader
            title="Partner touches"
            description="Before the deal was created (blue) they count as sourcing; after (amber), as influence."
          />
          <CardBody>
            <Timeline o={o} canWrite={canWrite} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Account" />
          <CardBody>
            {o.account ? (
              <dl className="grid gap-3">
                <Fact label="Name">{o.account.name}</Fact>
                <Fact label="Domain">{o.account.domain ?? "—"}</Fact>
                <Fact label="Country · industry">
                  {[o.account.country, o.account.industry].filter(Boolean).join(" · ") || "—"}
                </Fact>
                <Fact label="Status">{o.account.status}</Fact>
                <Fact label="Revenue events">
                  {o.revenueEvents.length === 0
                    ? "None yet"
                    : o.revenueEvents.map((e) => (
                        <span key={e.id} className="block">
                          {e.occurredOn} · {e.kind} · {formatMinor(e.amountMinor, e.currency)}
                        </span>
                      ))}
                </Fact>
              </dl>
            ) : (
              <p className="text-sm text-slate-600">
                {o.accountName ? `“${o.accountName}” (not matched to an account)` : "No account named."}
              </p>
            )}
          </CardBody>
        </Card>
      </div>
      <section aria-label="Attribution">{panel(o.id)}</section>
      {adding ? <TouchpointDialog open onClose={() => setAdding(false)} opportunityId={o.id} /> : null}
    </div>
  );
}

import type { AttributionChannelResult, AttributionSnapshot } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button, buttonClasses } from "../../../components/ui/Button";
import { Card, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Select } from "../../../components/ui/Field";
import { PageHeader } from "../../../components/ui/PageHeader";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { type Column, DataTable } from "../../../components/ui/Table";
import { attributionEndpoints as attribution } from "../../../lib/endpoints/attribution";
import { formatCredit, formatMoney, modelLabel } from "./attributionUi";
import { ComparisonChart, ComparisonTable } from "./ComparisonChart";
import { FlowChart } from "./FlowChart";
import { PartnerDealsPanel } from "./PartnerDealsPanel";
import { RecomputeDialog } from "./RecomputeDialog";
import { batchesOf, batchLabel, SnapshotHistory } from "./SnapshotHistory";

const active = (s: AttributionSnapshot) => s.status === "queued" || s.status === "running";

/** Attribution: which partners the won revenue is credited to, under every model, and why. */
export function AttributionPage() {
  const [selectedId, setSelectedId] = useState<string>();
  const [recomputing, setRecomputing] = useState(false);
  const snapshots = useQuery({
    queryKey: ["console", "attribution", "snapshots"],
    queryFn: ({ signal }) => attribution.snapshots(signal),
    refetchInterval: (query) => (query.state.data?.items.some(active) ? 1000 : false),
  });
  const header = (
    <PageHeader
      title="Attribution"
      description="Credit for won revenue per partner under each model, frozen in snapshots you can reproduce and compare."
      actions={
        <>
          <Link to="/console/attribution/paths" className={buttonClasses("secondary")}>
            Analyse a path file
          </Link>
          <Button onClick={() => setRecomputing(true)}>Recompute</Button>
        </>
      }
    />
  );
  const dialog = <RecomputeDialog open={recomputing} onClose={() => setRecomputing(false)} onStarted={setSelectedId} />;
  if (snapshots.isPending)
    return (
      <>
        {header}
        <LoadingBlock label="Loading snapshots…" />
      </>
    );
  if (snapshots.isError)
    return (
      <>
        {header}
        <ErrorState error={snapshots.error} onRetry={() => snapshots.refetch()} />
      </>
    );
  const items = snapshots.data.items;
  if (items.length === 0) {
    return (
      <>
        {header}
        <Card>
          <EmptyState
            title="No attribution computed yet"
            description="Recompute to credit won deals to the partners who touched them, under every model at once."
            action={<Button onClick={() => setRecomputing(true)}>Recompute now</Button>}
          />
        </Card>
        {dialog}
      </>
    );
  }
  const batches = batchesOf(items);
  const current = items.find((s) => s.id === selectedId) ?? items.find((s) => s.status === "completed") ?? items[0]!;
  const batch = batches.find((b) => b.batchId === current.batchId)!;
  return (
    <>
      {header}
      {dialog}
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:max-w-3xl">
        <Select
          label="Snapshot"
          value={current.batchId}
          onChange={(e) => {
            const next = batches.find((b) => b.batchId === e.target.value);
            if (next) setSelectedId(next.snapshots[0]!.id);
          }}
        >
          {batches.map((b) => (
            <option key={b.batchId} value={b.batchId}>
              {batchLabel(b)}
              {b.snapshots[0]!.status === "completed" ? "" : ` (${b.snapshots[0]!.status})`}
            </option>
          ))}
        </Select>
        <Select label="Model" value={current.id} onChange={(e) => setSelectedId(e.target.value)}>
          {batch.snapshots.map((s) => (
            <option key={s.id} value={s.id}>
              {modelLabel(s.model)}
            </option>
          ))}
        </Select>
      </div>
      {active(current) ? <Progress snapshot={current} /> : null}
      {current.status === "failed" ? (
        <Alert tone="danger">This snapshot failed: {current.failure ?? "unknown error"}. Recompute to try again.</Alert>
      ) : null}
      {current.status === "completed" ? <SnapshotResults snapshot={current} /> : null}
      <Card className="mt-6">
        <CardHeader
          title="Snapshot history"
          description="Every recompute keeps its inputs' cut-off, models and code version."
        />
        <SnapshotHistory batches={batches} selectedBatch={current.batchId} onSelect={setSelectedId} />
      </Card>
    </>
  );
}

function Progress({ snapshot }: { snapshot: AttributionSnapshot }) {
  const percent = Math.round(snapshot.progress * 100);
  const phase =
    snapshot.status === "queued"
      ? "Waiting for a worker"
      : snapshot.phase === "computing"
        ? "Running the models"
        : snapshot.phase === "writing"
          ? "Saving credits"
          : "Reading deals and touches";
  return (
    <Card className="mb-6 px-5 py-4">
      <p className="mb-2 text-sm font-medium text-slate-800" id="recompute-progress">
        {phase}…{" "}
        {snapshot.totalOpportunities
          ? `${snapshot.processedOpportunities.toLocaleString()} of ${snapshot.totalOpportunities.toLocaleString()} deals`
          : ""}
      </p>
      <div
        role="progressbar"
        aria-labelledby="recompute-progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded bg-slate-100"
      >
        <div className="h-2 bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
    </Card>
  );
}

function SnapshotResults({ snapshot }: { snapshot: AttributionSnapshot }) {
  const [drill, setDrill] = useState<AttributionChannelResult | null>(null);
  const results = useQuery({
    queryKey: ["console", "attribution", "results", snapshot.id],
    queryFn: ({ signal }) => attribution.results(snapshot.id, signal),
  });
  const comparison = useQuery({
    queryKey: ["console", "attribution", "comparison", snapshot.batchId],
    queryFn: ({ signal }) => attribution.comparison(snapshot.id, signal),
  });
  const currency = snapshot.reportingCurrency;
  if (results.isPending) return <LoadingBlock label="Loading results…" />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => results.refetch()} />;
  const channels = results.data.channels;
  const columns: Column<AttributionChannelResult>[] = [
    {
      key: "channel",
      header: "Channel",
      cell: (c) =>
        c.partnerId ? (
          <Button variant="ghost" size="sm" onClick={() => setDrill(c)} aria-label={`Show the deals behind ${c.label}`}>
            {c.label}
          </Button>
        ) : (
          c.label
        ),
    },
    {
      key: "revenue",
      header: "Attributed revenue",
      align: "right",
      cell: (c) => formatMoney(c.revenueMinor, currency),
    },
    { key: "conversions", header: "Conversions", align: "right", cell: (c) => formatCredit(c.conversions) },
    { key: "deals", header: "Deals", align: "right", hideOnMobile: true, cell: (c) => c.deals.toLocaleString() },
    {
      key: "adjusted",
      header: "With overrides",
      align: "right",
      hideBelowXl: results.data.activeOverrides === 0,
      cell: (c) => formatMoney(c.adjustedRevenueMinor, currency),
    },
  ];
  return (
    <div className="space-y-6">
      {snapshot.issues.length > 0 ? (
        <Alert tone="warning">
          <p className="font-medium">Some inputs were left out or counted without revenue:</p>
          <ul className="mt-1 list-disc pl-5">
            {snapshot.issues.map((issue) => (
              <li key={issue.code}>
                {issue.message}: {issue.count.toLocaleString()}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader
            title="Partners → won revenue"
            description={`${modelLabel(snapshot.model)} · ${snapshot.counts.wonDeals ?? 0} won and ${snapshot.counts.lostDeals ?? 0} lost deals`}
          />
          <FlowChart
            title={`Won revenue by channel under ${modelLabel(snapshot.model)}`}
            currency={currency}
            flows={channels.map((c) => ({ key: c.channel, label: c.label, value: c.revenueMinor }))}
          />
        </Card>
        <Card>
          <CardHeader title="Credit by channel" description="Select a partner to see the deals behind its number." />
          <DataTable
            caption="Attributed revenue and conversions per channel"
            columns={columns}
            rows={channels}
            rowKey={(c) => c.channel}
          />
        </Card>
      </div>
      {drill?.partnerId ? (
        <Card>
          <CardHeader
            title={`Deals behind ${drill.label}`}
            description={`${modelLabel(snapshot.model)} credit per deal; open a deal for its touch timeline.`}
            actions={
              <Button variant="secondary" size="sm" onClick={() => setDrill(null)}>
                Close
              </Button>
            }
          />
          <PartnerDealsPanel
            snapshotId={snapshot.id}
            partnerId={drill.partnerId}
            partnerName={drill.label}
            currency={currency}
          />
        </Card>
      ) : null}
      <Card>
        <CardHeader title="Model comparison" description="Every model's credit per channel for the same cut-off." />
        {comparison.isPending ? <LoadingBlock label="Loading the comparison…" /> : null}
        {comparison.isError ? (
          <ErrorState compact error={comparison.error} onRetry={() => comparison.refetch()} />
        ) : null}
        {comparison.data ? (
          <>
            <ComparisonChart comparison={comparison.data} />
            <ComparisonTable comparison={comparison.data} />
          </>
        ) : null}
      </Card>
    </div>
  );
}

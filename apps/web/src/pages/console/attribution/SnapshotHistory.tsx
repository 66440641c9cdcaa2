import type { AttributionSnapshot } from "@symbiont/contracts";
import { Badge, type BadgeTone } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { type Column, DataTable } from "../../../components/ui/Table";
import { formatDate, formatDateTime } from "../../../lib/format";
import { modelLabel } from "./attributionUi";

export interface SnapshotBatch {
  batchId: string;
  snapshots: AttributionSnapshot[];
}

/** Groups snapshots computed from one read (newest first, as listed). */
export function batchesOf(snapshots: readonly AttributionSnapshot[]): SnapshotBatch[] {
  const byBatch = new Map<string, AttributionSnapshot[]>();
  for (const s of snapshots) {
    const list = byBatch.get(s.batchId) ?? [];
    list.push(s);
    byBatch.set(s.batchId, list);
  }
  return [...byBatch].map(([batchId, list]) => ({ batchId, snapshots: list }));
}

const statusTone: Record<AttributionSnapshot["status"], BadgeTone> = {
  queued: "neutral",
  running: "info",
  completed: "success",
  failed: "danger",
};

export const groupingLabel = (g: AttributionSnapshot["grouping"]) =>
  g === "partner" ? "by partner" : g === "touch_type" ? "by touch type" : "by partner × touch type";

export function batchLabel(batch: SnapshotBatch): string {
  const first = batch.snapshots[0]!;
  const period = first.periodStart ? `${formatDate(first.periodStart)} – ` : "up to ";
  return `${period}${formatDate(first.cutoffAt)} · ${groupingLabel(first.grouping)}`;
}

/** Snapshot history: every recompute, its period, models, status and who asked for it. */
export function SnapshotHistory({
  batches,
  selectedBatch,
  onSelect,
}: {
  batches: SnapshotBatch[];
  selectedBatch: string | undefined;
  onSelect: (snapshotId: string) => void;
}) {
  const columns: Column<SnapshotBatch>[] = [
    {
      key: "period",
      header: "Period",
      cell: (b) => (
        <Button
          variant="ghost"
          size="sm"
          aria-current={b.batchId === selectedBatch ? "true" : undefined}
          onClick={() => onSelect(b.snapshots[0]!.id)}
        >
          {batchLabel(b)}
        </Button>
      ),
    },
    {
      key: "models",
      header: "Models",
      hideOnMobile: true,
      cell: (b) => b.snapshots.map((s) => modelLabel(s.model)).join(", "),
    },
    {
      key: "status",
      header: "Status",
      cell: (b) => {
        const s = b.snapshots[0]!;
        return <Badge tone={statusTone[s.status]}>{s.status}</Badge>;
      },
    },
    {
      key: "by",
      header: "Requested",
      hideBelowXl: true,
      cell: (b) => `${formatDateTime(b.snapshots[0]!.createdAt)} by ${b.snapshots[0]!.createdBy}`,
    },
    {
      key: "version",
      header: "Code version",
      hideBelowXl: true,
      cell: (b) => <code className="text-xs">{b.snapshots[0]!.codeVersion}</code>,
    },
  ];
  return <DataTable caption="Snapshot history" columns={columns} rows={batches} rowKey={(b) => b.batchId} />;
}

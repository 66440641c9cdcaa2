import { type TierRecord, tierMetricLabels } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../../components/ui/Button";
import { Card, CardHeader } from "../../../components/ui/Card";
import { Dialog } from "../../../components/ui/Dialog";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { PlusIcon, SparkIcon } from "../../../components/ui/icons";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { useToast } from "../../../components/ui/Toast";
import { api } from "../../../lib/api";
import { errorMessage } from "../../../lib/forms";
import { formatThreshold, TierBadge } from "./programUi";
import { TierForm } from "./TierForm";

/** The program's tier ladder: criteria, checks and benefits per tier; add, edit, reorder, delete. */
export function TiersCard({ programId, canManage }: { programId: string; canManage: boolean }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<TierRecord | "new" | null>(null);
  const tiers = useQuery({
    queryKey: ["console", "tiers", programId],
    queryFn: ({ signal }) => api.tiers.list(programId, signal),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ["console", "tiers", programId] });
    void queryClient.invalidateQueries({ queryKey: ["console", "program", programId] });
  };
  const reorder = useMutation({
    mutationFn: (ids: string[]) => api.tiers.reorder(programId, ids),
    onSuccess: (list) => queryClient.setQueryData(["console", "tiers", programId], list),
    onError: (error) => toast.error("Could not reorder", errorMessage(error)),
  });
  const remove = useMutation({
    mutationFn: (tier: TierRecord) => api.tiers.remove(tier.id),
    onSuccess: (_data, tier) => {
      toast.success("Tier deleted", tier.name);
      refresh();
    },
    onError: (error) => toast.error("Could not delete the tier", errorMessage(error)),
  });

  const items = tiers.data?.items ?? [];
  const currency = tiers.data?.currency ?? "USD";
  const move = (index: number, delta: number) => {
    const ids = items.map((tier) => tier.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + delta, 0, moved);
    reorder.mutate(ids);
  };

  return (
    <Card>
      <CardHeader
        title="Tiers"
        description="Lowest first. A partner qualifies for the highest tier whose criteria and checks all hold."
        actions={
          canManage ? (
            <Button size="sm" icon={<PlusIcon />} onClick={() => setEditing("new")}>
              Add tier
            </Button>
          ) : null
        }
      />
      {tiers.isError ? (
        <ErrorState error={tiers.error} onRetry={() => void tiers.refetch()} />
      ) : tiers.isPending ? (
        <LoadingBlock label="Loading tiers…" />
      ) : items.length === 0 ? (
        <EmptyState
          compact
          headingLevel={3}
          icon={<SparkIcon />}
          title="No tiers yet"
          description="Add an entry tier (no criteria) and the levels above it."
        />
      ) : (
        <ol className="divide-y divide-slate-100">
          {items.map((tier, index) => (
            <li key={tier.id} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0 space-y-2">
                <div className="flex flex-wrap items-center gap-2">
                  <TierBadge name={tier.name} color={tier.color} />
                  <span className="text-sm text-slate-500">
                    {tier.memberCount} {tier.memberCount === 1 ? "partner" : "partners"}
                  </span>
                </div>
                <p className="text-sm text-slate-700">
                  {tier.criteria.length === 0 && tier.manualChecks.length === 0
                    ? "Entry tier: no requirements."
                    : [
                        ...tier.criteria.map(
                          (c) => `${tierMetricLabels[c.metric]} ≥ ${formatThreshold(c.metric, c.min, currency)}`,
                        ),
                        ...tier.manualChecks.map((check) => check.label),
                      ].join(" · ")}
                </p>
                {tier.benefits.length > 0 ? (
                  <p className="text-sm text-slate-500">Benefits: {tier.benefits.join(", ")}</p>
                ) : null}
                {tier.vendorObligations.length > 0 ? (
                  <p className="text-sm text-slate-500">Our obligations: {tier.vendorObligations.join(", ")}</p>
                ) : null}
              </div>
              {canManage ? (
                <div className="flex shrink-0 flex-wrap gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === 0 || reorder.isPending}
                    onClick={() => move(index, -1)}
                    aria-label={`Move ${tier.name} down a rank`}
                  >
                    ↓
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === items.length - 1 || reorder.isPending}
                    onClick={() => move(index, 1)}
                    aria-label={`Move ${tier.name} up a rank`}
                  >
                    ↑
                  </Button>
                  <Button size="sm" variant="secondary" onClick={() => setEditing(tier)}>
                    Edit
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    loading={remove.isPending && remove.variables?.id === tier.id}
                    onClick={() => {
                      if (window.confirm(`Delete the ${tier.name} tier?`)) remove.mutate(tier);
                    }}
                  >
                    Delete
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? "Add a tier" : `Edit ${editing?.name ?? "tier"}`}
        description="Money thresholds are in your reporting currency over the program's evaluation window."
      >
        {editing !== null ? (
          <TierForm
            programId={programId}
            tier={editing === "new" ? null : editing}
            currency={currency}
            onDone={() => {
              setEditing(null);
              refresh();
            }}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
    </Card>
  );
}

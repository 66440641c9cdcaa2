import {
  type AttributionGrouping,
  type AttributionModel,
  attributionModelNames,
  defaultAttributionModels,
} from "@symbiont/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { Checkbox, Input, Select } from "../../../components/ui/Field";
import { attributionEndpoints as attribution } from "../../../lib/endpoints/attribution";
import { errorMessage } from "../../../lib/forms";
import { modelLabel } from "./attributionUi";

const groupingLabels: Record<AttributionGrouping, string> = {
  partner: "Partner",
  touch_type: "Touch type",
  partner_touch_type: "Partner × touch type",
};

/** Starts a recompute: which models, up to when, from when, and how touches group into channels. */
export function RecomputeDialog({
  open,
  onClose,
  onStarted,
}: {
  open: boolean;
  onClose: () => void;
  onStarted: (batchFirstSnapshotId: string) => void;
}) {
  const queryClient = useQueryClient();
  const [models, setModels] = useState<AttributionModel[]>(defaultAttributionModels);
  const [cutoff, setCutoff] = useState("");
  const [periodStart, setPeriodStart] = useState("");
  const [grouping, setGrouping] = useState<AttributionGrouping>("partner");
  const [includeDirect, setIncludeDirect] = useState(false);
  const start = useMutation({
    mutationFn: () =>
      attribution.recompute({
        models,
        grouping,
        includeDirect,
        cutoffAt: cutoff ? new Date(`${cutoff}T23:59:59Z`).toISOString() : undefined,
        periodStart: periodStart ? new Date(`${periodStart}T00:00:00Z`).toISOString() : undefined,
      }),
    onSuccess: async (batch) => {
      await queryClient.invalidateQueries({ queryKey: ["console", "attribution", "snapshots"] });
      onStarted(batch.items[0]!.id);
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  const toggle = (model: AttributionModel, on: boolean) =>
    setModels((list) => (on ? [...list, model] : list.filter((m) => m !== model)));
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Recompute attribution"
      description="Freezes the deals and touches up to the cut-off and computes one snapshot per model in the background."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="recompute-form" loading={start.isPending} disabled={models.length === 0}>
            Recompute
          </Button>
        </>
      }
    >
      <form id="recompute-form" onSubmit={submit} className="space-y-4">
        {start.isError ? <Alert tone="danger">{errorMessage(start.error)}</Alert> : null}
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">Models</legend>
          <div className="grid grid-cols-2 gap-2">
            {attributionModelNames
              .filter((m) => m !== "custom" && m !== "shapley-exact")
              .map((model) => (
                <Checkbox
                  key={model}
                  label={modelLabel(model)}
                  checked={models.includes(model)}
                  onChange={(e) => toggle(model, e.target.checked)}
                />
              ))}
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <Input
            label="Period starts"
            optional
            type="date"
            value={periodStart}
            onChange={(e) => setPeriodStart(e.target.value)}
            hint="Deals closed on or after this day"
          />
          <Input
            label="Cut-off"
            optional
            type="date"
            value={cutoff}
            onChange={(e) => setCutoff(e.target.value)}
            hint="Default: now"
          />
        </div>
        <Select label="Channels" value={grouping} onChange={(e) => setGrouping(e.target.value as AttributionGrouping)}>
          {Object.entries(groupingLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <Checkbox
          label="Count direct sales as a channel"
          hint="Direct engagements on the deal's account take part as the pseudo-partner “Direct sales”."
          checked={includeDirect}
          onChange={(e) => setIncludeDirect(e.target.checked)}
        />
      </form>
    </Dialog>
  );
}

import type { TierCriterion, TierMetric } from "@symbiont/contracts";
import { Button } from "../../../components/ui/Button";
import { Input, Select } from "../../../components/ui/Field";
import { PlusIcon } from "../../../components/ui/icons";
import type { FieldErrors } from "../../../lib/forms";
import { isMoneyMetric, metricOptions, toInput, toStored } from "./programUi";

/** One criterion row as typed: money in major units, as text until submitted. */
export interface CriterionRow {
  /** Stable React key. */
  id: string;
  metric: TierMetric;
  value: string;
}

let rowSequence = 0;
/** A fresh key for a new form row. */
export const rowId = () => `row-${++rowSequence}`;

export const rowsFromCriteria = (criteria: readonly TierCriterion[], currency: string): CriterionRow[] =>
  criteria.map((c) => ({ id: rowId(), metric: c.metric, value: String(toInput(c.metric, c.min, currency)) }));

export const criteriaFromRows = (rows: readonly CriterionRow[], currency: string): TierCriterion[] =>
  rows.map((row) => ({
    metric: row.metric,
    min: row.value.trim() === "" ? Number.NaN : toStored(row.metric, Number(row.value), currency),
  }));

/** Rows of "metric ≥ threshold", with add and remove. `errors` are keyed `criteria.<i>.<field>`. */
export function CriteriaEditor({
  rows,
  onChange,
  currency,
  errors,
  legend = "Criteria",
}: {
  rows: CriterionRow[];
  onChange: (rows: CriterionRow[]) => void;
  currency: string;
  errors: FieldErrors;
  legend?: string;
}) {
  const unused = metricOptions.find((option) => !rows.some((row) => row.metric === option.value));
  const update = (index: number, patch: Partial<CriterionRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {rows.length === 0 ? <p className="text-sm text-slate-500">No thresholds.</p> : null}
      {rows.map((row, index) => (
        <div key={row.id} className="grid grid-cols-[1fr_9rem_auto] items-start gap-2">
          <Select
            label={`Metric ${index + 1}`}
            hideLabel
            value={row.metric}
            onChange={(e) => update(index, { metric: e.target.value as TierMetric })}
            error={errors[`criteria.${index}.metric`]}
          >
            {metricOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
          <Input
            label={`Minimum for metric ${index + 1}${isMoneyMetric(row.metric) ? ` (${currency})` : ""}`}
            hideLabel
            type="number"
            inputMode="decimal"
            min={0}
            placeholder={isMoneyMetric(row.metric) ? `Amount in ${currency}` : "Minimum"}
            value={row.value}
            onChange={(e) => update(index, { value: e.target.value })}
            error={errors[`criteria.${index}.min`]}
          />
          <Button
            variant="ghost"
            aria-label={`Remove metric ${index + 1}`}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            Remove
          </Button>
        </div>
      ))}
      {unused ? (
        <Button
          size="sm"
          variant="secondary"
          icon={<PlusIcon />}
          onClick={() => onChange([...rows, { id: rowId(), metric: unused.value, value: "" }])}
        >
          Add threshold
        </Button>
      ) : null}
    </fieldset>
  );
}

import { simulateTiersBody, type TierMove } from "@symbiont/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { Select } from "../../../components/ui/Field";
import { type Column, DataTable } from "../../../components/ui/Table";
import { api } from "../../../lib/api";
import { errorMessage, type FieldErrors, fieldErrorsFromApi, validate } from "../../../lib/forms";
import { CriteriaEditor, type CriterionRow, criteriaFromRows, rowsFromCriteria } from "./CriteriaEditor";

const columns: Column<TierMove>[] = [
  {
    key: "partner",
    header: "Partner",
    cell: (move) => (
      <Link
        to="/console/partners/$partnerId"
        params={{ partnerId: move.partnerId }}
        className="font-medium text-slate-900 hover:text-brand-800 hover:underline"
      >
        {move.partnerName}
      </Link>
    ),
  },
  { key: "from", header: "Qualifies today", cell: (move) => move.from?.name ?? "No tier" },
  {
    key: "to",
    header: "Would qualify",
    cell: (move) => (
      <span className="inline-flex items-center gap-2">
        {move.to?.name ?? "No tier"}
        <Badge tone={move.direction === "up" ? "success" : "danger"}>{move.direction === "up" ? "Up" : "Down"}</Badge>
      </span>
    ),
  },
  { key: "current", header: "Holds now", hideOnMobile: true, cell: (move) => move.currentTier?.name ?? "No tier" },
];

/** "If we changed Gold's thresholds to X, who would move?" — computed by the server, nothing saved. */
export function TierSimulationCard({ programId }: { programId: string }) {
  const tiers = useQuery({
    queryKey: ["console", "tiers", programId],
    queryFn: ({ signal }) => api.tiers.list(programId, signal),
  });
  const [tierId, setTierId] = useState("");
  const [rows, setRows] = useState<CriterionRow[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const currency = tiers.data?.currency ?? "USD";
  const simulate = useMutation({
    mutationFn: (body: ReturnType<typeof simulateTiersBody.parse>) => api.tiers.simulate(programId, body),
    onError: (error) => setErrors(fieldErrorsFromApi(error)),
  });

  const chooseTier = (id: string) => {
    setTierId(id);
    simulate.reset();
    const tier = tiers.data?.items.find((t) => t.id === id);
    setRows(tier ? rowsFromCriteria(tier.criteria, currency) : []);
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(simulateTiersBody, { tierId, criteria: criteriaFromRows(rows, currency) });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    simulate.mutate(result.data);
  }

  const items = tiers.data?.items ?? [];
  if (items.length === 0) return null;
  const outcome = simulate.data;

  return (
    <Card>
      <CardHeader
        title="Simulate a change"
        description="Try new thresholds on a tier and see which partners would move."
      />
      <CardBody>
        <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Tier simulation">
          {simulate.isError && Object.keys(errors).length === 0 ? (
            <Alert tone="danger">{errorMessage(simulate.error)}</Alert>
          ) : null}
          <Select label="Tier" value={tierId} onChange={(e) => chooseTier(e.target.value)} error={errors.tierId}>
            <option value="">Choose a tier…</option>
            {items.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.name}
              </option>
            ))}
          </Select>
          {tierId ? (
            <>
              <CriteriaEditor
                rows={rows}
                onChange={setRows}
                currency={currency}
                errors={errors}
                legend="What if it required"
              />
              <div className="flex justify-end">
                <Button type="submit" loading={simulate.isPending} loadingText="Simulating…">
                  Simulate
                </Button>
              </div>
            </>
          ) : null}
        </form>
      </CardBody>
      {outcome ? (
        <div className="border-t border-slate-200">
          <p className="px-5 py-3 text-sm text-slate-700" role="status">
            Of {outcome.evaluated} partners, <strong>{outcome.up}</strong> would move up and{" "}
            <strong>{outcome.down}</strong> would move down.
          </p>
          {outcome.moves.length > 0 ? (
            <DataTable
              caption="Partners who would move"
              columns={columns}
              rows={outcome.moves}
              rowKey={(m) => m.partnerId}
            />
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

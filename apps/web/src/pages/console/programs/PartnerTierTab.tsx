import type { PartnerRecord, PartnerSignals } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Checkbox, Input } from "../../../components/ui/Field";
import { SparkIcon } from "../../../components/ui/icons";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { useToast } from "../../../components/ui/Toast";
import { api } from "../../../lib/api";
import { formatDate, formatDateTime } from "../../../lib/format";
import { errorMessage, type FieldErrors, fieldErrorsFromApi } from "../../../lib/forms";
import { useCanManagePrograms } from "./programUi";

/** The partner profile's Tier tab: tier per program, manual signals, and the proposal history. */
export function PartnerTierTab({ partner }: { partner: PartnerRecord }) {
  const proposals = useQuery({
    queryKey: ["console", "tier-proposals", { partnerId: partner.id }],
    queryFn: ({ signal }) => api.tiers.proposals({ partnerId: partner.id, limit: 20 }, signal),
  });
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader title="Programs and tiers" />
        {partner.programs.length === 0 ? (
          <EmptyState
            compact
            headingLevel={3}
            icon={<SparkIcon />}
            title="Not in any program"
            description="Add this partner to a program from the program's page."
          />
        ) : (
          <ul className="divide-y divide-slate-100">
            {partner.programs.map((membership) => (
              <li key={membership.programId} className="flex items-center justify-between gap-3 px-5 py-3">
                <div>
                  <Link
                    to="/console/programs/$programId"
                    params={{ programId: membership.programId }}
                    className="font-medium text-slate-900 hover:text-brand-800 hover:underline"
                  >
                    {membership.programName}
                  </Link>
                  <p className="text-sm text-slate-500">Member since {formatDate(membership.joinedAt)}</p>
                </div>
                {membership.tierName ? <Badge tone="brand">{membership.tierName}</Badge> : <Badge>No tier</Badge>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <SignalsCard partnerId={partner.id} />
      <Card className="lg:col-span-2">
        <CardHeader title="Tier changes" description="Proposals from the daily evaluation and their decisions." />
        {proposals.isError ? (
          <ErrorState error={proposals.error} onRetry={() => void proposals.refetch()} />
        ) : proposals.isPending ? (
          <LoadingBlock label="Loading tier changes…" />
        ) : proposals.data.items.length === 0 ? (
          <CardBody>
            <p className="text-sm text-slate-500">No tier changes proposed yet.</p>
          </CardBody>
        ) : (
          <ul className="divide-y divide-slate-100">
            {proposals.data.items.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
                <span>
                  <strong className="font-medium">{p.programName}</strong>: {p.fromTier?.name ?? "No tier"} →{" "}
                  {p.toTier?.name ?? "No tier"}
                </span>
                <span className="flex items-center gap-2 text-slate-500">
                  <Badge tone={p.status === "pending" ? "warning" : p.status === "approved" ? "success" : "neutral"}>
                    {p.autoApplied ? "Applied automatically" : p.status.charAt(0).toUpperCase() + p.status.slice(1)}
                  </Badge>
                  {formatDateTime(p.decidedAt ?? p.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

const numericSignals = [
  { key: "certified_people", label: "Certified people" },
  { key: "points", label: "Points" },
  { key: "engagement_score", label: "Engagement score" },
] as const;

function SignalsCard({ partnerId }: { partnerId: string }) {
  const signals = useQuery({
    queryKey: ["console", "partner-signals", partnerId],
    queryFn: ({ signal }) => api.tiers.signals(partnerId, signal),
  });
  return (
    <Card>
      <CardHeader
        title="Manual signals"
        description="Counts kept by hand until other modules supply them, and the tiers' manual checks."
      />
      <CardBody>
        {signals.isError ? (
          <ErrorState error={signals.error} onRetry={() => void signals.refetch()} />
        ) : signals.isPending ? (
          <LoadingBlock label="Loading signals…" />
        ) : (
          <SignalsForm partnerId={partnerId} data={signals.data} />
        )}
      </CardBody>
    </Card>
  );
}

function SignalsForm({ partnerId, data }: { partnerId: string; data: PartnerSignals }) {
  const canManage = useCanManagePrograms();
  const toast = useToast();
  const queryClient = useQueryClient();
  const current = new Map(data.signals.map((s) => [s.key, s.value]));
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(numericSignals.map((s) => [s.key, String(current.get(s.key) ?? 0)])),
  );
  const [checks, setChecks] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(data.checks.map((c) => [c.key, (current.get(c.key) ?? 0) >= 1])),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const uniqueChecks = [...new Map(data.checks.map((c) => [c.key, c])).values()];
  const save = useMutation({
    mutationFn: () =>
      api.tiers.saveSignals(partnerId, {
        signals: [
          ...numericSignals.map((s) => ({ key: s.key, value: Number(values[s.key] ?? 0) })),
          ...uniqueChecks.map((c) => ({ key: c.key as `check:${string}`, value: checks[c.key] ? 1 : 0 })),
        ],
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(["console", "partner-signals", partnerId], saved);
      toast.success("Signals saved", "The next evaluation uses them.");
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error)),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    save.mutate();
  }
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Manual signals">
      {save.isError && Object.keys(errors).length === 0 ? (
        <Alert tone="danger">{errorMessage(save.error)}</Alert>
      ) : null}
      <fieldset disabled={!canManage} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-3">
          {numericSignals.map((s, index) => (
            <Input
              key={s.key}
              label={s.label}
              type="number"
              inputMode="numeric"
              min={0}
              value={values[s.key] ?? ""}
              onChange={(e) => setValues({ ...values, [s.key]: e.target.value })}
              error={errors[`signals.${index}.value`]}
            />
          ))}
        </div>
        {uniqueChecks.map((check) => (
          <Checkbox
            key={check.key}
            label={check.label}
            hint={`${check.programName} · ${check.tierName}`}
            checked={checks[check.key] ?? false}
            onChange={(e) => setChecks({ ...checks, [check.key]: e.target.checked })}
          />
        ))}
      </fieldset>
      {canManage ? (
        <div className="flex justify-end">
          <Button type="submit" loading={save.isPending} loadingText="Saving…">
            Save signals
          </Button>
        </div>
      ) : null}
    </form>
  );
}

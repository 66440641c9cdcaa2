import type { AutoApprovalCondition, RegistrationRules } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Checkbox, Input, Select } from "../../../components/ui/Field";
import { PageHeader } from "../../../components/ui/PageHeader";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { useToast } from "../../../components/ui/Toast";
import { registrationEndpoints } from "../../../lib/endpoints/registrations";
import { formatDateTime } from "../../../lib/format";
import { errorMessage } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";

const api = registrationEndpoints.console;

interface Draft {
  protectionDays: string;
  firstInTimeDays: string;
  directLookbackDays: string;
  renewals: boolean;
  slaHours: string;
  reminderHours: string;
  maxExtensionDays: string;
  autoClear: boolean;
  tier: string;
  amountBelow: string;
  note: string;
}

function toDraft(rules: RegistrationRules): Draft {
  const tier = rules.autoApprove.find((c) => c.fact === "tier");
  const amount = rules.autoApprove.find((c) => c.fact === "amount");
  return {
    protectionDays: rules.protectionDays === null ? "none" : String(rules.protectionDays),
    firstInTimeDays: String(rules.firstInTimeDays),
    directLookbackDays: String(rules.directLookbackDays),
    renewals: rules.renewalsToPartnerOfRecord,
    slaHours: String(rules.slaHours),
    reminderHours: String(rules.reminderHours),
    maxExtensionDays: String(rules.maxExtensionDays),
    autoClear: rules.autoApprove.some((c) => c.fact === "decision"),
    tier: tier?.fact === "tier" ? tier.value : "",
    amountBelow: amount?.fact === "amount" ? String(amount.value) : "",
    note: "",
  };
}

function toRules(d: Draft): RegistrationRules {
  const autoApprove: AutoApprovalCondition[] = [];
  if (d.autoClear) {
    autoApprove.push({ fact: "decision", op: "eq", value: "clear" });
    if (d.tier.trim()) autoApprove.push({ fact: "tier", op: "gte", value: d.tier.trim() });
    if (d.amountBelow.trim()) autoApprove.push({ fact: "amount", op: "lt", value: Number(d.amountBelow) });
  }
  return {
    protectionDays: d.protectionDays === "none" ? null : (Number(d.protectionDays) as 30 | 60 | 90 | 120),
    firstInTimeDays: Number(d.firstInTimeDays),
    directLookbackDays: Number(d.directLookbackDays),
    renewalsToPartnerOfRecord: d.renewals,
    autoApprove,
    slaHours: Number(d.slaHours),
    reminderHours: Number(d.reminderHours),
    maxExtensionDays: Number(d.maxExtensionDays),
  };
}

export function RulesPage() {
  useDocumentTitle("Rules of engagement");
  const policies = useQuery({
    queryKey: ["console", "registration-policies"],
    queryFn: ({ signal }) => api.policies(signal),
  });
  const [draft, setDraft] = useState<Draft | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  useEffect(() => {
    if (policies.data && !draft) setDraft(toDraft(policies.data.current.rules));
  }, [policies.data, draft]);
  const publish = useMutation({
    mutationFn: (d: Draft) => api.publishPolicy({ rules: toRules(d), ...(d.note ? { note: d.note } : {}) }),
    onSuccess: (record) => {
      toast.success(`Version ${record.version} is in force`);
      setDraft(null);
      void queryClient.invalidateQueries({ queryKey: ["console", "registration-policies"] });
    },
  });
  if (policies.isPending || !draft) {
    return policies.isError ? <ErrorState error={policies.error} /> : <LoadingBlock label="Loading the rules…" />;
  }
  if (policies.isError) return <ErrorState error={policies.error} />;
  const current = policies.data.current;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const text = (key: keyof Draft) => (e: { target: { value: string } }) => set(key, e.target.value as never);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link to="/console/deals" className="hover:underline">
            Deal registrations
          </Link>
        }
        title="Rules of engagement"
        description={`Version ${current.version}, published ${formatDateTime(current.createdAt)}${current.createdBy ? ` by ${current.createdBy}` : ""}. Publishing creates a new version; every decision records the version it used.`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Edit" headingLevel={2} />
          <CardBody>
            <form
              className="grid gap-4 sm:grid-cols-2"
              onSubmit={(e) => {
                e.preventDefault();
                publish.mutate(draft);
              }}
            >
              <Select label="Protection window" value={draft.protectionDays} onChange={text("protectionDays")}>
                {["30", "60", "90", "120"].map((d) => (
                  <option key={d} value={d}>
                    {d} days
                  </option>
                ))}
                <option value="none">No expiry</option>
              </Select>
              <Input
                label="First-in-time window (days)"
                inputMode="numeric"
                value={draft.firstInTimeDays}
                onChange={text("firstInTimeDays")}
              />
              <Input
                label="Direct-engagement look-back (days)"
                inputMode="numeric"
                value={draft.directLookbackDays}
                onChange={text("directLookbackDays")}
              />
              <Input
                label="Longest extension (days)"
                inputMode="numeric"
                value={draft.maxExtensionDays}
                onChange={text("maxExtensionDays")}
              />
              <Input
                label="Approval SLA (hours)"
                inputMode="numeric"
                value={draft.slaHours}
                onChange={text("slaHours")}
              />
              <Input
                label="Reminder after (hours)"
                inputMode="numeric"
                value={draft.reminderHours}
                onChange={text("reminderHours")}
              />
              <div className="sm:col-span-2">
                <Checkbox
                  label="The partner of record keeps renewals"
                  checked={draft.renewals}
                  onChange={(e) => set("renewals", e.target.checked)}
                />
              </div>
              <fieldset className="space-y-3 sm:col-span-2">
                <legend className="text-sm font-medium text-slate-900">Auto-approval</legend>
                <Checkbox
                  label="Approve automatically when the conflict check is clear and…"
                  checked={draft.autoClear}
                  onChange={(e) => set("autoClear", e.target.checked)}
                />
                <div className="grid gap-4 sm:grid-cols-2">
                  <Input
                    label="…the partner's tier is at least"
                    optional
                    placeholder="Gold"
                    disabled={!draft.autoClear}
                    value={draft.tier}
                    onChange={text("tier")}
                  />
                  <Input
                    label="…the amount is below (reporting currency)"
                    optional
                    inputMode="decimal"
                    disabled={!draft.autoClear}
                    value={draft.amountBelow}
                    onChange={text("amountBelow")}
                  />
                </div>
              </fieldset>
              <div className="sm:col-span-2">
                <Input label="What changed" optional value={draft.note} onChange={text("note")} />
              </div>
              {publish.isError ? (
                <div className="sm:col-span-2">
                  <Alert tone="danger">{errorMessage(publish.error)}</Alert>
                </div>
              ) : null}
              <div className="sm:col-span-2">
                <Button type="submit" loading={publish.isPending}>
                  Publish version {current.version + 1}
                </Button>
              </div>
            </form>
          </CardBody>
        </Card>
        <div className="space-y-4">
          <Card>
            <CardHeader title="In force" headingLevel={2} />
            <CardBody>
              <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
                {current.summary.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Versions" headingLevel={2} />
            <CardBody>
              <ol className="space-y-1 text-sm">
                {policies.data.versions.map((v) => (
                  <li key={v.id}>
                    Version {v.version} · {formatDateTime(v.createdAt)} {v.note ? `· ${v.note}` : ""}
                  </li>
                ))}
              </ol>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}

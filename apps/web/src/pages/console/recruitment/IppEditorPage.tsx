import type { IppCriterion, IppRule } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Checkbox, Input, Select } from "../../../components/ui/Field";
import { PlusIcon, SparkIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { useToast } from "../../../components/ui/Toast";
import { canManagePrograms, usePrograms } from "../../../features/programPicker";
import { api } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/auth";
import { errorMessage, fieldErrorsFromApi } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";

const attributes = [
  ["industries", "Industries"],
  ["regions", "Regions served"],
  ["size", "Company size"],
  ["types", "Partner types"],
  ["specializations", "Specializations"],
  ["hqCountry", "HQ country"],
] as const;

const ruleKinds: Record<IppRule["kind"], string> = {
  any_of: "Has any of",
  all_of: "Has all of (partial credit)",
  range: "Number between",
  equals: "Equals",
};

function newRule(kind: IppRule["kind"]): IppRule {
  if (kind === "range") return { kind, min: null, max: null };
  if (kind === "equals") return { kind, value: "" };
  return { kind, values: [] };
}

/** Draft state keeps list values as text while editing. */
interface Draft extends Omit<IppCriterion, "rule"> {
  rule: IppRule;
  valuesText: string;
}

const toDraft = (c: IppCriterion): Draft => ({
  ...c,
  valuesText: c.rule.kind === "any_of" || c.rule.kind === "all_of" ? c.rule.values.join(", ") : "",
});

function fromDraft(d: Draft): IppCriterion {
  const { valuesText, ...rest } = d;
  if (d.rule.kind === "any_of" || d.rule.kind === "all_of") {
    const values = valuesText
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
    return { ...rest, rule: { kind: d.rule.kind, values } };
  }
  return rest;
}

const num = (text: string) => (text.trim() === "" ? null : Number(text));

function CriterionEditor({
  draft,
  index,
  errors,
  onChange,
  onRemove,
}: {
  draft: Draft;
  index: number;
  errors: Record<string, string | undefined>;
  onChange: (d: Draft) => void;
  onRemove: () => void;
}) {
  const err = (field: string) => errors[`criteria.${index}.${field}`];
  const custom = draft.attribute.startsWith("customField:");
  return (
    <fieldset className="rounded-lg border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Criterion {index + 1}</legend>
      <div className="grid gap-3 md:grid-cols-2">
        <Input
          label="Label"
          value={draft.label}
          error={err("label")}
          onChange={(e) => onChange({ ...draft, label: e.target.value })}
        />
        <Input
          label="Weight (0–100)"
          type="number"
          min={0}
          max={100}
          value={draft.weight}
          error={err("weight")}
          onChange={(e) => onChange({ ...draft, weight: Number(e.target.value) })}
        />
        <Select
          label="Attribute"
          value={custom ? "custom" : draft.attribute}
          error={err("attribute")}
          onChange={(e) =>
            onChange({ ...draft, attribute: e.target.value === "custom" ? "customField:" : e.target.value })
          }
        >
          {attributes.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
          <option value="custom">Custom field…</option>
        </Select>
        {custom ? (
          <Input
            label="Custom field key"
            value={draft.attribute.slice("customField:".length)}
            error={err("attribute")}
            onChange={(e) => onChange({ ...draft, attribute: `customField:${e.target.value.trim()}` })}
          />
        ) : null}
        <Select
          label="Rule"
          value={draft.rule.kind}
          onChange={(e) => onChange({ ...draft, rule: newRule(e.target.value as IppRule["kind"]), valuesText: "" })}
        >
          {Object.entries(ruleKinds).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        {draft.rule.kind === "any_of" || draft.rule.kind === "all_of" ? (
          <Input
            label="Values"
            hint="Comma-separated, e.g. software, healthcare"
            value={draft.valuesText}
            error={err("rule.values")}
            onChange={(e) => onChange({ ...draft, valuesText: e.target.value })}
          />
        ) : draft.rule.kind === "range" ? (
          <div className="grid grid-cols-2 gap-3">
            <Input
              label="Minimum"
              type="number"
              hint="Company sizes use the band's lower bound (51-200 → 51)"
              value={draft.rule.min ?? ""}
              onChange={(e) =>
                onChange({
                  ...draft,
                  rule: {
                    kind: "range",
                    min: num(e.target.value),
                    max: draft.rule.kind === "range" ? draft.rule.max : null,
                  },
                })
              }
            />
            <Input
              label="Maximum"
              type="number"
              value={draft.rule.max ?? ""}
              onChange={(e) =>
                onChange({
                  ...draft,
                  rule: {
                    kind: "range",
                    max: num(e.target.value),
                    min: draft.rule.kind === "range" ? draft.rule.min : null,
                  },
                })
              }
            />
          </div>
        ) : (
          <Input
            label="Value"
            value={String(draft.rule.value)}
            onChange={(e) => onChange({ ...draft, rule: { kind: "equals", value: e.target.value } })}
          />
        )}
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <Checkbox
          label="Required"
          hint="Failing it can auto-reject when the program's spam rule is on"
          checked={draft.required ?? false}
          onChange={(e) => onChange({ ...draft, required: e.target.checked })}
        />
        <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove criterion ${index + 1}`}>
          Remove
        </Button>
      </div>
    </fieldset>
  );
}

/** The Ideal Partner Profile editor of one program: weighted criteria; saving rescores open applications. */
export function IppEditorPage() {
  const { programId } = useParams({ from: "/console/recruitment/ipp/$programId" });
  const user = useCurrentUser();
  const programs = usePrograms();
  const program = programs.data?.items.find((p) => p.id === programId);
  useDocumentTitle(program ? `${program.name} profile` : "Ideal Partner Profile");
  const queryClient = useQueryClient();
  const toast = useToast();
  const ipp = useQuery({
    queryKey: ["console", "ipp", programId],
    queryFn: ({ signal }) => api.recruitment.ipp(programId, signal),
  });
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  useEffect(() => {
    if (ipp.data && drafts === null) setDrafts(ipp.data.criteria.map(toDraft));
  }, [ipp.data, drafts]);
  const save = useMutation({
    mutationFn: () => api.recruitment.saveIpp(programId, (drafts ?? []).map(fromDraft)),
    onSuccess: (result) => {
      toast.success(
        "Profile saved",
        `${result.rescored} open application${result.rescored === 1 ? "" : "s"} rescored.`,
      );
      queryClient.setQueryData(["console", "ipp", programId], result);
      setDrafts(result.criteria.map(toDraft));
      void queryClient.invalidateQueries({ queryKey: ["console", "applications"] });
    },
  });
  const errors = fieldErrorsFromApi(save.error);
  const totalWeight = (drafts ?? []).reduce((sum, d) => sum + (Number.isFinite(d.weight) ? d.weight : 0), 0);
  const editable = canManagePrograms(user);
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/console/recruitment">Recruitment</Link>}
        title={`${program?.name ?? "Program"}: Ideal Partner Profile`}
        description="Weighted criteria score every applicant from 0 to 100: each criterion adds weight × match ÷ total weight. Saving rescores every open application."
      />
      {ipp.isPending || drafts === null ? (
        ipp.isError ? (
          <ErrorState error={ipp.error} onRetry={() => void ipp.refetch()} />
        ) : (
          <LoadingBlock label="Loading the profile…" />
        )
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Card>
            <CardHeader
              title="Criteria"
              description={`Version ${ipp.data?.version ?? 0} · total weight ${totalWeight}`}
              actions={
                editable ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    icon={<PlusIcon />}
                    onClick={() =>
                      setDrafts([
                        ...drafts,
                        toDraft({
                          id: `c${Date.now().toString(36)}`,
                          label: "",
                          attribute: "industries",
                          weight: 20,
                          rule: { kind: "any_of", values: [] },
                          required: false,
                        }),
                      ])
                    }
                  >
                    Add criterion
                  </Button>
                ) : null
              }
            />
            <CardBody className="space-y-4">
              {save.isError ? <Alert tone="danger">{errorMessage(save.error)}</Alert> : null}
              {drafts.length === 0 ? (
                <EmptyState
                  compact
                  headingLevel={3}
                  icon={<SparkIcon />}
                  title="No criteria yet"
                  description="Add what makes a great partner for this program: industries, regions, size, partner types."
                />
              ) : (
                drafts.map((draft, index) => (
                  <CriterionEditor
                    key={draft.id}
                    draft={draft}
                    index={index}
                    errors={errors}
                    onChange={(next) => setDrafts(drafts.map((d, i) => (i === index ? next : d)))}
                    onRemove={() => setDrafts(drafts.filter((_, i) => i !== index))}
                  />
                ))
              )}
              {editable ? (
                <div className="flex justify-end">
                  <Button type="submit" loading={save.isPending}>
                    Save and rescore
                  </Button>
                </div>
              ) : (
                <Alert tone="info">Only admins and partner managers can change the profile.</Alert>
              )}
            </CardBody>
          </Card>
        </form>
      )}
    </>
  );
}

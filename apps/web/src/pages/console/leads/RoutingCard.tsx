import type { LeadRoutingRule, LeadRoutingSettings } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { Input, Select } from "../../../components/ui/Field";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { useToast } from "../../../components/ui/Toast";
import { leadEndpoints } from "../../../lib/endpoints/leads";
import { errorMessage, fieldErrorsFromApi } from "../../../lib/forms";
import { usePartnerOptions } from "./NewLeadDialog";

/** How unanswered offers move on: round robin or a ranked list, and the default deadline. */
export function RoutingCard({ canEdit }: { canEdit: boolean }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const settings = useQuery({
    queryKey: ["console", "lead-routing"],
    queryFn: ({ signal }) => leadEndpoints.routing(signal),
  });
  const partners = usePartnerOptions();
  const [draft, setDraft] = useState<LeadRoutingSettings | null>(null);
  const [adding, setAdding] = useState("");
  useEffect(() => {
    if (settings.data && !draft) setDraft(settings.data);
  }, [settings.data, draft]);
  const save = useMutation({
    mutationFn: (body: LeadRoutingSettings) => leadEndpoints.updateRouting(body),
    onSuccess: (saved) => {
      setDraft(saved);
      queryClient.setQueryData(["console", "lead-routing"], saved);
      toast.success("Routing saved");
    },
  });
  const names = new Map(partners.data?.items.map((p) => [p.id, p.name]));
  const errors = fieldErrorsFromApi(save.error);
  return (
    <Card>
      <CardHeader
        title="Routing"
        description="When a partner does not answer in time, the lead moves on by this rule."
      />
      <CardBody>
        {!draft ? (
          <LoadingBlock label="Loading routing…" />
        ) : (
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate(draft);
            }}
          >
            {save.isError ? <Alert tone="danger">{errorMessage(save.error)}</Alert> : null}
            <Select
              label="Rule"
              value={draft.rule}
              disabled={!canEdit}
              onChange={(e) => setDraft({ ...draft, rule: e.target.value as LeadRoutingRule })}
            >
              <option value="round_robin">Round robin among active partners</option>
              <option value="ranked">Ranked list</option>
            </Select>
            <Input
              label="Hours to accept"
              inputMode="numeric"
              disabled={!canEdit}
              value={String(draft.acceptHours)}
              error={errors.acceptHours}
              onChange={(e) => setDraft({ ...draft, acceptHours: Number(e.target.value) || 0 })}
            />
            {draft.rule === "ranked" ? (
              <div className="space-y-2">
                <p className="text-sm font-medium text-slate-900">Ranked partners</p>
                {draft.rankedPartnerIds.length === 0 ? (
                  <p className="text-sm text-slate-500">No partners ranked yet.</p>
                ) : (
                  <ol className="space-y-1">
                    {draft.rankedPartnerIds.map((id, index) => (
                      <li
                        key={id}
                        className="flex items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-1.5 text-sm"
                      >
                        <span>
                          {index + 1}. {names.get(id) ?? "Partner"}
                        </span>
                        {canEdit ? (
                          <span className="flex gap-1">
                            <Button
                              size="sm"
                              variant="ghost"
                              disabled={index === 0}
                              aria-label={`Move ${names.get(id) ?? "partner"} up`}
                              onClick={() => {
                                const list = [...draft.rankedPartnerIds];
                                [list[index - 1], list[index]] = [list[index] ?? "", list[index - 1] ?? ""];
                                setDraft({ ...draft, rankedPartnerIds: list });
                              }}
                            >
                              ↑
                            </Button>
                            <Button
                              size="sm"
                              variant="ghost"
                              aria-label={`Remove ${names.get(id) ?? "partner"}`}
                              onClick={() =>
                                setDraft({ ...draft, rankedPartnerIds: draft.rankedPartnerIds.filter((x) => x !== id) })
                              }
                            >
                              ✕
                            </Button>
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ol>
                )}
                {canEdit ? (
                  <div className="flex items-end gap-2">
                    <Select label="Add a partner" value={adding} onChange={(e) => setAdding(e.target.value)}>
                      <option value="">Choose…</option>
                      {partners.data?.items
                        .filter((p) => !draft.rankedPartnerIds.includes(p.id))
                        .map((p) => (
                          <option key={p.id} value={p.id}>
                            {p.name}
                          </option>
                        ))}
                    </Select>
                    <Button
                      variant="secondary"
                      disabled={!adding}
                      onClick={() => {
                        setDraft({ ...draft, rankedPartnerIds: [...draft.rankedPartnerIds, adding] });
                        setAdding("");
                      }}
                    >
                      Add
                    </Button>
                  </div>
                ) : null}
              </div>
            ) : null}
            {canEdit ? (
              <Button type="submit" loading={save.isPending}>
                Save routing
              </Button>
            ) : null}
          </form>
        )}
      </CardBody>
    </Card>
  );
}

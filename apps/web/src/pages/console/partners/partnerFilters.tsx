import { partnerStageLabels, partnerStages, partnerTypes } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { Button } from "../../../components/ui/Button";
import { Input, Select } from "../../../components/ui/Field";
import { CloseIcon, SearchIcon } from "../../../components/ui/icons";
import { api, type PartnerListParams } from "../../../lib/api";
import { regionOptions, typeLabel, useManagers } from "./partnerUi";

export type Filters = Pick<
  PartnerListParams,
  "stage" | "type" | "region" | "programId" | "tierId" | "managerId" | "tag" | "country" | "industry"
>;

/** Programs and their tiers for the filter selects; hidden when the programs API is unavailable. */
function usePrograms() {
  return useQuery({
    queryKey: ["console", "programs", "options"],
    queryFn: ({ signal }) => api.partners.programOptions(signal),
    staleTime: 60_000,
    retry: false,
  });
}

function useTiers(programId: string | undefined) {
  return useQuery({
    queryKey: ["console", "programs", programId, "tiers", "options"],
    queryFn: ({ signal }) => api.partners.tierOptions(programId ?? "", signal),
    enabled: Boolean(programId),
    staleTime: 60_000,
    retry: false,
  });
}

export function PartnerFilters({
  query,
  onQuery,
  filters,
  onChange,
}: {
  query: string;
  onQuery: (value: string) => void;
  filters: Filters;
  onChange: (filters: Filters) => void;
}) {
  const managers = useManagers();
  const programs = usePrograms();
  const tiers = useTiers(filters.programId);
  const set = (key: keyof Filters, value: string) => {
    const next = { ...filters, [key]: value || undefined };
    if (key === "programId") next.tierId = undefined;
    onChange(next);
  };
  const active = Object.values(filters).some(Boolean);
  return (
    <search className="grid gap-3 border-b border-slate-200 px-5 py-4 sm:grid-cols-2 lg:grid-cols-4 2xl:grid-cols-8">
      <Input
        label="Search"
        type="search"
        placeholder="Name, legal name or domain"
        leading={<SearchIcon />}
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        className="sm:col-span-2"
      />
      <Select label="Stage" value={filters.stage ?? ""} onChange={(e) => set("stage", e.target.value)}>
        <option value="">All stages</option>
        {partnerStages.map((stage) => (
          <option key={stage} value={stage}>
            {partnerStageLabels[stage]}
          </option>
        ))}
      </Select>
      <Select label="Type" value={filters.type ?? ""} onChange={(e) => set("type", e.target.value)}>
        <option value="">All types</option>
        {partnerTypes.map((type) => (
          <option key={type} value={type}>
            {typeLabel(type)}
          </option>
        ))}
      </Select>
      <Select label="Region" value={filters.region ?? ""} onChange={(e) => set("region", e.target.value)}>
        <option value="">All regions</option>
        {regionOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
      <Select label="Manager" value={filters.managerId ?? ""} onChange={(e) => set("managerId", e.target.value)}>
        <option value="">Anyone</option>
        <option value="none">Unassigned</option>
        {(managers.data?.items ?? []).map((manager) => (
          <option key={manager.id} value={manager.id}>
            {manager.name}
          </option>
        ))}
      </Select>
      {programs.data ? (
        <Select label="Program" value={filters.programId ?? ""} onChange={(e) => set("programId", e.target.value)}>
          <option value="">All programs</option>
          {programs.data.items.map((program) => (
            <option key={program.id} value={program.id}>
              {program.name}
            </option>
          ))}
        </Select>
      ) : null}
      {programs.data ? (
        <Select
          label="Tier"
          value={filters.tierId ?? ""}
          onChange={(e) => set("tierId", e.target.value)}
          disabled={!filters.programId}
          hint={filters.programId ? undefined : "Pick a program first"}
        >
          <option value="">All tiers</option>
          {(tiers.data?.items ?? []).map((tier) => (
            <option key={tier.id} value={tier.id}>
              {tier.name}
            </option>
          ))}
        </Select>
      ) : null}
      <Input
        label="Tag"
        placeholder="e.g. strategic"
        value={filters.tag ?? ""}
        onChange={(e) => set("tag", e.target.value.trim())}
      />
      {active ? (
        <div className="flex items-end">
          <Button variant="ghost" icon={<CloseIcon />} onClick={() => onChange({})}>
            Clear filters
          </Button>
        </div>
      ) : null}
    </search>
  );
}

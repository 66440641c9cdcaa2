import { type DashboardFilters, partnerTypeLabels, partnerTypes } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { Button } from "../../../components/ui/Button";
import { Input, Select } from "../../../components/ui/Field";
import { api } from "../../../lib/api";
import { periodPresets } from "./dashboardSearch";
import { regionLabel } from "./dashboardUi";

/** Period, program, tier, region and partner role; every change goes to the URL. */
export function DashboardFiltersBar({
  filters,
  period,
  regions,
  onChange,
}: {
  filters: DashboardFilters;
  period: { from: string; to: string } | undefined;
  regions: string[];
  onChange: (next: DashboardFilters) => void;
}) {
  const programs = useQuery({
    queryKey: ["programs", "options"],
    queryFn: ({ signal }) => api.programs.list({}, signal),
    staleTime: 300_000,
  });
  const tiers = useQuery({
    queryKey: ["tiers", "options", filters.programId],
    queryFn: ({ signal }) => api.partners.tierOptions(filters.programId ?? "", signal),
    enabled: Boolean(filters.programId),
    staleTime: 300_000,
  });
  const presets = periodPresets();
  const preset = presets.find((p) => p.from === (filters.from ?? period?.from) && p.to === (filters.to ?? period?.to));
  const set = (patch: Partial<DashboardFilters>) => {
    const next = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof DashboardFilters)[]) if (!next[key]) delete next[key];
    onChange(next);
  };
  const active = Object.keys(filters).length > 0;
  return (
    <form
      className="mb-6 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-card sm:grid-cols-2 lg:grid-cols-4"
      aria-label="Dashboard filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <Select
        label="Period"
        value={preset ? preset.label : "custom"}
        onChange={(event) => {
          const chosen = presets.find((p) => p.label === event.target.value);
          if (chosen) set({ from: chosen.from, to: chosen.to });
        }}
      >
        {presets.map((p) => (
          <option key={p.label} value={p.label}>
            {p.label}
          </option>
        ))}
        <option value="custom" disabled>
          Custom dates
        </option>
      </Select>
      <Input
        type="date"
        label="From"
        value={filters.from ?? period?.from ?? ""}
        max={filters.to ?? period?.to}
        onChange={(event) => set({ from: event.target.value || undefined })}
      />
      <Input
        type="date"
        label="To"
        value={filters.to ?? period?.to ?? ""}
        min={filters.from ?? period?.from}
        onChange={(event) => set({ to: event.target.value || undefined })}
      />
      <Select
        label="Program"
        value={filters.programId ?? ""}
        onChange={(event) => set({ programId: event.target.value || undefined, tierId: undefined })}
      >
        <option value="">All programs</option>
        {programs.data?.items.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <Select
        label="Tier"
        value={filters.tierId ?? ""}
        disabled={!filters.programId}
        hint={filters.programId ? undefined : "Pick a program first"}
        onChange={(event) => set({ tierId: event.target.value || undefined })}
      >
        <option value="">All tiers</option>
        {tiers.data?.items.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </Select>
      <Select
        label="Region"
        value={filters.region ?? ""}
        onChange={(event) => set({ region: event.target.value || undefined })}
      >
        <option value="">All regions</option>
        {[...new Set([...regions, ...(filters.region ? [filters.region] : [])])].map((r) => (
          <option key={r} value={r}>
            {regionLabel(r)}
          </option>
        ))}
      </Select>
      <div className="flex items-end gap-2">
        <Select
          label="Partner role"
          value={filters.role ?? ""}
          onChange={(event) => set({ role: (event.target.value || undefined) as DashboardFilters["role"] })}
        >
          <option value="">All roles</option>
          {partnerTypes.map((t) => (
            <option key={t} value={t}>
              {partnerTypeLabels[t]}
            </option>
          ))}
        </Select>
        {active ? (
          <Button variant="ghost" size="sm" onClick={() => onChange({})} className="mb-1">
            Reset
          </Button>
        ) : null}
      </div>
    </form>
  );
}

import {
  type PartnerStage,
  partnerStageLabels,
  partnerTypeLabels,
  regionLabelOf,
  regionLabels,
  regions,
} from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { Badge, type BadgeTone } from "../../../components/ui/Badge";
import { api } from "../../../lib/api";

export const regionOptions = regions.map((value) => ({ value, label: regionLabels[value] }));

export const regionLabel = regionLabelOf;

export function typeLabel(value: string): string {
  return partnerTypeLabels[value as keyof typeof partnerTypeLabels] ?? value;
}

const stageTones: Record<PartnerStage, BadgeTone> = {
  prospect: "neutral",
  applied: "info",
  vetting: "info",
  onboarding: "brand",
  active: "success",
  at_risk: "warning",
  offboarding: "warning",
  offboarded: "neutral",
  rejected: "danger",
};

export function StageBadge({ stage }: { stage: PartnerStage }) {
  return (
    <Badge tone={stageTones[stage]} dot>
      {partnerStageLabels[stage]}
    </Badge>
  );
}

export function displayHost(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** Staff who can be assigned as partner managers (shared cache for every select). */
export function useManagers() {
  return useQuery({
    queryKey: ["console", "partner-managers"],
    queryFn: ({ signal }) => api.partners.managers(signal),
    staleTime: 60_000,
  });
}

export function useCustomFieldDefinitions() {
  return useQuery({
    queryKey: ["console", "partner-custom-fields"],
    queryFn: ({ signal }) => api.partners.customFields(signal),
    staleTime: 60_000,
  });
}

/** Splits "a, b ,c" into trimmed values. */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A chip list for read-only arrays. */
export function Chips({ values, label = (v: string) => v }: { values: string[]; label?: (value: string) => string }) {
  if (values.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {values.map((value) => (
        <li key={value}>
          <Badge>{label(value)}</Badge>
        </li>
      ))}
    </ul>
  );
}

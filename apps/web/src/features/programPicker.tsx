import type { CurrentUser } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { Select } from "../components/ui/Field";
import { api } from "../lib/api";

/** The workspace's programs (for pickers on the recruitment, agreements and onboarding pages). */
export function usePrograms() {
  return useQuery({
    queryKey: ["console", "programs", "options"],
    queryFn: ({ signal }) => api.programs.list({}, signal),
    staleTime: 60_000,
  });
}

/** Admins and partner managers run programs: agreements, journeys, the IPP and vetting decisions. */
export function canManagePrograms(user: Pick<CurrentUser, "role"> | null | undefined): boolean {
  return user?.role === "admin" || user?.role === "partner_manager";
}

export function ProgramSelect({
  value,
  onChange,
  allLabel,
  label = "Program",
  error,
  hideLabel,
}: {
  value: string;
  onChange: (programId: string) => void;
  /** Offer an "all programs" option with this label. */
  allLabel?: string;
  label?: string;
  error?: string | undefined;
  hideLabel?: boolean;
}) {
  const programs = usePrograms();
  return (
    <Select
      label={label}
      hideLabel={hideLabel}
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value)}
      disabled={programs.isPending}
    >
      {allLabel !== undefined ? <option value="">{allLabel}</option> : <option value="">Choose a program…</option>}
      {programs.data?.items.map((program) => (
        <option key={program.id} value={program.id}>
          {program.name}
        </option>
      ))}
    </Select>
  );
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { ErrorState } from "../../../components/ui/ErrorState";
import { ChevronLeftIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { LoadingBlock } from "../../../components/ui/Spinner";
import { useToast } from "../../../components/ui/Toast";
import { api } from "../../../lib/api";
import { errorMessage } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";
import { ProgramMembersCard } from "./ProgramMembersCard";
import { ProgramSettingsCard } from "./ProgramSettingsCard";
import { protectionLabel, useCanManagePrograms } from "./programUi";
import { TierSimulationCard } from "./TierSimulationCard";
import { TiersCard } from "./TiersCard";

export function ProgramPage() {
  const { programId } = useParams({ from: "/console/programs/$programId" });
  const canManage = useCanManagePrograms();
  const toast = useToast();
  const queryClient = useQueryClient();
  const program = useQuery({
    queryKey: ["console", "program", programId],
    queryFn: ({ signal }) => api.programs.get(programId, signal),
  });
  useDocumentTitle(program.data?.name ?? "Program");
  const archive = useMutation({
    mutationFn: (archived: boolean) => api.programs.setArchived(programId, archived),
    onSuccess: (updated) => {
      queryClient.setQueryData(["console", "program", programId], updated);
      void queryClient.invalidateQueries({ queryKey: ["console", "programs"] });
      toast.success(updated.archivedAt ? "Program archived" : "Program restored", updated.name);
    },
    onError: (error) => toast.error("Could not change the program", errorMessage(error)),
  });
  const evaluate = useMutation({
    mutationFn: () => api.tiers.evaluate(programId),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ["console", "tier-proposals"] });
      void queryClient.invalidateQueries({ queryKey: ["console", "program-members", programId] });
      toast.success(
        "Tiers evaluated",
        `${result.evaluated} partners checked, ${result.proposed} proposals, ${result.applied} applied, ${result.graceStarted} grace periods started.`,
      );
    },
    onError: (error) => toast.error("Evaluation failed", errorMessage(error)),
  });

  const back = (
    <Link
      to="/console/programs"
      className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:text-brand-900"
    >
      <ChevronLeftIcon aria-hidden="true" /> Programs
    </Link>
  );

  if (program.isError) {
    return (
      <>
        {back}
        <ErrorState error={program.error} onRetry={() => void program.refetch()} />
      </>
    );
  }
  if (!program.data) return <LoadingBlock label="Loading the program…" />;
  const data = program.data;
  const archived = Boolean(data.archivedAt);

  return (
    <>
      {back}
      <PageHeader
        className="mt-2"
        title={
          <span className="flex flex-wrap items-center gap-2">
            {data.name}
            {archived ? <Badge tone="warning">Archived</Badge> : null}
          </span>
        }
        description={
          data.description ??
          `${data.memberCount} partners · deal protection ${protectionLabel(data.protectionWindowDays).toLowerCase()}`
        }
        actions={
          canManage ? (
            <>
              {archived ? null : (
                <Button variant="secondary" loading={evaluate.isPending} onClick={() => evaluate.mutate()}>
                  Evaluate tiers now
                </Button>
              )}
              <Button
                variant={archived ? "primary" : "ghost"}
                loading={archive.isPending}
                onClick={() => archive.mutate(!archived)}
              >
                {archived ? "Restore program" : "Archive"}
              </Button>
            </>
          ) : null
        }
      />
      <div className="grid gap-6 xl:grid-cols-5">
        <div className="space-y-6 xl:col-span-3">
          <TiersCard programId={programId} canManage={canManage && !archived} />
          <TierSimulationCard programId={programId} />
          <ProgramMembersCard programId={programId} canManage={canManage && !archived} />
        </div>
        <div className="xl:col-span-2">
          <ProgramSettingsCard program={data} canManage={canManage} />
        </div>
      </div>
    </>
  );
}

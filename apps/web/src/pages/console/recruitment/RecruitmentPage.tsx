import type { ApplicationStatus, ApplicationSummary } from "@symbiont/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { buttonClasses } from "../../../components/ui/Button";
import { Card } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Select } from "../../../components/ui/Field";
import { UsersIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { Pagination } from "../../../components/ui/Pagination";
import { type Column, DataTable } from "../../../components/ui/Table";
import { canManagePrograms, ProgramSelect, usePrograms } from "../../../features/programPicker";
import { api } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/auth";
import { formatRelative } from "../../../lib/format";
import { useDocumentTitle } from "../../system";
import { ApplicationDialog } from "./ApplicationDialog";
import { FitBar } from "./FitBar";
import { applicationStatusLabels, statusBadge } from "./status";

const PAGE = 25;

/** The vetting queue: applications from the public pages, by fit or by date. */
export function RecruitmentPage() {
  useDocumentTitle("Recruitment");
  const user = useCurrentUser();
  const programs = usePrograms();
  const [programId, setProgramId] = useState("");
  const [status, setStatus] = useState<ApplicationStatus | "">("received");
  const [sort, setSort] = useState<"fit" | "received">("fit");
  const [offset, setOffset] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const params = { programId: programId || undefined, status: status || undefined, sort, limit: PAGE, offset };
  const queue = useQuery({
    queryKey: ["console", "applications", params],
    queryFn: ({ signal }) => api.recruitment.applications(params, signal),
    placeholderData: keepPreviousData,
  });
  const program = programs.data?.items.find((p) => p.id === programId);
  const columns: Column<ApplicationSummary>[] = [
    {
      key: "company",
      header: "Company",
      cell: (a) => (
        <button
          type="button"
          className="text-left font-medium text-brand-700 hover:underline focus-visible:underline"
          onClick={() => setOpenId(a.id)}
        >
          {a.companyName}
          <span className="block text-xs font-normal text-slate-500">{a.domain ?? a.applicantEmail}</span>
        </button>
      ),
    },
    { key: "fit", header: "Fit", cell: (a) => <FitBar score={a.fitScore} label={`Fit score of ${a.companyName}`} /> },
    { key: "program", header: "Program", hideOnMobile: true, cell: (a) => a.programName },
    {
      key: "applicant",
      header: "Applicant",
      hideBelowXl: true,
      cell: (a) => (
        <span>
          {a.applicantName}
          <span className="block text-xs text-slate-500">{a.applicantEmail}</span>
        </span>
      ),
    },
    { key: "vetter", header: "Vetter", hideOnMobile: true, cell: (a) => a.vetterName ?? "—" },
    { key: "status", header: "Status", cell: (a) => statusBadge(a.status) },
    { key: "received", header: "Received", hideOnMobile: true, cell: (a) => formatRelative(a.createdAt) },
  ];
  return (
    <>
      <PageHeader
        title="Recruitment"
        description="Applications from your public partner pages, scored against each program's Ideal Partner Profile. Nobody is approved automatically."
        actions={
          canManagePrograms(user) && program ? (
            <Link
              to="/console/recruitment/ipp/$programId"
              params={{ programId: program.id }}
              className={buttonClasses("secondary")}
            >
              Edit {program.name} profile
            </Link>
          ) : null
        }
      />
      <Card>
        <div className="grid gap-3 border-b border-slate-200 px-5 py-4 sm:grid-cols-3">
          <ProgramSelect
            value={programId}
            allLabel="All programs"
            onChange={(id) => {
              setProgramId(id);
              setOffset(0);
            }}
          />
          <Select
            label="Status"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as ApplicationStatus | "");
              setOffset(0);
            }}
          >
            <option value="">Any status</option>
            {Object.entries(applicationStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <Select label="Sort by" value={sort} onChange={(event) => setSort(event.target.value as "fit" | "received")}>
            <option value="fit">Best fit first</option>
            <option value="received">Newest first</option>
          </Select>
        </div>
        {queue.isError ? (
          <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <DataTable
            caption="Partner applications"
            columns={columns}
            rows={queue.data?.items}
            rowKey={(a) => a.id}
            loading={queue.isPending}
            empty={
              <EmptyState
                compact
                headingLevel={2}
                icon={<UsersIcon />}
                title="No applications here"
                description={
                  program
                    ? `Share the public page /apply/${user?.workspace.slug ?? "…"}/${program.slug} to receive applications.`
                    : "Applications from the public program pages appear here."
                }
              />
            }
          />
        )}
        {queue.data && queue.data.total > PAGE ? (
          <Pagination total={queue.data.total} limit={PAGE} offset={offset} onChange={setOffset} />
        ) : null}
      </Card>
      {canManagePrograms(user) && programs.data && programs.data.items.length > 0 ? (
        <p className="mt-4 text-sm text-slate-600">
          Ideal Partner Profiles:{" "}
          {programs.data.items.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? " · " : null}
              <Link
                to="/console/recruitment/ipp/$programId"
                params={{ programId: p.id }}
                className="text-brand-700 hover:underline"
              >
                {p.name}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      <ApplicationDialog id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

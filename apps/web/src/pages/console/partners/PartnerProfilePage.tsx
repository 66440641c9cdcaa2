import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { type KeyboardEvent, useRef, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody } from "../../../components/ui/Card";
import { ErrorState } from "../../../components/ui/ErrorState";
import { ChevronLeftIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { Skeleton } from "../../../components/ui/Spinner";
import { api } from "../../../lib/api";
import { can, useCurrentUser } from "../../../lib/auth";
import { cn } from "../../../lib/format";
import { useDocumentTitle } from "../../system";
import { PartnerFormDialog } from "./PartnerFormDialog";
import { StageBadge } from "./partnerUi";
import { partnerProfileTabs } from "./profileTabs";
import { StageDialog } from "./StageDialog";

export function PartnerProfilePage() {
  const { partnerId } = useParams({ strict: false }) as { partnerId: string };
  const user = useCurrentUser();
  const canWrite = can(user, "partners.create");
  const partner = useQuery({
    queryKey: ["console", "partner", partnerId],
    queryFn: ({ signal }) => api.partners.get(partnerId, signal),
  });
  useDocumentTitle(partner.data?.name ?? "Partner");
  const [tab, setTab] = useState(partnerProfileTabs[0]?.id ?? "overview");
  const [editing, setEditing] = useState(false);
  const [changingStage, setChangingStage] = useState(false);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = partnerProfileTabs.length - 1;
    const next =
      event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const id = partnerProfileTabs[next]?.id;
    if (id) {
      setTab(id);
      tabRefs.current[id]?.focus();
    }
  }

  const back = (
    <Link to="/console/partners" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
      <ChevronLeftIcon aria-hidden="true" /> All partners
    </Link>
  );

  if (partner.isPending)
    return (
      <div className="space-y-4">
        {back}
        <Skeleton className="h-8 w-1/3" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  if (partner.isError)
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-2xl font-semibold text-slate-900">Partner</h1>
        <Card>
          <ErrorState error={partner.error} onRetry={() => void partner.refetch()} />
        </Card>
      </div>
    );

  const record = partner.data;
  const active = partnerProfileTabs.find((t) => t.id === tab) ?? partnerProfileTabs[0];
  const Panel = active?.component;
  return (
    <>
      <div className="mb-2">{back}</div>
      <PageHeader
        title={record.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StageBadge stage={record.stage} />
            {record.legalName ? <span>{record.legalName}</span> : null}
            {record.domain ? <span className="text-slate-500">{record.domain}</span> : null}
          </span>
        }
        actions={
          canWrite ? (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setChangingStage(true)}>
                Change stage
              </Button>
              <Button onClick={() => setEditing(true)}>Edit profile</Button>
            </div>
          ) : null
        }
      />
      <div
        role="tablist"
        aria-label="Partner profile"
        className="-mx-4 mb-6 flex gap-1 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0"
      >
        {partnerProfileTabs.map((t, index) => (
          <button
            key={t.id}
            ref={(element) => {
              tabRefs.current[t.id] = element;
            }}
            type="button"
            role="tab"
            id={`partner-tab-${t.id}`}
            aria-selected={t.id === active?.id}
            aria-controls={`partner-panel-${t.id}`}
            tabIndex={t.id === active?.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(event) => onTabKey(event, index)}
            className={cn(
              "-mb-px shrink-0 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
              t.id === active?.id
                ? "border-brand-600 text-brand-800"
                : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      {active && Panel ? (
        <div role="tabpanel" id={`partner-panel-${active.id}`} aria-labelledby={`partner-tab-${active.id}`}>
          <Panel partner={record} />
        </div>
      ) : (
        <Card>
          <CardBody>Nothing to show.</CardBody>
        </Card>
      )}
      {canWrite ? (
        <>
          <PartnerFormDialog open={editing} onClose={() => setEditing(false)} partner={record} />
          <StageDialog open={changingStage} onClose={() => setChangingStage(false)} partner={record} />
        </>
      ) : null}
    </>
  );
}

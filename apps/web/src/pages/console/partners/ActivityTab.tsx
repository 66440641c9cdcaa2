import { type PartnerStage, type PartnerTimelineItem, partnerStageLabels } from "@symbiont/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { CompassIcon, ListIcon, SparkIcon } from "../../../components/ui/icons";
import { Skeleton } from "../../../components/ui/Spinner";
import { api } from "../../../lib/api";
import { formatDateTime } from "../../../lib/format";
import type { PartnerTabProps } from "./profileTabs";

const stageName = (stage: string | null) => (stage ? (partnerStageLabels[stage as PartnerStage] ?? stage) : "—");

function describe(item: PartnerTimelineItem): { icon: ReactNode; title: string; detail: string | null } {
  if (item.kind === "stage")
    return {
      icon: <CompassIcon />,
      title: item.fromStage
        ? `Stage: ${stageName(item.fromStage)} → ${stageName(item.toStage)}`
        : `Entered as ${stageName(item.toStage)}`,
      detail: item.reason,
    };
  const data = (item.data ?? {}) as Record<string, unknown>;
  if (item.kind === "event") {
    const fields = Array.isArray(data.fields) ? `Changed: ${data.fields.join(", ")}` : null;
    return { icon: <SparkIcon />, title: item.action.replace(/[._]/g, " "), detail: fields };
  }
  const after = (data.after ?? {}) as Record<string, unknown>;
  const keys = Object.keys(after);
  return {
    icon: <ListIcon />,
    title: item.action.replace(/[._]/g, " "),
    detail: keys.length > 0 && item.action.endsWith(".updated") ? `Changed: ${keys.join(", ")}` : null,
  };
}

export function ActivityTab({ partner }: PartnerTabProps) {
  const timeline = useInfiniteQuery({
    queryKey: ["console", "partner-timeline", partner.id],
    queryFn: ({ pageParam, signal }) =>
      api.partners.timeline(partner.id, { limit: 30, ...(pageParam ? { before: pageParam } : {}) }, signal),
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card>
      <CardHeader
        title="Activity"
        description="Stage changes, profile edits and events from every module, newest first."
      />
      {timeline.isPending ? (
        <CardBody className="space-y-3">
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-5 w-2/3" />
        </CardBody>
      ) : timeline.isError ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState compact headingLevel={3} icon={<ListIcon />} title="No activity yet" />
      ) : (
        <CardBody>
          <ol className="relative space-y-5 border-l border-slate-200 pl-6">
            {items.map((item) => {
              const { icon, title, detail } = describe(item);
              return (
                <li key={item.id} className="relative">
                  <span
                    aria-hidden="true"
                    className="absolute top-0.5 -left-[2.1rem] flex size-6 items-center justify-center rounded-full bg-white text-xs text-brand-700 ring-1 ring-slate-200"
                  >
                    {icon}
                  </span>
                  <p className="text-sm font-medium text-slate-900 first-letter:uppercase">{title}</p>
                  {detail ? <p className="text-sm text-slate-600">{detail}</p> : null}
                  <p className="text-xs text-slate-500">
                    <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt)}</time>
                    {item.actorLabel ? ` · ${item.actorLabel}` : ""}
                  </p>
                </li>
              );
            })}
          </ol>
          {timeline.hasNextPage ? (
            <div className="mt-6">
              <Button
                variant="secondary"
                loading={timeline.isFetchingNextPage}
                loadingText="Loading…"
                onClick={() => void timeline.fetchNextPage()}
              >
                Load older
              </Button>
            </div>
          ) : null}
        </CardBody>
      )}
    </Card>
  );
}

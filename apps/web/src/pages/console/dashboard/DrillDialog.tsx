import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Dialog } from "../../../components/ui/Dialog";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Pagination } from "../../../components/ui/Pagination";
import { keepPreviousPageOf } from "../../../lib/query";

/** Rows per page of every dashboard drill-down. */
export const DRILL_LIMIT = 25;

export interface PagedDrill<T> {
  query: UseQueryResult<T>;
  offset: number;
  setOffset: (offset: number) => void;
  /** Back to the first page (the dialog closing). */
  reset: () => void;
}

/**
 * One paged drill-down list. `list` names the list (what is drilled into and the filters); the
 * offset belongs to that list, so another list starts on its first page, and the previous page
 * stays on screen only while paging the same list (never another drill-down's rows under a new title).
 */
export function usePagedDrill<T>(
  list: readonly unknown[],
  enabled: boolean,
  fetch: (page: { limit: number; offset: number }, signal: AbortSignal) => Promise<T>,
): PagedDrill<T> {
  const listKey = JSON.stringify(list);
  const [state, setState] = useState({ listKey, offset: 0 });
  const offset = state.listKey === listKey ? state.offset : 0;
  const queryKey = [...list, offset];
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => fetch({ limit: DRILL_LIMIT, offset }, signal),
    enabled,
    placeholderData: keepPreviousPageOf(queryKey),
  });
  return {
    query,
    offset,
    setOffset: (next) => setState({ listKey, offset: next }),
    reset: () => setState({ listKey, offset: 0 }),
  };
}

/** A list's pages, as the dialogs show them under their table. */
export function DrillPagination({ drill, total, label }: { drill: PagedDrill<unknown>; total: number; label: string }) {
  return (
    <Pagination offset={drill.offset} limit={DRILL_LIMIT} total={total} onChange={drill.setOffset} label={label} />
  );
}

/**
 * The dialog of every dashboard drill-down: the title, a description (the count, or that it is
 * loading), the model and period behind the figure, the records and their pages; an error with a
 * retry instead of the records. Closing goes back to the first page.
 */
export function DrillDialog({
  open,
  title,
  description,
  model,
  period,
  lists,
  pages,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  /** The count and what the amounts are; undefined while the first page loads. */
  description: string | undefined;
  model?: ReactNode;
  period?: { from: string; to: string } | undefined;
  /** Every list the dialog shows (their errors replace the records; closing resets their pages). */
  lists: readonly PagedDrill<unknown>[];
  /** The pages of the dialog's one list, after the records; a dialog with several lists pages each itself. */
  pages?: { drill: PagedDrill<unknown>; total: number; label: string };
  onClose: () => void;
  children: ReactNode;
}) {
  const failed = lists.find((list) => list.query.isError);
  return (
    <Dialog
      open={open}
      onClose={() => {
        for (const list of lists) list.reset();
        onClose();
      }}
      size="lg"
      title={title}
      description={description ?? "Loading the records behind this figure…"}
    >
      {failed ? (
        <ErrorState error={failed.query.error} onRetry={() => failed.query.refetch()} compact />
      ) : (
        <div data-testid="drill-records">
          {model || period ? (
            <p className="mb-3 text-xs text-slate-600" data-testid="drill-model">
              {model ? (
                <>
                  <span className="font-medium">Model:</span> {model}
                </>
              ) : null}
              {period ? `${model ? " · " : ""}Period: ${period.from} to ${period.to}` : null}
            </p>
          ) : null}
          {children}
          {pages ? <DrillPagination drill={pages.drill} total={pages.total} label={pages.label} /> : null}
        </div>
      )}
    </Dialog>
  );
}

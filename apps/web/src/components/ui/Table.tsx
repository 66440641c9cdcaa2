import { Fragment, type ReactNode } from "react";
import { cn } from "../../lib/format";
import { Skeleton } from "./Spinner";

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  className?: string;
  /** Hide on narrow screens (below `md`). */
  hideOnMobile?: boolean;
  /** Hide below `xl` (secondary detail). */
  hideBelowXl?: boolean;
  align?: "left" | "right";
  /** Sortable columns announce their current order (`aria-sort` on the header cell). */
  sort?: "ascending" | "descending" | "none";
}

/**
 * Data table with a caption for assistive tech, loading skeleton rows and an empty state.
 * `expanded` lets a row show an extra full-width panel under it.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  loading = false,
  empty,
  expanded,
  className,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  loading?: boolean;
  empty?: ReactNode;
  expanded?: (row: T) => ReactNode | null;
  className?: string;
}) {
  const showSkeleton = loading && (!rows || rows.length === 0);
  return (
    <div className={cn("relative overflow-x-auto", className)}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50/80">
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={column.sort}
                className={cn(
                  "px-4 py-2.5 text-xs font-semibold tracking-wide text-slate-500 uppercase first:pl-5 last:pr-5",
                  column.hideOnMobile && "hidden md:table-cell",
                  column.hideBelowXl && "hidden xl:table-cell",
                  column.align === "right" && "text-right",
                  column.className,
                )}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {showSkeleton
            ? [0, 1, 2, 3].map((index) => (
                <tr key={`skeleton-${index}`}>
                  {columns.map((column) => (
                    <td
                      key={column.key}
                      className={cn(
                        "px-4 py-3.5 first:pl-5 last:pr-5",
                        column.hideOnMobile && "hidden md:table-cell",
                        column.hideBelowXl && "hidden xl:table-cell",
                      )}
                    >
                      <Skeleton className="h-4 w-3/4" />
                    </td>
                  ))}
                </tr>
              ))
            : null}
          {!showSkeleton && rows && rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>
                {empty ?? <p className="px-5 py-10 text-center text-slate-500">Nothing here yet.</p>}
              </td>
            </tr>
          ) : null}
          {!showSkeleton
            ? rows?.map((row) => {
                const extra = expanded?.(row) ?? null;
                return (
                  <Fragment key={rowKey(row)}>
                    <tr
                      className={cn(
                        "align-middle transition-colors hover:bg-slate-50/70",
                        extra ? "bg-slate-50/70" : undefined,
                      )}
                    >
                      {columns.map((column) => (
                        <td
                          key={column.key}
                          className={cn(
                            "px-4 py-3 text-slate-700 first:pl-5 last:pr-5",
                            column.hideOnMobile && "hidden md:table-cell",
                            column.hideBelowXl && "hidden xl:table-cell",
                            column.align === "right" && "text-right",
                            column.className,
                          )}
                        >
                          {column.cell(row)}
                        </td>
                      ))}
                    </tr>
                    {extra ? (
                      <tr className="bg-slate-50/70">
                        <td colSpan={columns.length} className="px-5 pt-0 pb-4">
                          {extra}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })
            : null}
        </tbody>
      </table>
    </div>
  );
}

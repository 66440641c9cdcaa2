import { Button } from "./Button";
import { ChevronLeftIcon, ChevronRightIcon } from "./icons";

export function Pagination({
  offset,
  limit,
  total,
  onChange,
  label = "Pagination",
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
  label?: string;
}) {
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  const hasPrev = offset > 0;
  const hasNext = offset + limit < total;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 border-t border-slate-200 px-5 py-3">
      <p className="text-sm text-slate-500">
        Showing <span className="font-medium text-slate-700">{from}</span>–
        <span className="font-medium text-slate-700">{to}</span> of{" "}
        <span className="font-medium text-slate-700">{total}</span>
      </p>
      {hasPrev || hasNext ? (
        <div className="flex gap-2">
          <Button
            variant="secondary"
            size="sm"
            disabled={!hasPrev}
            onClick={() => onChange(Math.max(0, offset - limit))}
            icon={<ChevronLeftIcon />}
          >
            Previous
          </Button>
          <Button variant="secondary" size="sm" disabled={!hasNext} onClick={() => onChange(offset + limit)}>
            Next
            <ChevronRightIcon />
          </Button>
        </div>
      ) : null}
    </nav>
  );
}

import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { buttonClasses } from "../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../components/ui/Card";
import { LeadsIcon } from "../../components/ui/icons";
import { Skeleton } from "../../components/ui/Spinner";
import { leadEndpoints } from "../../lib/endpoints/leads";

/** Portal home: leads waiting for an answer and leads in the pool. */
export function LeadsCard() {
  const waiting = useQuery({
    queryKey: ["portal", "leads", "home-offered"],
    queryFn: ({ signal }) => leadEndpoints.list("portal", { box: "inbox", status: "offered", limit: 1 }, signal),
  });
  const pool = useQuery({
    queryKey: ["portal", "leads", "home-pool"],
    queryFn: ({ signal }) => leadEndpoints.list("portal", { status: "pooled", limit: 1 }, signal),
  });
  const n = waiting.data?.total ?? 0;
  const p = pool.data?.total ?? 0;
  return (
    <Card className="flex flex-col">
      <CardHeader title="New leads" headingLevel={2} />
      <CardBody className="flex flex-1 flex-col gap-3">
        {waiting.isPending || pool.isPending ? (
          <Skeleton className="h-10 w-2/3" />
        ) : (
          <div className="flex items-start gap-3">
            <span aria-hidden="true" className="mt-0.5 text-2xl text-brand-600">
              <LeadsIcon />
            </span>
            <div>
              <p className="text-lg font-semibold text-slate-900" data-testid="new-leads-count">
                {n === 0 ? "No leads waiting" : `${n} lead${n === 1 ? "" : "s"} waiting for your answer`}
              </p>
              <p className="text-sm text-slate-500">
                {p === 0 ? "The pool is empty right now." : `${p} open lead${p === 1 ? "" : "s"} in the pool to claim.`}
              </p>
            </div>
          </div>
        )}
        <Link to="/portal/leads" className={`${buttonClasses("secondary")} mt-auto self-start`}>
          Open leads
        </Link>
      </CardBody>
    </Card>
  );
}

import { Link } from "@tanstack/react-router";
import { buttonClasses } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { DealsIcon } from "../../../components/ui/icons";
import { Skeleton } from "../../../components/ui/Spinner";
import { ProtectionCountdown, StatusBadge } from "./dealUi";
import { ExpiringAlert, useOwnRegistrations } from "./PortalDealsPage";

const OPEN = new Set(["submitted", "under_review", "approved"]);

/** The portal home's deals card: open registrations, their countdowns and the expiring-soon alert. */
export function OpenDealsCard() {
  const list = useOwnRegistrations();
  const open = list.data?.items.filter((r) => OPEN.has(r.status)) ?? [];
  return (
    <Card className="flex flex-col">
      <CardHeader
        title="Open deals"
        headingLevel={2}
        actions={
          <Link to="/portal/deals/new" className={buttonClasses("secondary", "sm")}>
            Register a deal
          </Link>
        }
      />
      {list.isPending ? (
        <CardBody>
          <Skeleton className="h-16" />
        </CardBody>
      ) : open.length === 0 ? (
        <EmptyState
          compact
          headingLevel={3}
          icon={<DealsIcon />}
          title="No open deals"
          description="Deals you register appear here with their approval status."
          className="flex-1"
        />
      ) : (
        <CardBody className="space-y-3">
          <ExpiringAlert count={list.data?.expiringThisWeek ?? 0} />
          <ul className="space-y-2 text-sm">
            {open.slice(0, 5).map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2">
                <Link
                  to="/portal/deals/$id"
                  params={{ id: r.id }}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {r.companyName}
                </Link>
                {r.status === "approved" ? (
                  <ProtectionCountdown expiresAt={r.protectionExpiresAt} />
                ) : (
                  <StatusBadge status={r.status} />
                )}
              </li>
            ))}
          </ul>
        </CardBody>
      )}
    </Card>
  );
}

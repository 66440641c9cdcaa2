import type { UserRecord } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Badge } from "../../../components/ui/Badge";
import { buttonClasses } from "../../../components/ui/Button";
import { Card, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { UsersIcon } from "../../../components/ui/icons";
import { type Column, DataTable } from "../../../components/ui/Table";
import { api } from "../../../lib/api";
import { can, useCurrentUser } from "../../../lib/auth";
import { formatRelative } from "../../../lib/format";
import type { PartnerTabProps } from "./profileTabs";

export function PeopleTab({ partner }: PartnerTabProps) {
  const user = useCurrentUser();
  const canInvite = can(user, "invitations.manage");
  const people = useQuery({
    queryKey: ["console", "partner-people", partner.id],
    queryFn: ({ signal }) => api.partners.people(partner.id, signal),
  });
  const invite = canInvite ? (
    <Link className={buttonClasses("secondary", "sm")} to="/console/settings/invitations">
      Invite someone
    </Link>
  ) : null;
  const columns: Column<UserRecord>[] = [
    {
      key: "name",
      header: "Name",
      cell: (person) => (
        <div>
          <p className="font-medium text-slate-900">{person.name}</p>
          <p className="text-xs text-slate-500">{person.email}</p>
        </div>
      ),
    },
    {
      key: "role",
      header: "Role",
      cell: (person) => (
        <Badge tone={person.role === "partner_admin" ? "brand" : "neutral"}>
          {person.role === "partner_admin" ? "Partner admin" : "Partner user"}
        </Badge>
      ),
    },
    {
      key: "status",
      header: "Status",
      hideOnMobile: true,
      cell: (person) =>
        person.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>,
    },
    {
      key: "login",
      header: "Last sign-in",
      hideOnMobile: true,
      cell: (person) => formatRelative(person.lastLoginAt),
    },
  ];
  return (
    <Card>
      <CardHeader
        title="People"
        description={`Portal users at ${partner.name}. Partner admins invite their own colleagues.`}
        actions={invite}
      />
      {people.isError ? (
        <ErrorState error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <DataTable
          caption={`People at ${partner.name}`}
          columns={columns}
          rows={people.data?.items}
          rowKey={(person) => person.id}
          loading={people.isPending}
          empty={
            <EmptyState
              compact
              headingLevel={3}
              icon={<UsersIcon />}
              title="Nobody from this partner has joined yet"
              description="Invite a partner admin; they can then invite their colleagues."
              action={invite}
            />
          }
        />
      )}
    </Card>
  );
}

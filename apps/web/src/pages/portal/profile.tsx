import { partnerRoles } from "@symbiont/contracts";
import { useQuery } from "@tanstack/react-query";
import { Outlet } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { SubNav, type SubNavItem } from "../../components/layout/SubNav";
import { Card, CardBody, CardHeader } from "../../components/ui/Card";
import { ErrorState, ForbiddenState } from "../../components/ui/ErrorState";
import { KeyIcon, MailIcon, PartnersIcon, ShieldIcon } from "../../components/ui/icons";
import { PageHeader } from "../../components/ui/PageHeader";
import { Skeleton } from "../../components/ui/Spinner";
import { ApiKeysPanel } from "../../features/apiKeys";
import { InvitationsPanel } from "../../features/invitations";
import { SecurityPanel } from "../../features/security";
import { UsersPanel } from "../../features/users";
import { api } from "../../lib/api";
import { can, useCurrentUser } from "../../lib/auth";
import { formatDate, initials } from "../../lib/format";
import { useDocumentTitle } from "../system";

const organizationItem: SubNavItem = {
  to: "/portal/profile",
  label: "Organization",
  icon: <PartnersIcon />,
  exact: true,
};
const adminItems: SubNavItem[] = [
  { to: "/portal/profile/invitations", label: "Invitations", icon: <MailIcon /> },
  { to: "/portal/profile/api-keys", label: "API keys", icon: <KeyIcon /> },
];
const securityItem: SubNavItem = { to: "/portal/profile/security", label: "Security", icon: <ShieldIcon /> };

export function ProfileLayout() {
  const user = useCurrentUser();
  useDocumentTitle("Profile");
  const admin = can(user, "portal.admin");
  const items = admin ? [organizationItem, ...adminItems, securityItem] : [organizationItem, securityItem];
  return (
    <>
      <PageHeader title="Profile" description="Your organization, your colleagues and your account security." />
      <SubNav label="Profile" items={items} />
      <Outlet />
    </>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export function OrganizationSection() {
  const user = useCurrentUser();
  const partner = useQuery({ queryKey: ["portal", "partner"], queryFn: ({ signal }) => api.partners.own(signal) });
  const admin = can(user, "portal.admin");

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Organization"
          description={`Your organization's record with ${user?.workspace.name ?? "your vendor"}.`}
        />
        {partner.isPending ? (
          <CardBody className="space-y-3">
            <Skeleton className="h-6 w-1/3" />
            <Skeleton className="h-4 w-1/2" />
          </CardBody>
        ) : partner.isError ? (
          <ErrorState compact error={partner.error} onRetry={() => void partner.refetch()} />
        ) : (
          <CardBody>
            <div className="flex items-center gap-4">
              <span
                aria-hidden="true"
                className="flex size-12 shrink-0 items-center justify-center rounded-xl bg-brand-50 text-base font-semibold text-brand-800 ring-1 ring-brand-600/10"
              >
                {initials(partner.data.name)}
              </span>
              <div>
                <p className="text-lg font-semibold text-slate-900">{partner.data.name}</p>
                <p className="text-sm text-slate-500">Partner of {user?.workspace.name}</p>
              </div>
            </div>
            <dl className="mt-5 grid gap-4 sm:grid-cols-3">
              <Detail label="Website">
                {partner.data.website ? (
                  <a
                    href={partner.data.website}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="text-brand-700 hover:underline"
                  >
                    {partner.data.website}
                    <span className="sr-only"> (opens in a new tab)</span>
                  </a>
                ) : (
                  "Not set"
                )}
              </Detail>
              <Detail label="Partner since">{formatDate(partner.data.createdAt)}</Detail>
              <Detail label="Your role">{user?.role === "partner_admin" ? "Partner admin" : "Partner user"}</Detail>
            </dl>
          </CardBody>
        )}
      </Card>
      <UsersPanel
        surface="portal"
        title="Colleagues"
        description={
          admin ? "People from your organization who use Symbiont." : "People from your organization on Symbiont."
        }
        canManage={admin}
        currentUserId={user?.id ?? ""}
        roleOptions={partnerRoles}
      />
    </div>
  );
}

function PartnerAdminOnly({ what, children }: { what: string; children: ReactNode }) {
  const user = useCurrentUser();
  if (!can(user, "portal.admin")) {
    return (
      <Card>
        <ForbiddenState what={what} />
      </Card>
    );
  }
  return <>{children}</>;
}

export function PortalInvitationsSection() {
  return (
    <PartnerAdminOnly what="invite colleagues">
      <InvitationsPanel surface="portal" />
    </PartnerAdminOnly>
  );
}

export function PortalApiKeysSection() {
  return (
    <PartnerAdminOnly what="manage API keys">
      <ApiKeysPanel surface="portal" roleOptions={partnerRoles} />
    </PartnerAdminOnly>
  );
}

export function PortalSecuritySection() {
  return (
    <section aria-labelledby="security-heading" className="space-y-4">
      <h2 id="security-heading" className="text-lg font-semibold text-slate-900">
        Security
      </h2>
      <SecurityPanel />
    </section>
  );
}

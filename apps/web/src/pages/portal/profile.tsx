import { partnerRoles } from "@symbiont/contracts";
import { Outlet } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { SubNav, type SubNavItem } from "../../components/layout/SubNav";
import { Card } from "../../components/ui/Card";
import { ForbiddenState } from "../../components/ui/ErrorState";
import { KeyIcon, MailIcon, PartnersIcon, ShieldIcon } from "../../components/ui/icons";
import { PageHeader } from "../../components/ui/PageHeader";
import { ApiKeysPanel } from "../../features/apiKeys";
import { InvitationsPanel } from "../../features/invitations";
import { SecurityPanel } from "../../features/security";
import { UsersPanel } from "../../features/users";
import { can, useCurrentUser } from "../../lib/auth";
import { useDocumentTitle } from "../system";
import { OrganizationCard } from "./OrganizationCard";

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

export function OrganizationSection() {
  const user = useCurrentUser();
  const admin = can(user, "portal.admin");

  return (
    <div className="space-y-6">
      <OrganizationCard />
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

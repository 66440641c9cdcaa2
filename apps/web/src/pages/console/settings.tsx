import { vendorRoles } from "@symbiont/contracts";
import { Outlet } from "@tanstack/react-router";
import { SubNav, type SubNavItem } from "../../components/layout/SubNav";
import { Card } from "../../components/ui/Card";
import { ForbiddenState } from "../../components/ui/ErrorState";
import { KeyIcon, ListIcon, MailIcon, PartnersIcon, ShieldIcon, UsersIcon } from "../../components/ui/icons";
import { PageHeader } from "../../components/ui/PageHeader";
import { ApiKeysPanel } from "../../features/apiKeys";
import { AuditLogPanel } from "../../features/audit";
import { InvitationsPanel } from "../../features/invitations";
import { SecurityPanel } from "../../features/security";
import { UsersPanel } from "../../features/users";
import { can, useCurrentUser } from "../../lib/auth";
import { useDocumentTitle } from "../system";

const adminItems: SubNavItem[] = [
  { to: "/console/settings/users", label: "Users", icon: <UsersIcon /> },
  { to: "/console/settings/invitations", label: "Invitations", icon: <MailIcon /> },
  { to: "/console/settings/api-keys", label: "API keys", icon: <KeyIcon /> },
  { to: "/console/settings/audit-log", label: "Audit log", icon: <ListIcon /> },
  { to: "/console/settings/custom-fields", label: "Partner fields", icon: <PartnersIcon /> },
];
const securityItem: SubNavItem = { to: "/console/settings/security", label: "Security", icon: <ShieldIcon /> };

export function SettingsLayout() {
  const user = useCurrentUser();
  useDocumentTitle("Settings");
  const admin = can(user, "users.manage");
  const items = admin ? [...adminItems, securityItem] : [securityItem];
  return (
    <>
      <PageHeader
        title="Settings"
        description={
          admin
            ? `Manage who can use ${user?.workspace.name ?? "this workspace"} and how.`
            : "Your password and sessions."
        }
      />
      <SubNav label="Settings" items={items} />
      <Outlet />
    </>
  );
}

function AdminOnly({ what, children }: { what: string; children: React.ReactNode }) {
  const user = useCurrentUser();
  if (!can(user, "users.manage")) {
    return (
      <Card>
        <ForbiddenState what={what} />
      </Card>
    );
  }
  return <>{children}</>;
}

export function ConsoleUsersSection() {
  const user = useCurrentUser();
  return (
    <AdminOnly what="manage users">
      <UsersPanel
        surface="console"
        title="Users"
        description="Vendor staff who can sign in to this workspace. Partner admins manage their own colleagues in the portal."
        canManage
        currentUserId={user?.id ?? ""}
        roleOptions={vendorRoles}
      />
    </AdminOnly>
  );
}

export function ConsoleInvitationsSection() {
  return (
    <AdminOnly what="manage invitations">
      <InvitationsPanel surface="console" />
    </AdminOnly>
  );
}

export function ConsoleApiKeysSection() {
  return (
    <AdminOnly what="manage API keys">
      <ApiKeysPanel surface="console" roleOptions={vendorRoles} />
    </AdminOnly>
  );
}

export function AuditLogSection() {
  return (
    <AdminOnly what="read the audit log">
      <AuditLogPanel />
    </AdminOnly>
  );
}

export function ConsoleSecuritySection() {
  return (
    <section aria-labelledby="security-heading" className="space-y-4">
      <h2 id="security-heading" className="text-lg font-semibold text-slate-900">
        Security
      </h2>
      <SecurityPanel />
    </section>
  );
}

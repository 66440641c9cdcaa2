import { type AccountStatus, accountStatusLabels, type CurrentUser } from "@symbiont/contracts";
import { Badge } from "../../../components/ui/Badge";

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const tone = status === "customer" ? "success" : status === "churned" ? "danger" : "neutral";
  return <Badge tone={tone}>{accountStatusLabels[status]}</Badge>;
}

/** Admins and partner managers change the account book; every staff role reads it. */
export const canEditAccounts = (user: Pick<CurrentUser, "role"> | null) =>
  user?.role === "admin" || user?.role === "partner_manager";

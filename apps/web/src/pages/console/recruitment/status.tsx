import type { ApplicationStatus } from "@symbiont/contracts";
import { Badge } from "../../../components/ui/Badge";

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  received: "Received",
  in_vetting: "In vetting",
  approved: "Approved",
  rejected: "Rejected",
};

export function statusBadge(status: ApplicationStatus) {
  const tone =
    status === "approved" ? "success" : status === "rejected" ? "danger" : status === "in_vetting" ? "info" : "brand";
  return <Badge tone={tone}>{applicationStatusLabels[status]}</Badge>;
}

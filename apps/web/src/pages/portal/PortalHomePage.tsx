import { Link } from "@tanstack/react-router";
import { buttonClasses } from "../../components/ui/Button";
import { PageHeader } from "../../components/ui/PageHeader";
import { useCurrentUser } from "../../lib/auth";
import { useDocumentTitle } from "../system";
import { OpenDealsCard } from "./deals/OpenDealsCard";
import { LeadsCard } from "./LeadsCard";
import { OnboardingCard } from "./OnboardingCard";
import { TierCard } from "./TierCard";

export function PortalHomePage() {
  const user = useCurrentUser();
  useDocumentTitle("Home");
  const firstName = user?.name.split(/\s+/)[0] ?? "";
  const org = user?.partner?.name ?? "your organization";
  return (
    <>
      <PageHeader
        eyebrow={firstName ? `Hi ${firstName}` : undefined}
        title={`Welcome, ${org}`}
        description={`Your partnership with ${user?.workspace.name ?? "your vendor"} lives here: deals, funds, learning and earnings, all in one place.`}
        actions={
          <Link to="/portal/profile" className={buttonClasses("secondary")}>
            View profile
          </Link>
        }
      />
      <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
        <TierCard />
        <OpenDealsCard />
        <OnboardingCard />
        <LeadsCard />
      </div>
    </>
  );
}

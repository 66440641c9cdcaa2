import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { buttonClasses } from "../../components/ui/Button";
import { Card, CardHeader } from "../../components/ui/Card";
import { EmptyState } from "../../components/ui/EmptyState";
import { DealsIcon } from "../../components/ui/icons";
import { PageHeader } from "../../components/ui/PageHeader";
import { useCurrentUser } from "../../lib/auth";
import { useDocumentTitle } from "../system";
import { LeadsCard } from "./LeadsCard";
import { OnboardingCard } from "./OnboardingCard";
import { TierCard } from "./TierCard";

function PlaceholderCard({
  title,
  icon,
  headline,
  description,
}: {
  title: string;
  icon: ReactNode;
  headline: string;
  description: string;
}) {
  return (
    <Card className="flex flex-col">
      <CardHeader title={title} headingLevel={2} />
      <EmptyState compact headingLevel={3} icon={icon} title={headline} description={description} className="flex-1" />
    </Card>
  );
}

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
        <PlaceholderCard
          title="Open deals"
          icon={<DealsIcon />}
          headline="No open deals"
          description="Deals you register will appear here with their approval status."
        />
        <OnboardingCard />
        <LeadsCard />
      </div>
    </>
  );
}

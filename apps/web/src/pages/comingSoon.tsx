import type { ReactNode } from "react";
import { Badge } from "../components/ui/Badge";
import { Card } from "../components/ui/Card";
import { EmptyState } from "../components/ui/EmptyState";
import { BookIcon, ChartIcon, CoinsIcon, DealsIcon, GridIcon, LeadsIcon, WalletIcon } from "../components/ui/icons";
import { PageHeader } from "../components/ui/PageHeader";
import { useDocumentTitle } from "./system";

/** A polished placeholder for an area that is on the roadmap but not built yet. */
function ComingSoon({
  title,
  summary,
  icon,
  headline,
  points,
}: {
  title: string;
  summary: string;
  icon: ReactNode;
  headline: string;
  points: string[];
}) {
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title} description={summary} actions={<Badge tone="brand">Coming soon</Badge>} />
      <Card>
        <EmptyState
          icon={icon}
          title={headline}
          description="This area is on the roadmap. Here's what it will include when it ships:"
          action={
            <ul className="grid max-w-xl gap-2 text-left text-sm text-slate-600 sm:grid-cols-2">
              {points.map((point) => (
                <li key={point} className="flex gap-2 rounded-lg bg-slate-50 px-3 py-2">
                  <span aria-hidden="true" className="mt-1.5 size-1.5 shrink-0 rounded-full bg-brand-500" />
                  {point}
                </li>
              ))}
            </ul>
          }
        />
      </Card>
    </>
  );
}

export function ConsoleDashboardPage() {
  return (
    <ComingSoon
      title="Dashboard"
      icon={<GridIcon />}
      headline="Your partner program at a glance"
      summary="The dashboard will show partner-sourced and partner-influenced revenue, pipeline and program health in one view."
      points={[
        "Sourced vs. influenced revenue",
        "Pipeline by partner and tier",
        "Partner activation trends",
        "Alerts on stalled deals",
      ]}
    />
  );
}

export function ConsoleDealsPage() {
  return (
    <ComingSoon
      title="Deals"
      icon={<DealsIcon />}
      headline="Deal registration, reviewed in one queue"
      summary="Deals will let partners register opportunities and your team approve, de-duplicate and track them to close."
      points={[
        "Registration approval queue",
        "Conflict and duplicate detection",
        "Stage tracking synced with your CRM",
        "Protection windows per partner",
      ]}
    />
  );
}

export function ConsoleAttributionPage() {
  return (
    <ComingSoon
      title="Attribution"
      icon={<ChartIcon />}
      headline="Prove what every partner is worth"
      summary="Attribution will credit revenue to the partners who sourced or influenced it, using models you can explain to finance."
      points={[
        "First-touch, last-touch and weighted models",
        "Influence across the whole deal cycle",
        "Exportable reports for finance",
        "Partner ROI over time",
      ]}
    />
  );
}

export function ConsoleEnablementPage() {
  return (
    <ComingSoon
      title="Enablement"
      icon={<BookIcon />}
      headline="Train and certify partners"
      summary="Enablement will deliver courses, sales content and certifications to partners and show who has completed what."
      points={[
        "Courses and learning paths",
        "Certifications with expiry",
        "Sales and marketing asset library",
        "Completion tracking per partner",
      ]}
    />
  );
}

export function ConsoleMdfPage() {
  return (
    <ComingSoon
      title="MDF"
      icon={<CoinsIcon />}
      headline="Market development funds, with receipts"
      summary="MDF will handle fund requests, approvals and claims so every marketing dollar given to partners is accounted for."
      points={[
        "Budgets per partner and quarter",
        "Request and approval workflow",
        "Claims with proof of performance",
        "Spend vs. pipeline reporting",
      ]}
    />
  );
}

export function PortalDealsPage() {
  return (
    <ComingSoon
      title="Deals"
      icon={<DealsIcon />}
      headline="Register deals and get credit"
      summary="Deals will let you register opportunities, see approval status and protect your work through to close."
      points={[
        "Quick deal registration",
        "Approval status at a glance",
        "Protection window reminders",
        "Closed-won history",
      ]}
    />
  );
}

export function PortalLeadsPage() {
  return (
    <ComingSoon
      title="Leads"
      icon={<LeadsIcon />}
      headline="Leads shared with you"
      summary="Leads will show the prospects your vendor passes to you, so you can accept, work and report back on them."
      points={[
        "Accept or decline shared leads",
        "Follow-up status updates",
        "Conversion into registered deals",
        "Response-time insights",
      ]}
    />
  );
}

export function PortalLearningPage() {
  return (
    <ComingSoon
      title="Learning"
      icon={<BookIcon />}
      headline="Courses and certifications"
      summary="Learning will host the courses and certifications your vendor offers, with progress tracked for your whole team."
      points={[
        "Self-paced courses",
        "Certifications for your team",
        "Sales playbooks and assets",
        "Progress for every colleague",
      ]}
    />
  );
}

export function PortalFundsPage() {
  return (
    <ComingSoon
      title="Funds"
      icon={<CoinsIcon />}
      headline="Request marketing funds"
      summary="Funds will let you request market development funds, track approvals and submit claims with proof of performance."
      points={["Available budget at a glance", "Fund requests and approvals", "Claims with receipts", "Payout status"]}
    />
  );
}

export function PortalEarningsPage() {
  return (
    <ComingSoon
      title="Earnings"
      icon={<WalletIcon />}
      headline="Commissions and rebates"
      summary="Earnings will show the commissions and rebates you've earned on closed deals and when they will be paid."
      points={[
        "Earned and pending commissions",
        "Rebate tiers and progress",
        "Payout history",
        "Statements to download",
      ]}
    />
  );
}

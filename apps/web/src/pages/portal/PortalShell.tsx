import { AppShell, type NavItem } from "../../components/layout/AppShell";
import {
  BookIcon,
  ChartIcon,
  CoinsIcon,
  DealsIcon,
  HomeIcon,
  LeadsIcon,
  ListIcon,
  SparkIcon,
  UserIcon,
  WalletIcon,
} from "../../components/ui/icons";
import { useCurrentUser } from "../../lib/auth";

const nav: NavItem[] = [
  { to: "/portal", label: "Home", icon: <HomeIcon />, exact: true },
  { to: "/portal/tier", label: "Tier & benefits", icon: <SparkIcon /> },
  { to: "/portal/scorecard", label: "My scorecard", icon: <ChartIcon /> },
  { to: "/portal/agreements", label: "Agreements", icon: <ListIcon /> },
  { to: "/portal/deals", label: "Deals", icon: <DealsIcon /> },
  { to: "/portal/leads", label: "Leads", icon: <LeadsIcon /> },
  { to: "/portal/learning", label: "Learning", icon: <BookIcon />, soon: true },
  { to: "/portal/funds", label: "Funds", icon: <CoinsIcon />, soon: true },
  { to: "/portal/earnings", label: "Earnings", icon: <WalletIcon />, soon: true },
  { to: "/portal/profile", label: "Profile", icon: <UserIcon /> },
];

export function PortalShell() {
  const user = useCurrentUser();
  return (
    <AppShell
      testId="portal-shell"
      surfaceLabel="Partner portal"
      nav={nav}
      securityTo="/portal/profile/security"
      orgLine={user?.partner ? `${user.partner.name} · Partner portal` : "Partner portal"}
    />
  );
}

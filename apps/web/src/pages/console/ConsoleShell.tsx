import { AppShell, type NavItem } from "../../components/layout/AppShell";
import {
  BookIcon,
  ChartIcon,
  CoinsIcon,
  DealsIcon,
  GridIcon,
  LeadsIcon,
  ListIcon,
  PartnersIcon,
  SettingsIcon,
  SparkIcon,
  TasksIcon,
  UsersIcon,
} from "../../components/ui/icons";

const nav: NavItem[] = [
  { to: "/console", label: "Dashboard", icon: <GridIcon />, exact: true },
  { to: "/console/partners", label: "Partners", icon: <PartnersIcon /> },
  { to: "/console/accounts", label: "Accounts", icon: <GridIcon /> },
  { to: "/console/recruitment", label: "Recruitment", icon: <UsersIcon /> },
  { to: "/console/programs", label: "Programs", icon: <SparkIcon /> },
  { to: "/console/onboarding", label: "Onboarding", icon: <TasksIcon /> },
  { to: "/console/agreements", label: "Agreements", icon: <ListIcon /> },
  { to: "/console/leads", label: "Leads", icon: <LeadsIcon /> },
  { to: "/console/deals", label: "Deals", icon: <DealsIcon /> },
  { to: "/console/opportunities", label: "Opportunities", icon: <CoinsIcon /> },
  { to: "/console/attribution", label: "Attribution", icon: <ChartIcon /> },
  { to: "/console/enablement", label: "Enablement", icon: <BookIcon />, soon: true },
  { to: "/console/mdf", label: "MDF", icon: <CoinsIcon />, soon: true },
  { to: "/console/settings", label: "Settings", icon: <SettingsIcon /> },
];

export function ConsoleShell() {
  return <AppShell testId="console-shell" surfaceLabel="Console" nav={nav} securityTo="/console/settings/security" />;
}

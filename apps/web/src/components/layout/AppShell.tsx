import { roleLabels } from "@symbiont/contracts";
import { Link, type LinkProps, Outlet, useLocation } from "@tanstack/react-router";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useSession } from "../../lib/auth";
import { cn } from "../../lib/format";
import { clearNotice, useNotice } from "../../lib/notice";
import { ShellContext } from "../../lib/shell";
import { Alert } from "../ui/Alert";
import { CloseIcon, MenuIcon } from "../ui/icons";
import { LogoMark } from "../ui/Logo";
import { LoadingBlock } from "../ui/Spinner";
import { UserMenu } from "./UserMenu";

export interface NavItem {
  to: LinkProps["to"];
  label: string;
  icon: ReactNode;
  /** Only active on an exact match (surface home). */
  exact?: boolean;
  soon?: boolean;
}

/**
 * The signed-in frame shared by the vendor console and the partner portal: skip link,
 * sidebar (a collapsible top menu on narrow screens), header with the user menu, main landmark.
 */
export function AppShell({
  testId,
  surfaceLabel,
  nav,
  securityTo,
  orgLine,
}: {
  testId: "console-shell" | "portal-shell";
  surfaceLabel: string;
  nav: NavItem[];
  securityTo: LinkProps["to"];
  orgLine?: ReactNode;
}) {
  const session = useSession();
  const pathname = useLocation({ select: (location) => location.pathname });
  const [menuOpen, setMenuOpen] = useState(false);
  const notice = useNotice("surface");
  const seen = useRef<{ id: number; path: string } | null>(null);

  // Close the narrow-screen menu whenever the page changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger
  useEffect(() => {
    setMenuOpen(false);
  }, [pathname]);

  // A bounce notice stays until dismissed or until the user moves on to another page.
  useEffect(() => {
    if (!notice) {
      seen.current = null;
      return;
    }
    if (seen.current?.id !== notice.id) {
      seen.current = { id: notice.id, path: pathname };
      return;
    }
    if (seen.current.path !== pathname) clearNotice(notice.id);
  }, [notice, pathname]);

  if (!session) return <LoadingBlock label="Signing you out…" className="min-h-screen" />;
  const { user } = session;

  return (
    <div data-testid={testId} className="min-h-screen bg-slate-50 md:flex">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-4 py-2 text-sm font-medium text-brand-800 shadow-pop focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>

      <aside className="border-b border-slate-800 bg-slate-900 text-slate-300 md:sticky md:top-0 md:flex md:h-screen md:w-64 md:shrink-0 md:flex-col md:border-r md:border-b-0">
        <div className="flex h-16 items-center justify-between gap-3 px-4 md:px-5">
          <Link
            to={nav[0]?.to ?? "/"}
            className="flex items-center gap-2.5 rounded-md text-white"
            aria-label={`Symbiont ${surfaceLabel} home`}
          >
            <LogoMark className="size-8" />
            <span className="flex flex-col leading-tight">
              <span className="text-base font-semibold tracking-tight">Symbiont</span>
              <span className="text-xs font-medium text-brand-300">{surfaceLabel}</span>
            </span>
          </Link>
          <button
            type="button"
            className="inline-flex items-center gap-2 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-200 hover:bg-white/10 md:hidden"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? <CloseIcon className="size-5" /> : <MenuIcon className="size-5" />}
            Menu
          </button>
        </div>

        <nav
          id="main-nav"
          aria-label="Main"
          className={cn("px-3 pb-4 md:block md:flex-1 md:overflow-y-auto md:pt-2", menuOpen ? "block" : "hidden")}
        >
          <ul className="space-y-0.5">
            {nav.map((item) => (
              <li key={item.label}>
                <Link
                  to={item.to}
                  activeOptions={{ exact: item.exact ?? false }}
                  className={cn(
                    "group flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors",
                    "text-slate-300 hover:bg-white/5 hover:text-white",
                    "data-[status=active]:bg-brand-500/15 data-[status=active]:text-white",
                    "focus-visible:outline-brand-300",
                  )}
                >
                  <span className="text-lg text-slate-400 group-hover:text-slate-200 group-data-[status=active]:text-brand-300">
                    {item.icon}
                  </span>
                  <span className="flex-1">{item.label}</span>
                  {item.soon ? (
                    <span className="rounded-full bg-white/5 px-1.5 py-0.5 text-[0.65rem] font-semibold tracking-wide text-slate-400 uppercase">
                      Soon
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>

        <div className="hidden border-t border-white/10 px-5 py-4 text-xs text-slate-500 md:block">
          Symbiont · open source under AGPL-3.0
        </div>
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-16 items-center justify-between gap-4 border-b border-slate-200 bg-white/90 px-4 backdrop-blur sm:px-6 lg:px-8">
          <div className="min-w-0">
            <p className="truncate text-sm font-semibold text-slate-900">{user.workspace.name}</p>
            <p className="truncate text-xs text-slate-500">{orgLine ?? roleLabels[user.role]}</p>
          </div>
          <UserMenu user={user} securityTo={securityTo} />
        </header>

        <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8 lg:py-8">
          <div className="mx-auto max-w-6xl">
            {notice ? (
              <Alert
                tone="warning"
                title={notice.message}
                onDismiss={() => clearNotice(notice.id)}
                className="mb-6"
                data-testid="surface-notice"
              >
                You were taken to your own home page instead.
              </Alert>
            ) : null}
            <ShellContext.Provider value={true}>
              <Outlet />
            </ShellContext.Provider>
          </div>
        </main>
      </div>
    </div>
  );
}

import { type CurrentUser, roleLabels } from "@symbiont/contracts";
import { Link, type LinkProps } from "@tanstack/react-router";
import { useEffect, useId, useRef, useState } from "react";
import { cn, initials } from "../../lib/format";
import { useSignOut } from "../../lib/useSignOut";
import { ChevronDownIcon, LogoutIcon, ShieldIcon } from "../ui/icons";

/** Disclosure-style account menu: a button that reveals the account panel. */
export function UserMenu({ user, securityTo }: { user: CurrentUser; securityTo: LinkProps["to"] }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const signOut = useSignOut();

  useEffect(() => {
    if (!open) return;
    function onPointer(event: PointerEvent) {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    }
    function onKey(event: KeyboardEvent) {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        data-testid="user-menu"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${user.name}, account options`}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2.5 rounded-full py-1 pr-2 pl-1 text-sm hover:bg-slate-100"
      >
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800"
        >
          {initials(user.name)}
        </span>
        <span className="hidden max-w-40 truncate font-medium text-slate-800 sm:block">{user.name}</span>
        <ChevronDownIcon className={cn("text-slate-400 transition-transform", open && "rotate-180")} />
      </button>

      {open ? (
        <div
          id={panelId}
          className="absolute right-0 z-40 mt-2 w-72 animate-fade-in rounded-xl border border-slate-200 bg-white p-1.5 shadow-pop"
        >
          <div className="px-3 py-2.5">
            <p className="truncate text-sm font-semibold text-slate-900">{user.name}</p>
            <p className="truncate text-sm text-slate-500">{user.email}</p>
            <p className="mt-1.5 text-xs font-medium text-brand-700">
              {roleLabels[user.role]}
              {user.partner ? ` · ${user.partner.name}` : ""}
            </p>
          </div>
          <div className="my-1 border-t border-slate-100" />
          <ul>
            <li>
              <Link
                to={securityTo}
                onClick={() => setOpen(false)}
                className="flex items-center gap-2.5 rounded-lg px-3 py-2 text-sm text-slate-700 hover:bg-slate-100"
              >
                <ShieldIcon className="text-base text-slate-400" />
                Change password
              </Link>
            </li>
            <li>
              <button
                type="button"
                data-testid="sign-out"
                onClick={() => {
                  setOpen(false);
                  void signOut();
                }}
                className="flex w-full items-center gap-2.5 rounded-lg px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100"
              >
                <LogoutIcon className="text-base text-slate-400" />
                Sign out
              </button>
            </li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}

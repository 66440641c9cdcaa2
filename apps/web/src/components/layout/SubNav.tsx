import { Link, type LinkProps } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { cn } from "../../lib/format";

export interface SubNavItem {
  to: LinkProps["to"];
  label: string;
  icon: ReactNode;
  exact?: boolean;
}

/** Secondary navigation: a tab row under the page header (scrolls sideways on narrow screens). */
export function SubNav({ label, items }: { label: string; items: SubNavItem[] }) {
  return (
    <nav aria-label={label} className="-mx-4 mb-6 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex gap-1 border-b border-slate-200">
        {items.map((item) => (
          <li key={item.label} className="shrink-0">
            <Link
              to={item.to}
              activeOptions={{ exact: item.exact ?? false }}
              className={cn(
                "-mb-px flex items-center gap-2 border-b-2 border-transparent px-3 py-2.5 text-sm font-medium whitespace-nowrap",
                "text-slate-600 hover:border-slate-300 hover:text-slate-900",
                "data-[status=active]:border-brand-600 data-[status=active]:text-brand-800",
              )}
            >
              <span className="text-base opacity-70">{item.icon}</span>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import type { AccountRecord } from "@symbiont/contracts";
import type { ComponentType } from "react";

/** One tab of the account page. Other capabilities (opportunities, registrations …) add theirs. */
export interface AccountTab {
  id: string;
  label: string;
  /** Lower comes first; the built-in tabs use 10, 20, 30, 40. */
  order: number;
  component: ComponentType<{ account: AccountRecord }>;
}

const tabs = new Map<string, AccountTab>();

/** Adds (or replaces) a tab on every account page: `registerAccountTab({ id: "opportunities", … })`. */
export function registerAccountTab(tab: AccountTab): void {
  tabs.set(tab.id, tab);
}

export function accountTabs(): AccountTab[] {
  return [...tabs.values()].sort((a, b) => a.order - b.order);
}

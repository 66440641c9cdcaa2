import type { LeadProgressStatus, LeadRoutingRule, LeadStatus } from "@symbiont/contracts";

// Pure rules of the lead state machine and of offer routing (no database access).

/** Statuses in which the holder works the lead and reports progress. */
export const activeStatuses: readonly LeadStatus[] = ["accepted", "contacted", "qualified"];
/** Statuses in which the vendor may (re)assign the lead. */
export const assignableStatuses: readonly LeadStatus[] = ["unassigned", "declined", "pooled", "offered"];

const progressOrder: Record<LeadProgressStatus | "accepted", number> = {
  accepted: 0,
  contacted: 1,
  qualified: 2,
  converted: 3,
  lost: 3,
};

/** Why a progress update is refused, or null when it may happen. */
export function progressRefusal(from: LeadStatus, to: LeadProgressStatus): string | null {
  if (!activeStatuses.includes(from)) {
    if (from === "converted" || from === "lost") return `The lead is already ${from}`;
    return "Accept the lead before reporting progress";
  }
  if (to === "lost") return null;
  const rank = progressOrder[from as "accepted" | "contacted" | "qualified"];
  if (progressOrder[to] <= rank) return `The lead is already ${from}; report a later step`;
  return null;
}

export function canRespond(status: LeadStatus): boolean {
  return status === "offered";
}

export interface RoutingCandidate {
  partnerId: string;
  /** When this partner was last offered any lead (null: never). */
  lastOfferedAt: Date | null;
}

/**
 * The next partner for a lead. `round_robin`: among eligible partners not yet offered this lead,
 * the one offered a lead least recently (never first, then by id for a stable order). `ranked`: the
 * first partner of the ranked list that is eligible and not yet offered this lead.
 */
export function pickNextPartner(input: {
  rule: LeadRoutingRule;
  ranked: readonly string[];
  eligible: readonly RoutingCandidate[];
  alreadyOffered: ReadonlySet<string>;
}): string | null {
  const open = input.eligible.filter((c) => !input.alreadyOffered.has(c.partnerId));
  if (input.rule === "ranked") {
    const eligibleIds = new Set(open.map((c) => c.partnerId));
    return input.ranked.find((id) => eligibleIds.has(id)) ?? null;
  }
  const sorted = [...open].sort((a, b) => {
    const x = a.lastOfferedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    const y = b.lastOfferedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    if (x !== y) return x < y ? -1 : 1;
    return a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0;
  });
  return sorted[0]?.partnerId ?? null;
}

/** The registrable-ish domain of what someone typed (`https://www.Contoso.com/x` → `contoso.com`). */
export function cleanDomain(value: string | null | undefined): string | null {
  if (!value) return null;
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .split("/")[0];
  if (!host) return null;
  return host.replace(/^www\./, "");
}

/** The domain of an email address, unless it is a well-known free-mail provider. */
const freeMail = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "hotmail.com",
  "outlook.com",
  "live.com",
  "icloud.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.de",
  "gmx.net",
  "web.de",
  "mail.ru",
  "yandex.ru",
]);
export function companyDomainOfEmail(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf("@") ?? -1;
  if (!email || at < 0) return null;
  const d = email.slice(at + 1).toLowerCase();
  return freeMail.has(d) ? null : d;
}

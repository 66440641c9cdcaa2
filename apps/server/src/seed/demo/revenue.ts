import type { FxTable } from "./fx";
import { convertMinorFast as convertMinor, cachedMinorDigits as minorDigits } from "./fx";
import { DAY_MS, retention } from "./model";
import type { Random } from "./random";
import { type AccountRow, isoDate, type OpportunityRow, type RevenueEventRow } from "./rows";

const YEAR_MS = 365 * DAY_MS;

interface Context {
  random: Random;
  fx: FxTable;
  anchorMs: number;
  control: boolean;
  nextId(): string;
}

/**
 * The recurring-revenue history of one account from its won deals: the first won deal is `new`,
 * later ones `expansion`; every contract year may expand or contract, and ends in a renewal or a
 * churn. A won deal after a churn wins the account back (`new` again). Sets the account's status.
 */
export function revenueHistory(context: Context, account: AccountRow, deals: OpportunityRow[]): RevenueEventRow[] {
  const { random, fx, anchorMs } = context;
  const won = deals.filter((deal) => deal.outcome === "won").sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0));
  const events: RevenueEventRow[] = [];
  if (won.length === 0) return events;
  const currency = won[0]?.currency ?? "USD";
  const unit = 10 ** minorDigits(currency);
  const push = (kind: RevenueEventRow["kind"], timeMs: number, amountMinor: number, opportunityId: string | null) => {
    const rate = fx.rate(currency, timeMs);
    events.push({
      id: context.nextId(),
      accountId: account.id,
      opportunityId,
      kind,
      occurredOn: isoDate(timeMs),
      amountMinor,
      currency,
      amountReportingMinor: convertMinor(amountMinor, currency, fx.reportingCurrency, rate),
      fxRate: rate,
    });
  };
  let arr = 0;
  let attached = false;
  let next = 0;
  account.customerSince = isoDate(won[0]?.closedAt ?? anchorMs);
  while (next < won.length) {
    const first = won[next] as OpportunityRow;
    const start = first.closedAt ?? anchorMs;
    arr = first.amountMinor;
    attached = attached || first.partnerInvolved;
    push("new", start, arr, first.id);
    account.status = "customer";
    next += 1;
    let yearStart = start;
    let churned = false;
    while (!churned) {
      const yearEnd = yearStart + YEAR_MS;
      // Won deals inside the contract year add to it.
      while (next < won.length && (won[next]?.closedAt ?? 0) < yearEnd) {
        const deal = won[next] as OpportunityRow;
        attached = attached || deal.partnerInvolved;
        arr += deal.amountMinor;
        push("expansion", deal.closedAt ?? yearStart, deal.amountMinor, deal.id);
        next += 1;
      }
      const odds = attached && !context.control ? retention.partnerAttached : retention.other;
      const expandAt = yearStart + random.next() * YEAR_MS;
      const expand = random.chance(odds.expansion);
      const expandShare = 0.1 + 0.3 * random.next();
      const contractAt = yearStart + random.next() * YEAR_MS;
      const contract = random.chance(odds.contraction);
      const contractShare = 0.1 + 0.2 * random.next();
      const churn = random.chance(odds.churn);
      const moves: [number, "expansion" | "contraction", number][] = [];
      if (expand) moves.push([expandAt, "expansion", expandShare]);
      if (contract) moves.push([contractAt, "contraction", contractShare]);
      moves.sort((a, b) => a[0] - b[0]);
      for (const [at, kind, share] of moves) {
        if (at > anchorMs) continue;
        const amount = Math.max(unit, Math.round((arr * share) / unit) * unit);
        if (kind === "contraction" && amount >= arr) continue;
        arr += kind === "expansion" ? amount : -amount;
        push(kind, at, amount, null);
      }
      if (yearEnd > anchorMs) break;
      if (churn) {
        push("churn", yearEnd, arr, null);
        account.status = "churned";
        churned = true;
        // Deals already won in a year that ended in churn are not revenue; a later win restarts.
        while (next < won.length && (won[next]?.closedAt ?? 0) <= yearEnd) next += 1;
      } else {
        push("renewal", yearEnd, arr, null);
        yearStart = yearEnd;
      }
    }
    if (!churned) break;
  }
  return events;
}

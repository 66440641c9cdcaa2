// Pure rules of a snapshot: which deals and touches take part, what is reported about the rest,
// and how they become the engine's columnar journeys.

import { InternedColumn, UuidColumn } from "./attribution.ids";
import { channelOf, type InputOpportunity, type InputTouch } from "./attribution.inputs";
import { type JourneySet, JourneySetBuilder, TouchFlag } from "./engine";

export const groupings = ["partner", "touch_type", "partner_touch_type"] as const;
export type Grouping = (typeof groupings)[number];

export type IssueCode = "no_touches" | "touch_after_close" | "missing_amount" | "unknown_currency" | "negative_amount";

export interface SnapshotIssue {
  code: IssueCode;
  message: string;
  count: number;
  /** Up to 20 opportunity ids concerned. */
  opportunityIds: string[];
}

const issueMessages: Record<IssueCode, string> = {
  no_touches: "Closed deals with no touch before their close were left out",
  touch_after_close: "Touches dated after their deal's close were left out",
  missing_amount: "Won deals without an amount count as conversions with no revenue",
  unknown_currency: "Won deals in a currency with no exchange rate count as conversions with no revenue",
  negative_amount: "Deals with a negative amount were left out",
};

export class IssueLog {
  private readonly byCode = new Map<IssueCode, SnapshotIssue>();
  add(code: IssueCode, opportunityId: string, count = 1): void {
    let issue = this.byCode.get(code);
    if (!issue) {
      issue = { code, message: issueMessages[code], count: 0, opportunityIds: [] };
      this.byCode.set(code, issue);
    }
    issue.count += count;
    if (issue.opportunityIds.length < 20 && !issue.opportunityIds.includes(opportunityId))
      issue.opportunityIds.push(opportunityId);
  }
  list(): SnapshotIssue[] {
    return [...this.byCode.values()];
  }
}

const LEAD_TYPES = new Set(["registration", "lead", "referral"]);

export type Admission = { touches: InputTouch[]; value: number } | { skipped: IssueCode };

/**
 * Decides whether a deal takes part and with which touches. Both reads of a recompute apply it,
 * so they agree touch for touch; `issues` is passed on the first read only.
 */
export function admit(opportunity: InputOpportunity, touches: readonly InputTouch[], issues?: IssueLog): Admission {
  if (opportunity.amountMinor !== null && opportunity.amountMinor < 0) {
    issues?.add("negative_amount", opportunity.id);
    return { skipped: "negative_amount" };
  }
  const kept = touches.filter((t) => t.occurredMs <= opportunity.closedMs);
  if (kept.length < touches.length) issues?.add("touch_after_close", opportunity.id, touches.length - kept.length);
  if (kept.length === 0) {
    issues?.add("no_touches", opportunity.id);
    return { skipped: "no_touches" };
  }
  let value = 0;
  if (opportunity.won) {
    if (opportunity.amountMinor === null) issues?.add("missing_amount", opportunity.id);
    else if (opportunity.amountReportingMinor === null) issues?.add("unknown_currency", opportunity.id);
    else value = opportunity.amountReportingMinor;
  }
  return { touches: kept, value };
}

/** Flags for W-shaped / full-path: the first lead-type touch, and the last touch by the deal's opening. */
export function touchFlags(opportunity: InputOpportunity, touches: readonly InputTouch[]): number[] {
  const flags = touches.map(() => 0);
  const lead = touches.findIndex((t) => LEAD_TYPES.has(t.type));
  if (lead >= 0) flags[lead]! |= TouchFlag.leadCreated;
  let opened = -1;
  for (let i = 0; i < touches.length; i++) if (touches[i]!.occurredMs <= opportunity.openedMs) opened = i;
  if (opened >= 0) flags[opened]! |= TouchFlag.opportunityCreated;
  return flags;
}

export interface ChannelMeta {
  partnerId: string | null;
  touchType: string | null;
}

/**
 * Collects the read into a JourneySet, keeping each journey's deal id and, for won deals (the
 * only ones credited), each touch's touchpoint and partner ids in compact columns.
 */
export class SnapshotJourneys {
  readonly builder = new JourneySetBuilder();
  readonly opportunityIds = new UuidColumn();
  /** Per touch of a won deal, in journey order: the touchpoint (null for direct engagements). */
  readonly wonTouchIds = new UuidColumn();
  /** Per touch of a won deal, in journey order: the partner (null for direct engagements). */
  readonly wonTouchPartners = new InternedColumn();
  readonly channels = new Map<string, ChannelMeta>();
  readonly issues = new IssueLog();
  won = 0;
  lost = 0;
  touches = 0;

  constructor(private readonly grouping: Grouping) {}

  add(opportunity: InputOpportunity, touches: readonly InputTouch[]): void {
    const admission = admit(opportunity, touches, this.issues);
    if ("skipped" in admission) return;
    const flags = touchFlags(opportunity, admission.touches);
    admission.touches.forEach((touch, i) => {
      const key = channelOf(touch, this.grouping);
      if (!this.channels.has(key)) {
        this.channels.set(key, {
          partnerId: this.grouping === "touch_type" ? null : touch.partnerId,
          touchType: this.grouping === "partner" && touch.partnerId !== null ? null : touch.type,
        });
      }
      this.builder.touch(this.builder.channel(key), {
        time: touch.occurredMs,
        type: touch.type,
        flags: flags[i],
        weight: touch.weight ?? undefined,
      });
      if (opportunity.won) {
        this.wonTouchIds.push(touch.touchpointId);
        this.wonTouchPartners.push(touch.partnerId);
      }
    });
    this.builder.endJourney({
      conversions: opportunity.won ? 1 : 0,
      value: admission.value,
      nulls: opportunity.won ? 0 : 1,
      closeTime: opportunity.closedMs,
    });
    this.opportunityIds.push(opportunity.id);
    if (opportunity.won) this.won++;
    else this.lost++;
    this.touches += admission.touches.length;
  }

  build(): JourneySet {
    return this.builder.build();
  }
}

// Adapter for the service layer: opportunities with their touchpoints → JourneySet.
import { type JourneySet, JourneySetBuilder, TouchFlag } from "./journeys";
import { AttributionError } from "./result";

export type TimeInput = Date | number | string;

export interface OpportunityTouchInput {
  /** Channel / partner key (an id or a name; it is interned as given). */
  channel: string;
  at: TimeInput;
  type?: string;
  leadCreated?: boolean;
  opportunityCreated?: boolean;
  weight?: number;
}

export interface OpportunityJourneyInput {
  touches: readonly OpportunityTouchInput[];
  /** Won deals convert (count 1, value = amount); lost or open ones are null journeys. */
  won: boolean;
  /** Amount in any consistent unit (minor units are fine); 0 when absent. */
  amount?: number;
  closedAt?: TimeInput | null;
}

export interface OpportunityJourneys {
  journeys: JourneySet;
  /** sourceIndex[j] = index in the input of journey j (opportunities without touches are left out). */
  sourceIndex: Uint32Array;
}

function toMs(at: TimeInput, where: string): number {
  const ms = at instanceof Date ? at.getTime() : typeof at === "string" ? Date.parse(at) : at;
  if (!Number.isFinite(ms)) throw new AttributionError(`${where}: invalid time ${String(at)}`);
  return ms;
}

/** Touches are ordered by time (ties keep input order), which is what "first" and "last" mean. */
export function journeysFromOpportunities(opportunities: readonly OpportunityJourneyInput[]): OpportunityJourneys {
  const builder = new JourneySetBuilder();
  const sourceIndex: number[] = [];
  opportunities.forEach((opportunity, o) => {
    if (opportunity.touches.length === 0) return;
    const amount = opportunity.amount ?? 0;
    if (!Number.isFinite(amount) || amount < 0)
      throw new AttributionError(`opportunity ${o}: invalid amount ${amount}`);
    const touches = opportunity.touches
      .map((touch, i) => ({ touch, i, ms: toMs(touch.at, `opportunity ${o} touch ${i}`) }))
      .sort((a, b) => a.ms - b.ms || a.i - b.i);
    for (const { touch, ms } of touches) {
      const flags =
        (touch.leadCreated ? TouchFlag.leadCreated : 0) | (touch.opportunityCreated ? TouchFlag.opportunityCreated : 0);
      builder.touch(builder.channel(touch.channel), { time: ms, type: touch.type, flags, weight: touch.weight });
    }
    const closeTime = opportunity.closedAt == null ? Number.NaN : toMs(opportunity.closedAt, `opportunity ${o} close`);
    builder.endJourney({
      conversions: opportunity.won ? 1 : 0,
      value: opportunity.won ? amount : 0,
      nulls: opportunity.won ? 0 : 1,
      closeTime,
    });
    sourceIndex.push(o);
  });
  return { journeys: builder.build(), sourceIndex: Uint32Array.from(sourceIndex) };
}

import type { GeneratorContext } from "./context";
import { DAY_MS } from "./model";
import type { PartnerProfile } from "./pools";
import type { DemoChunk, OpportunityRow, TouchpointRow } from "./rows";

/** Logs the deal's touchpoints; returns the sourcing touch of a sourced deal. */
export function dealTouches(
  context: GeneratorContext,
  chunk: DemoChunk,
  deal: OpportunityRow,
  team: PartnerProfile[],
  sourced: boolean,
  endMs: number,
): TouchpointRow | undefined {
  const random = context.random;
  let sourcing: TouchpointRow | undefined;
  const count = Math.max(team.length, 1 + random.poisson(context.plan.touchesPerPartnerDeal - 1));
  for (let i = 0; i < count; i += 1) {
    const profile = i < team.length ? (team[i] as PartnerProfile) : random.pick(team);
    const types = profile.effect.touchTypes;
    const first = i === 0 && sourced;
    const occurredAt = first
      ? deal.openedAt - random.int(1, 21) * DAY_MS
      : deal.openedAt + random.next() * Math.max(DAY_MS, endMs - deal.openedAt);
    const row: TouchpointRow = {
      id: context.id(0xc, "touchpoint"),
      partnerId: profile.partner.id,
      opportunityId: deal.id,
      accountId: deal.accountId,
      type: first ? (types[0] as string) : random.pick(types.slice(1)),
      occurredAt: Math.floor(occurredAt / 60_000) * 60_000,
      accelerated: profile.effect.cycleFactor < 1 && random.chance(0.1),
    };
    chunk.touchpoints.push(row);
    if (first) sourcing = row;
  }
  return sourcing;
}

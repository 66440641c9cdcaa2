import type { FxTable } from "./fx";
import type { ScalePlan } from "./model";
import type { PartnerPools } from "./pools";
import type { Random } from "./random";

/** The tables whose rows are numbered: their ids and external ids follow the count. */
export type RowCounter = "account" | "opportunity" | "touchpoint" | "revenue" | "registration" | "lead";

/**
 * What the row builders share. Every value comes from the one random stream, so the builders must
 * draw in the same order for a seed to give the same demo.
 */
export interface GeneratorContext {
  readonly random: Random;
  readonly pools: PartnerPools;
  readonly plan: ScalePlan;
  readonly fx: FxTable;
  /** Touchpoints have no effect on outcomes, cycle, size or retention. */
  readonly control: boolean;
  /** Midnight (UTC) of the day the history ends. */
  readonly anchorMs: number;
  readonly startMs: number;
  readonly counters: Record<RowCounter, number>;
  /** Numbers the next row counted by `counter` and returns its id in `table`. */
  id(table: number, counter: RowCounter): string;
}

/** Deterministic ids: seed, table and row number, in UUID syntax. Unique within a workspace. */
export function demoId(seed: number, table: number, n: number): string {
  const s = (seed >>> 0).toString(16).padStart(8, "0");
  return `${s}-${table.toString(16).padStart(4, "0")}-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

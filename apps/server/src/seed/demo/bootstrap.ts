import { mulberry32 } from "./random";

export interface RateGroup {
  won: number;
  closed: number;
}

export interface UpliftInterval {
  /** Win rate of the partner-involved group minus the direct-only group. */
  uplift: number;
  low: number;
  high: number;
  partner: number;
  direct: number;
}

/**
 * Percentile bootstrap (95%) of the difference of two win rates. Resampling closed deals with
 * replacement within each group is drawing each resampled deal as won with the group's observed
 * rate, which is what this does, with a fixed seed so the interval is reproducible.
 */
export function winRateUplift(partner: RateGroup, direct: RateGroup, resamples = 2_000, seed = 1): UpliftInterval {
  if (partner.closed === 0 || direct.closed === 0) throw new RangeError("both groups need closed deals");
  const random = mulberry32(seed);
  const pPartner = partner.won / partner.closed;
  const pDirect = direct.won / direct.closed;
  const draw = (p: number, n: number) => {
    let won = 0;
    for (let i = 0; i < n; i += 1) if (random.next() < p) won += 1;
    return won / n;
  };
  const diffs = new Float64Array(resamples);
  for (let r = 0; r < resamples; r += 1) diffs[r] = draw(pPartner, partner.closed) - draw(pDirect, direct.closed);
  diffs.sort();
  const at = (q: number) => diffs[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))] ?? 0;
  return { uplift: pPartner - pDirect, low: at(0.025), high: at(0.975), partner: pPartner, direct: pDirect };
}

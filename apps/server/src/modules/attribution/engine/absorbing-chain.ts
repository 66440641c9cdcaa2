// Absorption probabilities of an absorbing Markov chain: x = Q x + b, where Q holds transient →
// transient probabilities and b the transient → conversion probabilities. x_i is the probability of
// ending in conversion from state i. Removed states are treated as the null (non-converting) state.

/** Transient part of a chain in compressed rows. */
export interface TransientChain {
  size: number;
  rowStart: Uint32Array;
  column: Uint32Array;
  probability: Float64Array;
  /** Probability of moving from each state straight to conversion. */
  toConversion: Float64Array;
}

/** Largest system solved by direct elimination; bigger ones (high Markov orders) iterate. */
export const DENSE_LIMIT = 600;

/** Solves A x = b in place by Gaussian elimination with partial pivoting (A is n×n, row-major). */
export function solveDense(n: number, a: Float64Array, b: Float64Array): Float64Array {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    let best = Math.abs(a[col * n + col]!);
    for (let r = col + 1; r < n; r++) {
      const m = Math.abs(a[r * n + col]!);
      if (m > best) {
        best = m;
        pivot = r;
      }
    }
    if (best === 0) throw new Error(`singular system at column ${col}`);
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        const t = a[col * n + c]!;
        a[col * n + c] = a[pivot * n + c]!;
        a[pivot * n + c] = t;
      }
      const t = b[col]!;
      b[col] = b[pivot]!;
      b[pivot] = t;
    }
    const d = a[col * n + col]!;
    for (let r = col + 1; r < n; r++) {
      const f = a[r * n + col]! / d;
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r * n + c]! -= f * a[col * n + c]!;
      b[r]! -= f * b[col]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let c = r + 1; c < n; c++) s -= a[r * n + c]! * x[c]!;
    x[r] = s / a[r * n + r]!;
  }
  return x;
}

/**
 * Probability of conversion from every transient state, with `removed` states (mask 1) forced to
 * 0. Exact elimination up to DENSE_LIMIT kept states (or when `method` says so); above that
 * Gauss–Seidel sweeps, which converge monotonically from 0 for an absorbing chain, until no entry
 * moves by more than 1e-15.
 */
export function conversionProbabilities(
  chain: TransientChain,
  removed?: Uint8Array,
  method: "auto" | "direct" | "iterative" = "auto",
): Float64Array {
  const { size, rowStart, column, probability, toConversion } = chain;
  const keep: number[] = [];
  const slot = new Int32Array(size).fill(-1);
  for (let i = 0; i < size; i++) {
    if (removed?.[i]) continue;
    slot[i] = keep.length;
    keep.push(i);
  }
  const n = keep.length;
  const x = new Float64Array(size);
  if (n === 0) return x;
  if (method === "direct" || (method === "auto" && n <= DENSE_LIMIT)) {
    const a = new Float64Array(n * n);
    const b = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const i = keep[r]!;
      a[r * n + r] = 1;
      b[r] = toConversion[i]!;
      for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
        const s = slot[column[e]!]!;
        if (s >= 0) a[r * n + s]! -= probability[e]!;
      }
    }
    const solved = solveDense(n, a, b);
    for (let r = 0; r < n; r++) x[keep[r]!] = solved[r]!;
    return x;
  }
  for (let sweep = 0; sweep < 1_000_000; sweep++) {
    let moved = 0;
    for (const i of keep) {
      let s = toConversion[i]!;
      let self = 0;
      for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
        const j = column[e]!;
        if (j === i) self += probability[e]!;
        else if (slot[j]! >= 0) s += probability[e]! * x[j]!;
      }
      const next = self < 1 ? s / (1 - self) : 0;
      moved = Math.max(moved, Math.abs(next - x[i]!));
      x[i] = next;
    }
    if (moved <= 1e-15) break;
  }
  return x;
}

// Runs attribution models over a JourneySet: the per-channel result and every touch's share of
// its journey. `computeInWorker` does the same on a worker thread so the HTTP server stays
// responsive while a large snapshot is computed.
import { Worker } from "node:worker_threads";
import {
  AttributionError,
  type AttributionModelName,
  type AttributionModelParams,
  type JourneySet,
  journeySharesOf,
  runAttribution,
} from "./engine";

export interface ModelRun {
  model: AttributionModelName;
  params: Record<string, unknown>;
  /** Skip the per-touch shares (path-file analysis needs the totals only). */
  totalsOnly?: boolean;
}

export interface ModelOutput {
  conversions: Float64Array;
  value: Float64Array;
  removalEffect: Float64Array | null;
  /** Share of each touch in its journey (journey order); zero for journeys without conversions. */
  shares: Float64Array;
  /** Why the model could not run on this input (then the arrays are empty). */
  error: string | null;
  ms: number;
}

/** Runs one model; a model that cannot run on this input (AttributionError) reports why. */
export function computeModel(set: JourneySet, run: ModelRun): ModelOutput {
  const started = performance.now();
  if (set.journeyOffsets.length <= 1) {
    // Nothing to attribute (no deals in the period): every model credits nothing.
    const empty = new Float64Array(set.channelNames.length);
    return {
      conversions: empty,
      value: empty.slice(),
      removalEffect: null,
      shares: new Float64Array(0),
      error: null,
      ms: 0,
    };
  }
  try {
    return { ...computeOrThrow(set, run), error: null, ms: performance.now() - started };
  } catch (error) {
    if (!(error instanceof AttributionError)) throw error;
    const empty = new Float64Array(0);
    return {
      conversions: empty,
      value: empty,
      removalEffect: null,
      shares: empty,
      error: error.message,
      ms: performance.now() - started,
    };
  }
}

function computeOrThrow(set: JourneySet, run: ModelRun): Omit<ModelOutput, "error" | "ms"> {
  const params = run.params as AttributionModelParams<typeof run.model>;
  const result = runAttribution(run.model, set, params);
  if (run.totalsOnly) {
    return {
      conversions: result.conversions,
      value: result.value,
      removalEffect: result.removalEffect ?? null,
      shares: new Float64Array(0),
    };
  }
  const shareOf = journeySharesOf(run.model, set, params);
  const offsets = set.journeyOffsets;
  const shares = new Float64Array(set.touchChannel.length);
  let longest = 0;
  for (let j = 0; j + 1 < offsets.length; j++) longest = Math.max(longest, offsets[j + 1]! - offsets[j]!);
  const scratch = new Float64Array(longest);
  for (let j = 0; j + 1 < offsets.length; j++) {
    if (set.conversions[j] === 0 && set.value[j] === 0) continue;
    const start = offsets[j]!;
    const length = offsets[j + 1]! - start;
    if (length === 0) continue;
    shareOf(j, scratch);
    shares.set(scratch.subarray(0, length), start);
  }
  return {
    conversions: result.conversions,
    value: result.value,
    removalEffect: result.removalEffect ?? null,
    shares,
  };
}

export type WorkerReply =
  | { ok: true; outputs: ModelOutput[]; set: JourneySet | null }
  | { ok: false; message: string; set: JourneySet | null };

/** The memory of a set's typed arrays, for moving it between threads without copying. */
export function setBuffers(set: JourneySet): ArrayBuffer[] {
  const arrays = [
    set.journeyOffsets,
    set.touchChannel,
    set.touchTime,
    set.touchType,
    set.touchFlags,
    set.touchWeight,
    set.conversions,
    set.value,
    set.nulls,
    set.closeTime,
  ];
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) if (array && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  return [...buffers];
}

/** Computes the models on a worker thread (one per call; the set is copied to it). */
export async function computeInWorker(set: JourneySet, runs: readonly ModelRun[]): Promise<ModelOutput[]> {
  return (await runWorker(set, runs, false)).outputs;
}

/**
 * Like computeInWorker, but the set's memory moves to the worker and back instead of being copied
 * (no copy blocks the event loop, no second copy in memory). Use the returned set afterwards:
 * the one passed in is emptied.
 */
export function computeInWorkerLending(
  set: JourneySet,
  runs: readonly ModelRun[],
): Promise<{ outputs: ModelOutput[]; set: JourneySet }> {
  return runWorker(set, runs, true);
}

function runWorker(
  set: JourneySet,
  runs: readonly ModelRun[],
  lend: boolean,
): Promise<{ outputs: ModelOutput[]; set: JourneySet }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./attribution.worker.mjs", import.meta.url), {
      workerData: { set, runs, lend },
      transferList: lend ? setBuffers(set) : [],
    });
    let settled = false;
    worker.once("message", (reply: WorkerReply) => {
      settled = true;
      if (reply.ok) resolve({ outputs: reply.outputs, set: reply.set ?? set });
      else reject(new Error(reply.message));
      void worker.terminate();
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`the attribution worker stopped (exit code ${code})`));
    });
  });
}

// Worker thread entry: computes the requested models and posts the outputs back (transferred).
import { parentPort, workerData } from "node:worker_threads";
import { computeModel, type ModelRun, setBuffers, type WorkerReply } from "./attribution.compute";
import type { JourneySet } from "./engine";

const { set, runs, lend } = workerData as { set: JourneySet; runs: ModelRun[]; lend: boolean };
// A lent set goes back to the caller with the reply (moved, not copied).
const back = lend ? set : null;
let reply: WorkerReply;
try {
  reply = { ok: true, outputs: runs.map((run) => computeModel(set, run)), set: back };
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error), set: back };
}
const transfer = new Set<ArrayBuffer>(lend ? setBuffers(set) : []);
if (reply.ok) {
  for (const o of reply.outputs) {
    for (const array of [o.conversions, o.value, o.shares, o.removalEffect]) {
      if (array && array.buffer instanceof ArrayBuffer) transfer.add(array.buffer);
    }
  }
}
parentPort?.postMessage(reply, [...transfer]);

import { Worker } from "node:worker_threads";

export interface EmbeddedPostgres {
  /** Loopback port speaking the PostgreSQL wire protocol. */
  readonly port: number;
  readonly connectionString: string;
  /** A gzipped tarball of the data directory, loadable with `loadDataDir`. */
  dump(): Promise<Uint8Array>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Directory to persist into; omit for an in-memory database. */
  dataDir?: string;
  /** Start from a dump made by `dump()` (used by tests to skip migrations). */
  loadDataDir?: Uint8Array;
}

type WorkerMessage = { type: "ready"; port: number } | { type: "dump"; data: Uint8Array } | { type: "stopped" };

/** Starts PGlite on a worker thread behind a loopback PostgreSQL socket. */
export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  const worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url), {
    workerData: options,
    execArgv: [],
  });
  const next = (type: WorkerMessage["type"]) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if (message.type !== type) return;
        cleanup();
        resolve(message);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`The embedded database stopped (exit code ${code})`));
      };
      const cleanup = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      worker.on("message", onMessage);
      worker.once("error", onError);
      worker.once("exit", onExit);
    });

  const ready = await next("ready");
  const port = ready.type === "ready" ? ready.port : 0;
  let stopped = false;
  return {
    port,
    connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async dump() {
      const reply = next("dump");
      worker.postMessage({ type: "dump" });
      const message = await reply;
      return message.type === "dump" ? message.data : new Uint8Array();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      const reply = next("stopped");
      worker.postMessage({ type: "stop" });
      await reply.catch(() => undefined);
      await worker.terminate();
    },
  };
}

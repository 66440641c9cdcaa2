// @ts-check
// Runs PGlite on its own thread and speaks the PostgreSQL wire protocol on a loopback port, so the
// server talks to the embedded database through `pg` exactly as it talks to PostgreSQL, and a long
// query never blocks the HTTP event loop. Plain JavaScript because worker threads start without the
// TypeScript loader.
import { createServer } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const TERMINATE = 0x58; // 'X'

/** @type {{ dataDir?: string, loadDataDir?: Uint8Array }} */
const options = workerData ?? {};

const db = await PGlite.create({
  dataDir: options.dataDir,
  loadDataDir: options.loadDataDir ? new Blob([options.loadDataDir]) : undefined,
  extensions: { pg_trgm, citext },
});

/**
 * PGlite has one backend session, so connections take turns: the next one starts only after the
 * previous closed, and whatever it left open is rolled back first.
 * @type {Promise<void>}
 */
let turn = Promise.resolve();

/** @param {import('node:net').Socket} socket */
function serve(socket) {
  socket.pause();
  turn = turn.then(
    () =>
      new Promise((release) => {
        let buffer = Buffer.alloc(0);
        let started = false;
        let work = Promise.resolve();
        const done = () => {
          work.then(() => db.exec("ROLLBACK; RESET ALL;").catch(() => undefined)).finally(() => release(undefined));
        };
        socket.once("close", done);
        socket.on("error", () => socket.destroy());
        socket.on("data", (chunk) => {
          buffer = Buffer.concat([buffer, chunk]);
          const messages = [];
          let closing = false;
          while (true) {
            if (!started) {
              if (buffer.length < 8) break;
              const length = buffer.readInt32BE(0);
              if (buffer.length < length) break;
              const code = buffer.readInt32BE(4);
              const message = buffer.subarray(0, length);
              buffer = buffer.subarray(length);
              if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
                work = work.then(() => void socket.write("N"));
                continue;
              }
              if (code === CANCEL_REQUEST) {
                closing = true;
                break;
              }
              started = true;
              messages.push(message);
              continue;
            }
            if (buffer.length < 5) break;
            const length = buffer.readInt32BE(1) + 1;
            if (buffer.length < length) break;
            const message = buffer.subarray(0, length);
            buffer = buffer.subarray(length);
            if (message[0] === TERMINATE) {
              closing = true;
              break;
            }
            messages.push(message);
          }
          if (messages.length > 0) {
            const batch = Buffer.concat(messages);
            work = work.then(async () => {
              const reply = await db.execProtocolRaw(new Uint8Array(batch));
              if (reply.length > 0 && socket.writable) socket.write(reply);
            });
          }
          if (closing) work = work.then(() => void socket.end());
          work = work.catch(() => socket.destroy());
        });
        socket.resume();
      }),
  );
}

const server = createServer(serve);
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  parentPort?.postMessage({ type: "ready", port: typeof address === "object" && address ? address.port : 0 });
});

parentPort?.on("message", async (message) => {
  if (message?.type === "dump") {
    const file = await db.dumpDataDir("gzip");
    parentPort?.postMessage({ type: "dump", data: new Uint8Array(await file.arrayBuffer()) });
  }
  if (message?.type === "stop") {
    server.close();
    await turn;
    await db.close();
    parentPort?.postMessage({ type: "stopped" });
  }
});

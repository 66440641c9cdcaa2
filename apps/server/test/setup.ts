import pg from "pg";
import { afterAll, afterEach, expect } from "vitest";

/**
 * Fails any test that issues a query on a connection while another query on that same connection
 * is still running (typically `Promise.all` over a transaction). node-postgres only queues such
 * queries, warns once per process and only from the third one on, and pg@9 rejects them; counting
 * the queries in flight on each connection catches the two-query case and every occurrence.
 * Queries through the pool are not affected: each takes a connection of its own.
 */
type Query = (this: pg.Client, ...args: unknown[]) => unknown;

const originalQuery = pg.Client.prototype.query as unknown as Query;
const inFlight = new WeakMap<pg.Client, number>();
const overlaps: string[] = [];

function describeQuery(args: unknown[]): string {
  const first = args[0];
  const text = typeof first === "string" ? first : (first as { text?: unknown } | undefined)?.text;
  return typeof text === "string" ? text.replace(/\s+/g, " ").trim().slice(0, 160) : "(submittable)";
}

const guardedQuery: Query = function (this: pg.Client, ...args: unknown[]) {
  const running = inFlight.get(this) ?? 0;
  if (running > 0) {
    const where = expect.getState().currentTestName ?? "outside a test";
    overlaps.push(
      `${where}: query started while ${running} other(s) ran on the same connection: ${describeQuery(args)}`,
    );
  }
  const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
  const last = args.at(-1);
  if (typeof last === "function") {
    inFlight.set(this, running + 1);
    args[args.length - 1] = function (this: unknown, ...results: unknown[]) {
      done();
      return (last as (...r: unknown[]) => unknown).apply(this, results);
    };
    return originalQuery.apply(this, args);
  }
  const result = originalQuery.apply(this, args);
  // Promise queries are counted until they settle; streams and cursors (submittables) are not tracked.
  if (result && typeof (result as PromiseLike<unknown>).then === "function") {
    inFlight.set(this, running + 1);
    (result as PromiseLike<unknown>).then(done, done);
  }
  return result;
};
pg.Client.prototype.query = guardedQuery as unknown as typeof pg.Client.prototype.query;

function takeOverlaps(): string[] {
  return overlaps.splice(0, overlaps.length);
}

afterEach(() => {
  const found = takeOverlaps();
  if (found.length > 0) throw new Error(`Concurrent queries on one connection:\n${found.join("\n")}`);
});

afterAll(() => {
  const found = takeOverlaps();
  if (found.length > 0) throw new Error(`Concurrent queries on one connection:\n${found.join("\n")}`);
});

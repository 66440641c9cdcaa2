import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { createDatabase } from "..";

// The embedded database runs on its own thread, so a long query must not stall the event loop.
describe("embedded PostgreSQL (PGlite on a worker thread)", () => {
  it("keeps answering HTTP while a heavy query runs, and round-trips a dump", async () => {
    const database = await createDatabase({});
    const server = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const started = Date.now();
      const heavy = database.pool.query("select count(*)::int as n from generate_series(1, 8000000) g where g % 7 = 0");
      const latencies: number[] = [];
      let done = false;
      heavy.finally(() => {
        done = true;
      });
      while (!done) {
        const t0 = performance.now();
        const response = await fetch(`http://127.0.0.1:${port}/`);
        await response.text();
        latencies.push(performance.now() - t0);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const result = await heavy;
      const queryMs = Date.now() - started;
      expect(result.rows[0]?.n).toBe(1142857);
      expect(latencies.length).toBeGreaterThan(5);
      latencies.sort((a, b) => a - b);
      const worst = latencies[latencies.length - 1] ?? 0;
      // The query takes seconds; every health probe during it answered far faster than that.
      expect(worst).toBeLessThan(Math.min(500, queryMs / 2));

      await database.pool.query("create table kept (v text)");
      await database.pool.query("insert into kept values ('survives a dump')");
      const dump = await database.embedded?.dump();
      const copy = await createDatabase({ loadDataDir: dump });
      try {
        expect((await copy.pool.query("select v from kept")).rows).toEqual([{ v: "survives a dump" }]);
      } finally {
        await copy.close();
      }
    } finally {
      server.close();
      await database.close();
    }
  });

  it("serializes transactions on its single session and rolls back what a dropped connection left open", async () => {
    const database = await createDatabase({});
    try {
      await database.pool.query("create table t (id int primary key)");
      const client = await database.pool.connect();
      await client.query("begin");
      await client.query("insert into t values (1)");
      client.release(true); // destroy the connection mid-transaction
      const { rows } = await database.pool.query("select count(*)::int as n from t");
      expect(rows[0]?.n).toBe(0);
    } finally {
      await database.close();
    }
  });
});

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/db";
import { takeOverlaps } from "../../test/setup";
import { type Database, transaction } from ".";

// The test setup fails any test that runs queries concurrently on one connection; this checks that
// it notices (the one place that does so on purpose) and that it lets the allowed patterns through.
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("the concurrent-query guard", () => {
  it("records a query started on a transaction while another runs on it", async () => {
    await transaction(database, async (tx) => {
      await Promise.all([tx.execute(sql`select 1 as first`), tx.execute(sql`select 2 as second`)]);
    });
    const found = takeOverlaps();
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("select 2 as second");
  });

  it("lets sequential queries on a transaction and parallel ones through the pool pass", async () => {
    await transaction(database, async (tx) => {
      await tx.execute(sql`select 1`);
      await tx.execute(sql`select 2`);
    });
    await Promise.all([database.db.execute(sql`select 1`), database.db.execute(sql`select 2`)]);
    expect(takeOverlaps()).toEqual([]);
  });
});

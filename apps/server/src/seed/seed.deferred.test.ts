import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app";
import { createWorld } from "../../test/factories";
import { transaction } from "../db";
import { attributionSeed } from "../modules/attribution";
import { metricsSeed } from "../modules/metrics";
import { insertMetricData } from "../modules/metrics/metrics.fixtures";
import { findWorkspaceBySlug } from "../modules/workspaces";
import type { SeedContext } from "./registry";

const harness = useTestApp();

describe("large demo seeds", () => {
  it("compute the linear snapshot and the read models after the seed transaction commits", async () => {
    const world = await createWorld(harness.database, "Large demo");
    await insertMetricData(harness.database, world.workspaceId, {
      accounts: [{ key: "A1", region: "EMEA" }],
      deals: [
        {
          key: "o1",
          account: "A1",
          outcome: "won",
          amount: 500_000,
          opened: "2026-01-05",
          closed: "2026-03-01",
          touchedBy: [world.partnerA.id],
        },
      ],
    });
    const refs = new Map<string, string>();
    const progress: string[] = [];
    const demo = { scale: 11 };
    const database = harness.database;
    const snapshots = () =>
      database.db.execute(
        sql`select model, status from attribution_snapshots where workspace_id = ${world.workspaceId}`,
      );
    const slug = (await database.db.execute(sql`select slug from workspaces where id = ${world.workspaceId}`)).rows[0]
      ?.slug;
    await transaction(database, async (tx) => {
      const workspace = await findWorkspaceBySlug(tx, String(slug));
      if (!workspace) throw new Error("workspace missing");
      const context: SeedContext = {
        tx,
        workspace,
        demoPasswordHash: "",
        refs,
        progress: (m) => progress.push(m),
        demo,
      };
      await attributionSeed.seed(context);
      await metricsSeed.seed(context);
    });
    // Inside the transaction: only the queued linear snapshot, no read models.
    expect((await snapshots()).rows).toEqual([{ model: "linear", status: "queued" }]);
    const refreshed = await database.db.execute(
      sql`select 1 from metric_refreshes where workspace_id = ${world.workspaceId}`,
    );
    expect(refreshed.rows).toHaveLength(0);

    const after = { database, workspaceId: world.workspaceId, refs, progress: (m: string) => progress.push(m), demo };
    await attributionSeed.afterCommit?.(after);
    await metricsSeed.afterCommit?.(after);
    expect((await snapshots()).rows).toEqual([{ model: "linear", status: "completed" }]);
    const facts = await database.db.execute(
      sql`select r.deal_rows, r.attribution_snapshot_id is not null as from_snapshot from metric_refreshes r where r.workspace_id = ${world.workspaceId}`,
    );
    expect(facts.rows).toEqual([{ deal_rows: 1, from_snapshot: true }]);
    expect(progress.join("\n")).toMatch(/attribution: linear snapshot in .* s\nmetric read models: 1 deals/);
  });
});

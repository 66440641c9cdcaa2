import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";

const harness = useTestApp();
let world: World;

beforeAll(async () => {
  world = await createWorld(harness.database, "Audit");
});

describe("audit log", () => {
  it("records a mutation with actor, before/after and request id, in the same transaction", async () => {
    const response = await harness.app.inject({
      method: "POST",
      url: "/api/console/partners",
      headers: { ...world.vendor.partner_manager.headers, "x-request-id": "req-audit-1" },
      payload: { name: "Audited Partner", website: "https://audited.example" },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers["x-request-id"]).toBe("req-audit-1");
    const log = await harness.app.inject({
      method: "GET",
      url: `/api/console/audit-events?entityId=${response.json().id}`,
      headers: world.vendor.admin.headers,
    });
    const [event] = log.json().items;
    expect(event).toMatchObject({
      action: "partner.created",
      entityType: "partner",
      actorType: "user",
      actorId: world.vendor.partner_manager.userId,
      actorLabel: world.vendor.partner_manager.email,
      requestId: "req-audit-1",
      after: { name: "Audited Partner", website: "https://audited.example" },
    });
  });

  it("writes nothing when the mutation fails", async () => {
    const before = await countEvents(world.workspaceId);
    const duplicate = await harness.app.inject({
      method: "POST",
      url: "/api/console/partners",
      headers: world.vendor.admin.headers,
      payload: { name: world.partnerA.name },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(await countEvents(world.workspaceId)).toBe(before);
  });

  it("filters by action and pages with a cursor, newest first", async () => {
    const first = await harness.app.inject({
      method: "GET",
      url: "/api/console/audit-events?action=user.created&limit=3",
      headers: world.vendor.admin.headers,
    });
    const page = first.json();
    expect(page.items).toHaveLength(3);
    expect(page.items.every((e: { action: string }) => e.action === "user.created")).toBe(true);
    const ids = page.items.map((e: { id: string }) => Number(e.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const next = await harness.app.inject({
      method: "GET",
      url: `/api/console/audit-events?action=user.created&limit=3&before=${page.nextCursor}`,
      headers: world.vendor.admin.headers,
    });
    expect(Number(next.json().items[0].id)).toBeLessThan(Math.min(...ids));
  });

  it("never shows another workspace's entries", async () => {
    const other = await createWorld(harness.database, "Other audit");
    const log = await harness.app.inject({
      method: "GET",
      url: "/api/console/audit-events?limit=200",
      headers: other.vendor.admin.headers,
    });
    const actorIds = log.json().items.map((e: { actorId: string }) => e.actorId);
    expect(actorIds).not.toContain(world.vendor.partner_manager.userId);
  });

  it("is append-only in the database itself: UPDATE, DELETE and TRUNCATE fail", async () => {
    const { db } = harness.database;
    await expectRejected(
      db.execute(sql`update audit_events set action = 'x' where workspace_id = ${world.workspaceId}`),
    );
    await expectRejected(db.execute(sql`delete from audit_events where workspace_id = ${world.workspaceId}`));
    await expectRejected(db.execute(sql`truncate audit_events`));
    expect(await countEvents(world.workspaceId)).toBeGreaterThan(0);
  });
});

async function countEvents(workspaceId: string): Promise<number> {
  const result = await harness.database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from audit_events where workspace_id = ${workspaceId}`,
  );
  return result.rows[0]?.n ?? 0;
}

/** drizzle wraps the database error; the trigger's message is on the cause. */
async function expectRejected(query: Promise<unknown>): Promise<void> {
  const error = await query.then(
    () => undefined,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(error, "the statement should have failed").toBeDefined();
  expect(`${error?.message} ${error?.cause?.message}`).toMatch(/audit_events is append-only/);
}

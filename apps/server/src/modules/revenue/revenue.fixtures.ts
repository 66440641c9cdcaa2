import { randomUUID } from "node:crypto";
import type { Database } from "../../db";
import { accountMatchKeys, accounts } from "../accounts";
import { touchpoints } from "../touchpoints/touchpoints.schema";
import { opportunities } from "./revenue.schema";

// Direct inserts for tests and the isolation matrix: records a test needs as targets, bypassing the API.

export async function insertAccount(
  database: Database,
  workspaceId: string,
  name = `Account ${randomUUID().slice(0, 6)}`,
) {
  const [row] = await database.db
    .insert(accounts)
    .values({ workspaceId, name, ...accountMatchKeys({ name }) })
    .returning();
  if (!row) throw new Error("account not inserted");
  return row;
}

export async function insertOpportunity(
  database: Database,
  workspaceId: string,
  values: Partial<typeof opportunities.$inferInsert> = {},
) {
  const [row] = await database.db
    .insert(opportunities)
    .values({
      workspaceId,
      name: `Deal ${randomUUID().slice(0, 6)}`,
      openedAt: new Date("2026-01-10T00:00:00Z"),
      amountMinor: 1_000_000,
      currency: "USD",
      amountReportingMinor: 1_000_000,
      ...values,
    })
    .returning();
  if (!row) throw new Error("opportunity not inserted");
  return row;
}

export async function insertTouchpoint(
  database: Database,
  workspaceId: string,
  values: Partial<typeof touchpoints.$inferInsert> & { partnerId: string },
) {
  const [row] = await database.db
    .insert(touchpoints)
    .values({
      workspaceId,
      type: "introduction",
      occurredAt: new Date("2026-01-15T00:00:00Z"),
      origin: "manual",
      ...values,
    })
    .returning();
  if (!row) throw new Error("touchpoint not inserted");
  return row;
}

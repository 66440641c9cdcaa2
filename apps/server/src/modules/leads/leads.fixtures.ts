import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { Database } from "../../db";
import { partners } from "../partners";

type Method = "GET" | "POST" | "PUT";

/** Test helper: one JSON call with a caller's headers. */
export function caller(app: () => FastifyInstance) {
  return async (method: Method, url: string, headers: Record<string, string> | null, payload?: unknown) =>
    app().inject({
      method,
      url,
      headers: headers ?? {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
}

/** Test helper: expects a status and returns the JSON body. */
export async function expectStatus<T = Record<string, unknown>>(
  response: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status: number,
): Promise<T> {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

/** Moves partners to `active` so the routing rule may pick them. */
export async function activatePartners(database: Database, workspaceId: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    await database.db
      .update(partners)
      .set({ stage: "active" })
      .where(and(eq(partners.workspaceId, workspaceId), eq(partners.id, id)));
  }
}

/** Inserts an extra active partner. */
export async function insertActivePartner(database: Database, workspaceId: string, name: string): Promise<string> {
  const [row] = await database.db
    .insert(partners)
    .values({ workspaceId, name: `${name} ${Math.random().toString(36).slice(2, 8)}`, stage: "active" })
    .returning({ id: partners.id });
  if (!row) throw new Error("partner not created");
  return row.id;
}

/** Pretends the pending offer of a lead ran out (its deadline moves into the past). */
export async function expireOffer(database: Database, workspaceId: string, leadId: string): Promise<void> {
  await database.db.execute(
    sql`update leads set offer_expires_at = now() - interval '1 minute' where workspace_id = ${workspaceId} and id = ${leadId}`,
  );
}

export const sampleLead = {
  company: "Contoso Ltd",
  contactName: "Dana Buyer",
  contactEmail: "dana@contoso.example",
  domain: "https://www.contoso.example/about",
  country: "gb",
  need: "Replace the legacy billing system",
  amountMinor: 2_500_000,
  currency: "eur",
};

import { and, eq, isNotNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { seedDemo } from "../../seed";
import { partnerStageTransitions, partners } from "./partners.schema";

const harness = useTestApp();

describe("the demo directory", () => {
  it("seeds ~60 partners across stages and types, with managers, transitions and the named partners", async () => {
    const { workspaceId } = await seedDemo(harness.database);
    const db = harness.database.db;
    const rows = await db.select().from(partners).where(eq(partners.workspaceId, workspaceId));
    expect(rows.length).toBeGreaterThanOrEqual(55);
    const byName = new Map(rows.map((row) => [row.name, row]));
    expect(byName.get("Northwind Consulting")).toMatchObject({ stage: "active", domain: "northwind.example" });
    expect(byName.get("Contoso Systems")).toMatchObject({ stage: "active", domain: "contoso-systems.example" });
    for (const name of ["Fabrikam Cloud Services", "Tailspin Integrations", "Litware Analytics"])
      expect(byName.has(name)).toBe(true);
    expect(new Set(rows.map((row) => row.stage)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(rows.flatMap((row) => row.types)).size).toBe(15);
    expect(rows.filter((row) => row.managerId).length).toBeGreaterThan(30);
    expect(rows.filter((row) => row.stage === "active").every((row) => row.activatedAt)).toBe(true);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(partnerStageTransitions)
      .where(and(eq(partnerStageTransitions.workspaceId, workspaceId), isNotNull(partnerStageTransitions.partnerId)));
    expect(count?.n).toBeGreaterThan(rows.length);
  });
});

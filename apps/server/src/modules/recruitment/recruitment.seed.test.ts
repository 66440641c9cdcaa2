import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { seedDemo } from "../../seed";
import { partnerAgreementStatuses } from "../agreements";
import { loadPartnerJourneys } from "../onboarding/onboarding.service";
import { partners } from "../partners/partners.schema";
import { idealPartnerProfiles, partnerApplications } from "./recruitment.schema";

const harness = useTestApp();

describe("the demo agreements, journeys and applications", () => {
  it("seeds acceptances, journeys in progress and applications waiting for vetting", async () => {
    const { workspaceId } = await seedDemo(harness.database);
    const db = harness.database.db;
    const named = async (name: string) => {
      const [row] = await db
        .select({ id: partners.id })
        .from(partners)
        .where(and(eq(partners.workspaceId, workspaceId), eq(partners.name, name)));
      return row?.id ?? "";
    };
    const northwind = await partnerAgreementStatuses(db, workspaceId, await named("Northwind Consulting"));
    expect(northwind.length).toBeGreaterThan(0);
    expect(northwind.every((a) => a.accepted && a.acceptance?.version === 2)).toBe(true);
    const contoso = await partnerAgreementStatuses(db, workspaceId, await named("Contoso Systems"));
    expect(contoso.length).toBeGreaterThan(0);
    expect(contoso.every((a) => !a.accepted && a.reacceptanceRequired)).toBe(true);

    const contosoJourneys = await loadPartnerJourneys(
      db,
      workspaceId,
      await named("Contoso Systems"),
      "partner",
      new Date(),
    );
    expect(contosoJourneys.some((j) => j.steps.some((s) => s.overdue))).toBe(true);
    const northwindJourneys = await loadPartnerJourneys(
      db,
      workspaceId,
      await named("Northwind Consulting"),
      "vendor",
      new Date(),
    );
    expect(northwindJourneys.every((j) => j.completedAt)).toBe(true);

    const profiles = await db
      .select()
      .from(idealPartnerProfiles)
      .where(eq(idealPartnerProfiles.workspaceId, workspaceId));
    expect(profiles).toHaveLength(3);
    const applications = await db
      .select()
      .from(partnerApplications)
      .where(eq(partnerApplications.workspaceId, workspaceId));
    expect(applications.length).toBeGreaterThanOrEqual(4);
    expect(applications.length).toBeLessThanOrEqual(6);
    expect(applications.every((a) => a.status === "received" || a.status === "in_vetting")).toBe(true);
    expect(new Set(applications.map((a) => a.fitScore)).size).toBeGreaterThan(1);
  });
});

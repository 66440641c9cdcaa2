import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import { ref, type SeedContributor } from "../../seed/registry";
import { programMemberships } from "../programs/programs.schema";
import { agreementAcceptances, agreements, agreementVersions } from "./agreements.schema";

const programKeys = ["reseller", "referral", "technology"] as const;

const titles: Record<(typeof programKeys)[number], string> = {
  reseller: "Reseller Partner Agreement",
  referral: "Referral Partner Terms",
  technology: "Technology Alliance Agreement",
};

function body(title: string, version: number): string {
  const commission =
    version === 1 ? "Commissions are paid quarterly." : "Commissions are paid monthly, within 30 days of collection.";
  return [
    `# ${title}`,
    "",
    `Version ${version}. This agreement sets out how you and Acme Cloud work together.`,
    "",
    "## Obligations",
    "",
    "- Represent Acme Cloud products accurately and follow the brand guidelines.",
    "- Register opportunities before engaging jointly with a customer.",
    "- Keep customer data confidential and handle it under applicable law.",
    "",
    "## Compensation",
    "",
    commission,
    "",
    "## Term",
    "",
    "The agreement runs for **12 months** and renews automatically unless either side gives 60 days' notice.",
  ].join("\n");
}

const DAY = 86_400_000;

/** One agreement per program with two versions: Northwind accepted v2; Contoso only v1 and must re-accept. */
export const agreementsSeed: SeedContributor = {
  module: "agreements",
  async seed(context) {
    const { tx, workspace, refs, progress } = context;
    const source = { actor: { kind: "system" as const, workspaceId: workspace.id, label: "demo seed" } };
    const now = Date.now();
    const latestByProgram = new Map<string, { v1: string; v2: string }>();
    for (const key of programKeys) {
      const programId = refs.get(`program:${key}`);
      if (!programId) continue;
      const [agreement] = await tx
        .insert(agreements)
        .values({ workspaceId: workspace.id, programId, title: titles[key], createdAt: new Date(now - 200 * DAY) })
        .returning();
      if (!agreement) continue;
      refs.set(`agreement:${key}`, agreement.id);
      const versions = await tx
        .insert(agreementVersions)
        .values(
          [1, 2].map((version) => ({
            workspaceId: workspace.id,
            agreementId: agreement.id,
            version,
            bodyMarkdown: body(titles[key], version),
            requiresReacceptance: true,
            publishedAt: new Date(now - (version === 1 ? 200 : 45) * DAY),
            publishedBy: "admin@acme.example",
          })),
        )
        .returning();
      const v1 = versions.find((v) => v.version === 1)?.id;
      const v2 = versions.find((v) => v.version === 2)?.id;
      if (v1 && v2) latestByProgram.set(programId, { v1, v2 });
      await recordAudit(tx, source, {
        action: "agreement.created",
        entityType: "agreement",
        entityId: agreement.id,
        after: { title: agreement.title, versions: 2 },
      });
    }
    const accept = async (partnerKey: string, email: string, which: "v1" | "v2", daysAgo: number) => {
      const partnerId = ref(context, `partner:${partnerKey}`);
      const userId = refs.get(`user:${email}`);
      if (!userId) return 0;
      const programIds = [...latestByProgram.keys()];
      const memberships = await tx
        .select({ programId: programMemberships.programId })
        .from(programMemberships)
        .where(
          and(
            eq(programMemberships.workspaceId, workspace.id),
            eq(programMemberships.partnerId, partnerId),
            inArray(programMemberships.programId, programIds),
          ),
        );
      for (const { programId } of memberships) {
        const versionId = latestByProgram.get(programId)?.[which];
        if (!versionId) continue;
        await tx.insert(agreementAcceptances).values({
          workspaceId: workspace.id,
          agreementVersionId: versionId,
          partnerId,
          userId,
          userEmail: email,
          acceptedAt: new Date(now - daysAgo * DAY),
          ipAddress: "203.0.113.24",
          userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15",
        });
        await recordAudit(tx, source, {
          action: "agreement.accepted",
          entityType: "agreement",
          entityId: versionId,
          partnerId,
          after: { versionId, userEmail: email },
        });
      }
      return memberships.length;
    };
    const northwind = await accept("northwind", "alex@northwind.example", "v2", 30);
    const contoso = await accept("contoso", "sam@contoso-systems.example", "v1", 150);
    progress(`${latestByProgram.size} agreements (Northwind accepted ${northwind}, Contoso must re-accept ${contoso})`);
  },
};

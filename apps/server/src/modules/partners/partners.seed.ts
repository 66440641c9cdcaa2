import { recordAudit } from "../../platform/audit";
import type { SeedContributor } from "../../seed/registry";
import { partners } from "./partners.schema";

const demoPartners = [
  { key: "northwind", name: "Northwind Consulting", website: "https://northwind.example" },
  { key: "contoso", name: "Contoso Systems", website: "https://contoso-systems.example" },
  { key: "fabrikam", name: "Fabrikam Cloud Services", website: "https://fabrikam.example" },
  { key: "tailspin", name: "Tailspin Integrations", website: "https://tailspin.example" },
  { key: "litware", name: "Litware Analytics", website: "https://litware.example" },
];

export const partnersSeed: SeedContributor = {
  module: "partners",
  async seed({ tx, workspace, refs, progress }) {
    const rows = await tx
      .insert(partners)
      .values(demoPartners.map((p) => ({ workspaceId: workspace.id, name: p.name, website: p.website })))
      .returning();
    for (const [index, row] of rows.entries()) {
      const key = demoPartners[index]?.key;
      if (key) refs.set(`partner:${key}`, row.id);
      await recordAudit(
        tx,
        { actor: { kind: "system", workspaceId: workspace.id, label: "demo seed" } },
        {
          action: "partner.created",
          entityType: "partner",
          entityId: row.id,
          partnerId: row.id,
          after: { name: row.name },
        },
      );
    }
    progress(`${rows.length} partner organizations`);
  },
};

import type { MapVariantsBody, VariantReport } from "@symbiont/contracts";
import { sql } from "drizzle-orm";
import { transaction } from "../../db";
import { recordAudit } from "../../platform/audit";
import { requireVendor, vendorWriters } from "../../platform/authz";
import { auditSource, type ServiceContext } from "../../platform/context";
import { ensureAccount } from "../accounts";
import { groupVariants } from "./revenue.crm";

/**
 * Spellings of products or account names (as the source wrote them) that differ only in case,
 * whitespace or punctuation, with how many opportunities use each.
 */
export async function listVariants(ctx: ServiceContext, field: "product" | "account"): Promise<VariantReport> {
  requireVendor(ctx.actor);
  const rows = await ctx.database.db.execute<{ value: string; n: number }>(
    field === "product"
      ? sql`select p as value, count(*)::int as n from opportunities, unnest(products) p
            where workspace_id = ${ctx.actor.workspaceId}::uuid group by p`
      : sql`select account_name as value, count(*)::int as n from opportunities
            where workspace_id = ${ctx.actor.workspaceId}::uuid and account_name is not null group by account_name`,
  );
  const values = rows.rows.flatMap((r) => Array.from({ length: Number(r.n) }, () => r.value));
  return { field, groups: groupVariants(values) };
}

/** The value-mapping step: rewrites spellings to one (and points those deals at one account). */
export async function mapVariants(ctx: ServiceContext, input: MapVariantsBody): Promise<{ opportunities: number }> {
  requireVendor(ctx.actor, vendorWriters);
  const workspaceId = ctx.actor.workspaceId;
  const from = `{${input.from.map((v) => `"${v.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`;
  return transaction(ctx.database, async (tx) => {
    let changed: number;
    if (input.field === "product") {
      const result = await tx.execute(sql`
        update opportunities set products = (
            select array_agg(distinct case when p = any(${from}::text[]) then ${input.to} else p end) from unnest(products) p),
          updated_at = now()
        where workspace_id = ${workspaceId}::uuid and products && ${from}::text[]`);
      changed = result.rowCount ?? 0;
    } else {
      const { account } = await ensureAccount(tx, auditSource(ctx), { workspaceId, name: input.to, via: "mapping" });
      const result = await tx.execute(sql`
        update opportunities set account_name = ${input.to}, account_id = ${account.id}::uuid, updated_at = now()
        where workspace_id = ${workspaceId}::uuid and account_name = any(${from}::text[])`);
      changed = result.rowCount ?? 0;
    }
    await recordAudit(tx, auditSource(ctx), {
      action: "opportunity.values_mapped",
      entityType: "opportunity",
      after: { field: input.field, from: input.from, to: input.to, opportunities: changed },
    });
    return { opportunities: changed };
  });
}

import { sql } from "drizzle-orm";
import type { Tx } from "../../db";
import { type AuditSource, recordAuditMany } from "../../platform/audit";
import type { PreparedRow } from "./partners.import.prepare";

const CHUNK = 5000;

/**
 * Writes prepared rows in bulk: each chunk is one statement over a JSON array
 * (`jsonb_to_recordset`), never a statement per row. Returns how many were created and updated.
 */
export async function writePartnerImport(
  tx: Tx,
  source: AuditSource,
  workspaceId: string,
  rows: PreparedRow[],
  onProgress: (done: number) => Promise<void>,
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const fresh = chunk.filter((r) => !r.updateOf).map((r) => record(r));
    const changes = chunk.filter((r) => r.updateOf).map((r) => ({ ...record(r), id: r.updateOf }));
    if (fresh.length > 0) {
      const inserted = await tx.execute<{ id: string; name: string }>(sql`
        insert into partners (workspace_id, name, legal_name, website, domain, hq_country, regions, industries, size,
          types, specializations, tags, custom_fields, description, stage)
        select ${workspaceId}::uuid, x.name, x.legal_name, x.website, x.domain, x.hq_country, x.regions, x.industries,
          x.size, x.types, x.specializations, x.tags, x.custom_fields, x.description, x.stage
        from jsonb_to_recordset(${JSON.stringify(fresh)}::jsonb) as x(name text, legal_name text, website text,
          domain text, hq_country text, regions text[], industries text[], size text, types text[],
          specializations text[], tags text[], custom_fields jsonb, description text, stage text)
        returning id, name`);
      created += inserted.rows.length;
      await recordAuditMany(
        tx,
        source,
        inserted.rows.map((row) => ({
          action: "partner.imported",
          entityType: "partner",
          entityId: row.id,
          partnerId: row.id,
          after: { name: row.name },
        })),
      );
    }
    if (changes.length > 0) {
      // Imported cells overwrite; empty cells keep what the directory already has.
      const result = await tx.execute<{ id: string; name: string }>(sql`
        update partners p set
          name = x.name,
          legal_name = coalesce(x.legal_name, p.legal_name),
          website = coalesce(x.website, p.website),
          hq_country = coalesce(x.hq_country, p.hq_country),
          regions = case when cardinality(x.regions) > 0 then x.regions else p.regions end,
          industries = case when cardinality(x.industries) > 0 then x.industries else p.industries end,
          size = coalesce(x.size, p.size),
          types = case when cardinality(x.types) > 0 then x.types else p.types end,
          specializations = case when cardinality(x.specializations) > 0 then x.specializations else p.specializations end,
          tags = (select array(select distinct unnest(p.tags || x.tags))),
          custom_fields = p.custom_fields || x.custom_fields,
          description = coalesce(x.description, p.description),
          updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as x(id uuid, name text, legal_name text,
          website text, hq_country text, regions text[], industries text[], size text, types text[],
          specializations text[], tags text[], custom_fields jsonb, description text)
        where p.workspace_id = ${workspaceId}::uuid and p.id = x.id
        returning p.id, p.name`);
      updated += result.rows.length;
      await recordAuditMany(
        tx,
        source,
        result.rows.map((row) => ({
          action: "partner.updated_by_import",
          entityType: "partner",
          entityId: row.id,
          partnerId: row.id,
          after: { name: row.name },
        })),
      );
    }
    await onProgress(Math.min(rows.length, start + chunk.length));
  }
  return { created, updated };
}

function record(row: PreparedRow) {
  const v = row.value;
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  return {
    name: v.name,
    legal_name: v.legalName ?? null,
    website: v.website ?? null,
    domain: v.domain,
    hq_country: v.hqCountry ?? null,
    regions: list(v.regions),
    industries: list(v.industries),
    size: v.size ?? null,
    types: list(v.types),
    specializations: list(v.specializations),
    tags: list(v.tags),
    custom_fields: v.customFields ?? {},
    description: v.description ?? null,
    stage: v.stage ?? "prospect",
  };
}

import { Readable } from "node:stream";
import type { PartnerListFilters, PartnerRecord } from "@symbiont/contracts";
import { requireVendor } from "../../platform/authz";
import type { ServiceContext } from "../../platform/context";
import { csvLine } from "./partners.csv";
import { findPartnerPage, listCustomFieldDefinitions, type PartnerSort } from "./partners.queries";

const PAGE = 1000;

const columns: [string, (p: PartnerRecord) => unknown][] = [
  ["Name", (p) => p.name],
  ["Legal name", (p) => p.legalName],
  ["Website", (p) => p.website],
  ["Domain", (p) => p.domain],
  ["HQ country", (p) => p.hqCountry],
  ["Regions", (p) => p.regions],
  ["Industries", (p) => p.industries],
  ["Size", (p) => p.size],
  ["Partner types", (p) => p.types],
  ["Specializations", (p) => p.specializations],
  ["Tags", (p) => p.tags],
  ["Stage", (p) => p.stage],
  ["Manager", (p) => p.manager?.email],
  ["Description", (p) => p.description],
];

/**
 * The filtered directory as CSV, streamed page by page so 100,000 partners never sit in memory
 * at once. Cells that a spreadsheet would run as formulas are neutralised.
 */
export async function exportPartnersCsv(
  ctx: ServiceContext,
  filters: PartnerListFilters,
  sort: PartnerSort,
): Promise<Readable> {
  requireVendor(ctx.actor);
  const { db } = ctx.database;
  const definitions = await listCustomFieldDefinitions(db, ctx.actor.workspaceId);
  const workspaceId = ctx.actor.workspaceId;
  async function* lines() {
    yield `\uFEFF${csvLine([...columns.map(([title]) => title), ...definitions.map((d) => d.label)])}`;
    for (let offset = 0; ; offset += PAGE) {
      const page = await findPartnerPage(db, workspaceId, filters, sort, { limit: PAGE, offset });
      for (const partner of page.items) {
        yield csvLine([
          ...columns.map(([, value]) => value(partner)),
          ...definitions.map((d) => partner.customFields[d.key]),
        ]);
      }
      if (page.items.length < PAGE) return;
    }
  }
  return Readable.from(lines());
}

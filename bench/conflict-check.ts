// Deal-registration conflict check at scale, on PostgreSQL: p50/p95/p99 of one check end to end (the
// production lookup `deal_conflict_lookup` on the real, migrated schema + scoring + decision in TS)
// against 1,000,000 accounts plus 200,000 open registrations, and of a plain pg_trgm `name % $1 order by similarity desc limit 10` query over the
// same probes in the same run.
//
//   npx tsx bench/conflict-check.ts
//
// Environment: BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh
// database `symbiont_bench_conflicts` is created there and dropped at the end.
// BENCH_ACCOUNTS (1,000,000), BENCH_REGISTRATIONS (200,000), BENCH_PROBES (1,000), BENCH_KEEP=1.
import { mkdirSync, writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { COMPANIES } from "../apps/server/src/modules/deals/conflicts/conflicts.accuracy.data";
import {
  type CandidateRow,
  type ConflictProbe,
  candidateColumns,
  checkConflicts,
  keyFrequencyFromStats,
  normalizeCompanyName,
  probeLookupValues,
  rowToCandidate,
} from "../apps/server/src/modules/deals/conflicts/index";
import { CONFLICT_LOOKUP_SQL, NAME_KEY_STATS_SQL } from "../apps/server/src/modules/deals/index";
import { runCli } from "./support/processes";

const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const accounts = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);
const registrations = Number(process.env.BENCH_REGISTRATIONS ?? 200_000);
const probeCount = Number(process.env.BENCH_PROBES ?? 1_000);
const DB_NAME = "symbiont_bench_conflicts";
const benchUrl = adminUrl.replace(/\/[^/]*$/, `/${DB_NAME}`);
// The whole run gives up after this long (loading + indexing + probes).
const DEADLINE = Date.now() + 20 * 60_000;

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = seeded(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

// A vocabulary of pronounceable made-up words, so names collide about as often as real ones do.
const SYLLABLES =
  "ba be bi bo bu ca co cu da de di do ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za zo xen tor lex mar quin dral".split(
    " ",
  );
const UNUSED_SYLLABLES = "qwa jyo fex wub yig hux qoz vyp".split(" ");
const WORDS = Array.from({ length: 40_000 }, () =>
  Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(SYLLABLES)).join(""),
);
const SECOND =
  "Systems Foods Logistics Health Robotics Textiles Energy Studios Mining Clinics Bank Motors Pharma Retail Capital Media Labs Solutions Airlines Insurance Steel Chemicals Foods Water Partners".split(
    " ",
  );
const FORMS = [
  "Inc.",
  "Ltd",
  "LLC",
  "GmbH",
  "S.A.",
  "Corp.",
  "Limited",
  "AG",
  "B.V.",
  "plc",
  "Pty Ltd",
  "S.r.l.",
  "SAS",
  "",
];
const COUNTRIES = ["US", "US", "US", "GB", "DE", "FR", "NL", "IT", "ES", "JP", "CA", "AU", "BR", "IN"];
const title = (w: string): string => w[0]!.toUpperCase() + w.slice(1);

interface Company {
  name: string;
  domain: string;
  country: string;
}

function syntheticCompany(i: number): Company {
  const w1 = pick(WORDS);
  const two = rnd() < 0.6;
  const w2 = two ? pick(rnd() < 0.5 ? SECOND : WORDS) : "";
  const name = [title(w1), two ? title(w2) : "", pick(FORMS)].filter(Boolean).join(" ");
  return {
    name,
    domain: `${w1}${w2.toLowerCase()}${i % 97 === 0 ? "" : i.toString(36)}.com`,
    country: pick(COUNTRIES),
  };
}

const esc = (v: string | null): string => (v === null ? "\\N" : v.replace(/[\\\t\n\r]/g, " "));
const arr = (xs: string[]): string => `{${xs.map((x) => `"${x}"`).join(",")}}`;

const OWNER = "00000000-0000-4000-8000-000000000001";

/** A row of `accounts`: every tenth a customer, the rest prospects owned by direct sales. */
function accountLine(workspaceId: string, i: number, c: Company): string {
  const d = candidateColumns({ id: String(i), kind: "account", name: c.name, domain: c.domain, country: c.country });
  const customer = i % 10 === 0;
  const cols = [
    workspaceId,
    c.name,
    c.domain,
    d.domain,
    d.country,
    d.name_normalized,
    arr(d.name_keys),
    customer ? "customer" : "prospect",
    customer ? null : OWNER,
  ];
  return `${cols.map((v) => esc(v)).join("\t")}\n`;
}

/** A submitted registration of one of the partners, contact e-mail at the company's domain. */
function registrationLine(workspaceId: string, partnerId: string, i: number, c: Company): string {
  const d = candidateColumns({ id: String(i), kind: "account", name: c.name, domain: c.domain, country: c.country });
  const cols = [
    workspaceId,
    partnerId,
    "bench",
    c.name,
    c.domain,
    d.domain,
    d.domain,
    d.country,
    d.name_normalized,
    arr(d.name_keys),
    "submitted",
    "2026-11-01T00:00:00Z",
  ];
  return `${cols.map((v) => esc(v)).join("\t")}\n`;
}

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (x: number): number => Math.round(x * 100) / 100;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists ${DB_NAME} with (force)`);
await admin.query(`create database ${DB_NAME}`);
const client = new pg.Client({ connectionString: benchUrl });
const results: Record<string, unknown> = { database: "PostgreSQL", accounts, registrations, probes: probeCount };
try {
  await client.connect();
  const version = await client.query<{ v: string }>("select current_setting('server_version') v");
  results.serverVersion = version.rows[0]!.v;
  // The real schema, migrations and all: the check below is the one registrations run.
  const root = fileURLToPath(new URL("..", import.meta.url));
  await runCli(`${root}apps/server/bin/symbiont.mjs`, root, ["migrate"], { ...process.env, DATABASE_URL: benchUrl });
  const ws = await client.query<{ id: string }>(
    "insert into workspaces (name, slug) values ('Conflict bench', 'conflict-bench') returning id",
  );
  const workspaceId = ws.rows[0]!.id;
  const partnerRows = await client.query<{ id: string }>(
    "insert into partners (workspace_id, name) select $1, 'Bench partner ' || n from generate_series(1, 500) n returning id",
    [workspaceId],
  );
  const partnerIds = partnerRows.rows.map((r) => r.id);
  // Bulk load: the name indexes are dropped and built again afterwards from their own definitions
  // (one sort instead of a million GIN insertions); fastupdate stays off as the migration set it.
  const ginIndexes = [
    "accounts_name_keys_idx",
    "accounts_name_trgm_idx",
    "deal_registrations_name_keys_idx",
    "deal_registrations_name_trgm_idx",
  ];
  const definitions = await client.query<{ indexdef: string }>(
    "select indexdef from pg_indexes where schemaname = current_schema() and indexname = any($1::text[])",
    [ginIndexes],
  );
  for (const index of ginIndexes) await client.query(`drop index ${index}`);

  // Load: the real companies of the labelled set first (exact probes can hit them), then synthetic ones.
  const t0 = performance.now();
  const real: Company[] = COMPANIES.map((line) => {
    const [name = "", domain = "", country = ""] = line.split("|");
    return { name, domain, country };
  });
  const sample: Company[] = [];
  const total = accounts + registrations;
  function* lines(from: number, to: number): Generator<string> {
    let batch = "";
    for (let i = from; i < to; i++) {
      const c = i < real.length ? real[i]! : syntheticCompany(i);
      if (i % Math.floor(total / 2000) === 0) sample.push(c);
      batch +=
        i < accounts
          ? accountLine(workspaceId, i, c)
          : registrationLine(workspaceId, partnerIds[i % partnerIds.length]!, i, c);
      if (batch.length > 1 << 20) {
        yield batch;
        batch = "";
      }
    }
    if (batch) yield batch;
  }
  await pipeline(
    Readable.from(lines(0, accounts)),
    client.query(
      copyFrom(
        "copy accounts (workspace_id, name, website, domain, country, name_normalized, name_keys, status, owner_id) from stdin",
      ),
    ),
  );
  await pipeline(
    Readable.from(lines(accounts, total)),
    client.query(
      copyFrom(
        "copy deal_registrations (workspace_id, partner_id, created_by_label, company_name, website, domain, email_domain, country, name_normalized, name_keys, status, submitted_at) from stdin",
      ),
    ),
  );
  const loadSeconds = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  await client.query("set maintenance_work_mem = '1GB'");
  for (const { indexdef } of definitions.rows) await client.query(indexdef);
  await client.query("vacuum analyze accounts");
  await client.query("vacuum analyze deal_registrations");
  const indexSeconds = (performance.now() - t1) / 1000;
  const size = await client.query<{ table: string; indexes: string }>(
    `select pg_size_pretty(pg_table_size('accounts') + pg_table_size('deal_registrations')) as table,
       pg_size_pretty(pg_indexes_size('accounts') + pg_indexes_size('deal_registrations')) as indexes`,
  );
  Object.assign(results, { loadSeconds: round(loadSeconds), indexSeconds: round(indexSeconds), size: size.rows[0] });
  process.stdout.write(
    `loaded ${total} rows in ${round(loadSeconds)} s, indexed, vacuumed and analyzed in ${round(indexSeconds)} s\n`,
  );

  // Probes: a third exact (a stored name and domain), a third variants (typo, other legal form,
  // subdomain, free-mail contact), a third companies that are not stored.
  const probes: { kind: string; probe: ConflictProbe }[] = [];
  for (let n = 0; n < probeCount; n++) {
    const c = pick(sample);
    const mode = n % 3;
    if (mode === 0) probes.push({ kind: "exact", probe: { name: c.name, domain: c.domain, country: c.country } });
    else if (mode === 1) {
      const base = normalizeCompanyName(c.name);
      const at = 1 + Math.floor(rnd() * Math.max(1, base.length - 2));
      const typo = base.slice(0, at) + base.slice(at + 1);
      const variant =
        rnd() < 0.5
          ? { name: `${typo} ${pick(FORMS)}`, contactEmail: "jane.doe@gmail.com", country: c.country }
          : { name: `${base.toUpperCase()} ${pick(FORMS)}`, domain: `https://shop.${c.domain}/x` };
      probes.push({ kind: "variant", probe: variant });
    } else {
      // Built from syllables the stored names never use, so nothing should match.
      const word = Array.from({ length: 3 }, () => pick(UNUSED_SYLLABLES)).join("");
      const name = `${title(word)} ${pick(SECOND)} ${pick(FORMS)}`.trim();
      probes.push({ kind: "no-match", probe: { name, domain: `${word}.com`, country: pick(COUNTRIES) } });
    }
  }

  // Rare-key preference from PostgreSQL's element statistics, read as registrations read them.
  const stats = await client.query<{ elems: string[] | null; freqs: number[] | null; rows: number }>(
    NAME_KEY_STATS_SQL,
  );
  const perTable = stats.rows.map((r) => keyFrequencyFromStats(r.elems ?? [], r.freqs ?? [], Number(r.rows)));
  const keyFrequency = (key: string) => perTable.reduce((sum, f) => sum + f(key), 0);
  results.commonKeysKnown = stats.rows.reduce((n, r) => n + (r.elems?.length ?? 0), 0);

  // The production lookup (stored function `deal_conflict_lookup`), prepared once per connection.
  const lookup = async (probe: ConflictProbe, trigram: boolean) => {
    const values = probeLookupValues(probe, { workspaceId, excludePartnerId: partnerIds[1]!, keyFrequency });
    const { rows } = await client.query<CandidateRow>({
      name: trigram ? "conflict-lookup-trgm" : "conflict-lookup",
      text: CONFLICT_LOOKUP_SQL,
      values: [...values, trigram],
    });
    return rows;
  };
  const engineRun = async (probe: ConflictProbe) => {
    const rows = await lookup(probe, false);
    return { result: checkConflicts(probe, rows.map(rowToCandidate)), candidates: rows.length };
  };
  const engineTrgmRun = async (probe: ConflictProbe) =>
    checkConflicts(probe, (await lookup(probe, true)).map(rowToCandidate));
  const trgmRun = async (probe: ConflictProbe) => {
    const { rows } = await client.query({
      name: "plain-trgm",
      text: "select id, name, similarity(name_normalized, $1) as s from accounts where name_normalized % $1 order by s desc limit 10",
      values: [normalizeCompanyName(probe.name)],
    });
    return rows.length;
  };

  for (const { probe } of probes.slice(0, 50)) {
    await engineRun(probe);
    await engineTrgmRun(probe);
    await trgmRun(probe);
  }
  const engineMs: number[] = [];
  const trgmMs: number[] = [];
  const engineTrgmMs: number[] = [];
  const decisions: Record<string, Record<string, number>> = {};
  let candidates = 0;
  for (const { kind, probe } of probes) {
    if (Date.now() > DEADLINE) throw new Error("bench deadline reached");
    let t = performance.now();
    const run = await engineRun(probe);
    engineMs.push(performance.now() - t);
    candidates += run.candidates;
    const byKind = decisions[kind] ?? {};
    decisions[kind] = byKind;
    byKind[run.result.decision] = (byKind[run.result.decision] ?? 0) + 1;
    t = performance.now();
    await engineTrgmRun(probe);
    engineTrgmMs.push(performance.now() - t);
    t = performance.now();
    await trgmRun(probe);
    trgmMs.push(performance.now() - t);
  }
  const summarize = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { p50: round(pct(s, 50)), p95: round(pct(s, 95)), p99: round(pct(s, 99)), max: round(s[s.length - 1]!) };
  };
  Object.assign(results, {
    engine: summarize(engineMs),
    engineWithTrigramBranch: summarize(engineTrgmMs),
    plainTrigram: summarize(trgmMs),
    meanCandidatesPerCheck: round(candidates / probes.length),
    decisionsByProbeKind: decisions,
    targetP95Ms: 10,
  });
  const e = results.engine as ReturnType<typeof summarize>;
  const p = results.plainTrigram as ReturnType<typeof summarize>;
  const et = results.engineWithTrigramBranch as ReturnType<typeof summarize>;
  process.stdout.write(
    `conflict check (lookup + scoring + decision)      : p50 ${e.p50} ms  p95 ${e.p95} ms  p99 ${e.p99} ms\n` +
      `the same with the optional trigram branch:           p50 ${et.p50} ms  p95 ${et.p95} ms  p99 ${et.p99} ms\n` +
      `plain pg_trgm similarity query:                      p50 ${p.p50} ms  p95 ${p.p95} ms  p99 ${p.p99} ms\n` +
      `decisions by probe kind: ${JSON.stringify(decisions)}\n`,
  );
} finally {
  await client.end().catch(() => undefined);
  // BENCH_KEEP=1 leaves the database for EXPLAIN sessions (drop it by hand afterwards).
  if (process.env.BENCH_KEEP !== "1") await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.end();
}
const outDir = fileURLToPath(new URL("results/", import.meta.url));
mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}conflict-check.json`, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write("wrote bench/results/conflict-check.json\n");

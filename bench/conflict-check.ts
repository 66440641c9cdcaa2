// Deal-registration conflict check at scale, on PostgreSQL: p50/p95/p99 of one check end to end
// (candidateQuery + scoring + decision in TS) against 1,000,000 accounts plus 200,000 open
// registrations, and of a plain pg_trgm `name % $1 order by similarity desc limit 10` query over the
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
  candidateQuery,
  checkConflicts,
  keyFrequencyFromStats,
  normalizeCompanyName,
  rowToCandidate,
} from "../apps/server/src/modules/deals/conflicts/index";

const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const accounts = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);
const registrations = Number(process.env.BENCH_REGISTRATIONS ?? 200_000);
const probeCount = Number(process.env.BENCH_PROBES ?? 1_000);
const DB_NAME = "symbiont_bench_conflicts";
const benchUrl = adminUrl.replace(/\/[^/]*$/, `/${DB_NAME}`);
const WORKSPACE = "bench-workspace";
// The whole run gives up after this long (loading + indexing + probes).
const DEADLINE = Date.now() + 8 * 60_000;

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

function copyLine(id: number, kind: string, c: Company, partnerId: string | null): string {
  const record = { id: String(id), kind: "account" as const, name: c.name, domain: c.domain, country: c.country };
  const d = candidateColumns(record);
  const emailDomain = kind === "registration" ? d.domain : null;
  const cols = [
    WORKSPACE,
    String(id),
    kind,
    c.name,
    d.name_normalized,
    arr(d.name_keys),
    d.domain,
    emailDomain,
    null,
    d.country,
    partnerId,
    null,
    null,
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
  await client.query("create extension pg_trgm");
  await client.query(`create table bench_candidates (
    workspace_id text not null, record_id text not null, kind text not null, display_name text not null,
    name_normalized text not null, name_keys text[] not null, domain text, email_domain text, phone_e164 text,
    country text, partner_id text, list_name text, engaged_at timestamptz)`);

  // Load: the real companies of the labelled set first (exact probes can hit them), then synthetic ones.
  const t0 = performance.now();
  const real: Company[] = COMPANIES.map((line) => {
    const [name = "", domain = "", country = ""] = line.split("|");
    return { name, domain, country };
  });
  const sample: Company[] = [];
  const total = accounts + registrations;
  function* lines(): Generator<string> {
    let batch = "";
    for (let i = 0; i < total; i++) {
      const c = i < real.length ? real[i]! : syntheticCompany(i);
      if (i % Math.floor(total / 2000) === 0) sample.push(c);
      const isRegistration = i >= accounts;
      const kind = isRegistration ? "registration" : i % 10 === 0 ? "customer" : "account";
      batch += copyLine(i, kind, c, isRegistration ? `partner-${i % 500}` : null);
      if (batch.length > 1 << 20) {
        yield batch;
        batch = "";
      }
    }
    if (batch) yield batch;
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom("copy bench_candidates from stdin")));
  const loadSeconds = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  await client.query("create index on bench_candidates (workspace_id, domain)");
  await client.query("create index on bench_candidates (workspace_id, email_domain)");
  await client.query("create index on bench_candidates (workspace_id, phone_e164)");
  await client.query("create index on bench_candidates using gin (name_normalized gin_trgm_ops)");
  await client.query("create index on bench_candidates using gin (name_keys)");
  await client.query("vacuum analyze bench_candidates");
  const indexSeconds = (performance.now() - t1) / 1000;
  const size = await client.query<{ table: string; indexes: string }>(
    "select pg_size_pretty(pg_table_size('bench_candidates')) as table, pg_size_pretty(pg_indexes_size('bench_candidates')) as indexes",
  );
  Object.assign(results, { loadSeconds: round(loadSeconds), indexSeconds: round(indexSeconds), size: size.rows[0] });
  process.stdout.write(`loaded ${total} rows in ${round(loadSeconds)} s, indexed in ${round(indexSeconds)} s\n`);

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

  // Rare-key preference: PostgreSQL's element statistics say which name keys are common.
  await client.query("alter table bench_candidates alter column name_keys set statistics 1000");
  await client.query("analyze bench_candidates");
  const stats = await client.query<{ elems: string[] | null; freqs: number[] | null }>(
    "select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs from pg_stats where tablename = 'bench_candidates' and attname = 'name_keys'",
  );
  const keyFrequency = keyFrequencyFromStats(stats.rows[0]?.elems ?? [], stats.rows[0]?.freqs ?? [], total);
  results.commonKeysKnown = stats.rows[0]?.elems?.length ?? 0;

  const engineRun = async (probe: ConflictProbe) => {
    const q = candidateQuery(probe, {
      relation: "bench_candidates",
      workspaceId: WORKSPACE,
      excludePartnerId: "partner-1",
      keyFrequency,
    });
    const { rows } = await client.query<CandidateRow>({ name: "conflict-candidates", text: q.text, values: q.values });
    return { result: checkConflicts(probe, rows.map(rowToCandidate)), candidates: rows.length };
  };
  const engineTrgmRun = async (probe: ConflictProbe) => {
    const q = candidateQuery(probe, {
      relation: "bench_candidates",
      workspaceId: WORKSPACE,
      excludePartnerId: "partner-1",
      keyFrequency,
      includeTrigram: true,
    });
    const { rows } = await client.query<CandidateRow>({
      name: "conflict-candidates-trgm",
      text: q.text,
      values: q.values,
    });
    return checkConflicts(probe, rows.map(rowToCandidate));
  };
  const trgmRun = async (probe: ConflictProbe) => {
    const { rows } = await client.query({
      name: "plain-trgm",
      text: "select record_id, display_name, similarity(name_normalized, $1) as s from bench_candidates where name_normalized % $1 order by s desc limit 10",
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
    `conflict check (candidateQuery + scoring + decision): p50 ${e.p50} ms  p95 ${e.p95} ms  p99 ${e.p99} ms\n` +
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

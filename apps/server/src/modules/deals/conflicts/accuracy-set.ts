// The labelled evaluation set (test support, not part of the public API): real company seeds from
// conflicts.accuracy.data.ts, indexed as the six candidate kinds, probed with seeded perturbations
// (legal forms, case, typos, diacritics, subdomains, free-mail contacts, "&"/"and", subsidiaries,
// divisions) and with negatives (held-out companies, look-alike names, synthetic names).
import { CandidateIndex } from "./blocking";
import { COMPANIES, HARD_NEGATIVES } from "./conflicts.accuracy.data";
import { checkConflicts } from "./decide";
import { normalizeCompanyName } from "./normalize";
import { CANDIDATE_KINDS, type CandidateRecord, type ConflictPolicy, type ConflictProbe, type Decision } from "./types";

export interface LabelledProbe {
  probe: ConflictProbe;
  expected: Decision;
  /** The indexed record a positive must be matched to. */
  expectedId?: string;
  variant: string;
}

export interface Outcome extends LabelledProbe {
  decision: Decision;
  matchedIds: string[];
}

/** mulberry32: a small seeded generator so the set is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Seed {
  name: string;
  domain: string;
  country: string;
}

function parse(line: string): Seed {
  const [name = "", domain = "", country = ""] = line.split("|");
  return { name, domain, country };
}

const FORMS = [
  "Inc.",
  "Ltd",
  "LLC",
  "GmbH",
  "S.A.",
  "Corp.",
  "Limited",
  "Co., Ltd.",
  "AG",
  "B.V.",
  "plc",
  "Pty Ltd",
  "S.r.l.",
  "Oy",
  "AB",
  "SAS",
  "Corporation",
  "S.p.A.",
];
const QUALIFIERS: [string, string][] = [
  ["Germany", "de"],
  ["UK", "co.uk"],
  ["France", "fr"],
  ["Japan", "jp"],
  ["Brasil", "com.br"],
  ["Nordics", "se"],
];
const FREE_MAIL = ["gmail.com", "outlook.com", "yahoo.com", "gmx.de", "hotmail.co.uk", "icloud.com"];
const SYLLABLES = [
  "va",
  "ro",
  "kin",
  "tel",
  "zu",
  "mar",
  "pex",
  "lo",
  "qui",
  "dra",
  "nov",
  "sil",
  "bre",
  "tan",
  "gor",
  "phy",
  "lux",
  "ven",
  "cal",
  "dit",
  "mo",
  "ser",
];
const TAILS = [
  "Analytics",
  "Foods",
  "Logistics",
  "Health",
  "Robotics",
  "Textiles",
  "Energy",
  "Studios",
  "Mining",
  "Clinics",
];
const ACCENTS: Record<string, string> = { a: "á", e: "é", i: "í", o: "ö", u: "ü", c: "ç", n: "ñ" };

export function buildLabelledSet(seed = 20_260_601): {
  records: CandidateRecord[];
  probes: LabelledProbe[];
  now: Date;
} {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const now = new Date("2026-06-01T00:00:00Z");
  const companies = COMPANIES.map(parse);
  const mustIndex = new Set(HARD_NEGATIVES.map(([a]) => parse(a).domain));
  const heldOut = companies.filter((c, i) => i % 5 === 4 && !mustIndex.has(c.domain));
  const indexed = companies.filter((c) => !heldOut.includes(c));

  const records: CandidateRecord[] = indexed.map((c, i) => {
    const kind = CANDIDATE_KINDS[i % CANDIDATE_KINDS.length]!;
    return {
      id: `rec-${i}`,
      kind,
      name: c.name,
      domain: i % 7 === 3 ? null : c.domain, // some records carry no domain: the name must do
      emailDomain: kind === "registration" ? c.domain : null,
      country: c.country,
      partnerId: kind === "registration" ? `partner-${i % 3}` : null,
      listName: kind === "named_account" ? "Strategic accounts" : null,
      engagedAt: kind === "direct_engagement" ? new Date(now.getTime() - (5 + (i % 50)) * 86_400_000) : null,
    };
  });

  const core = (name: string): string =>
    normalizeCompanyName(name)
      .split(" ")
      .map((w) => (w.length > 3 ? w[0]!.toUpperCase() + w.slice(1) : w.toUpperCase()))
      .join(" ");
  const typo = (name: string): string => {
    const words = name.split(" ");
    const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5);
    if (candidates.length === 0) return name;
    const [word, at] = pick(candidates);
    const i = 1 + Math.floor(rnd() * (word.length - 2));
    const op = Math.floor(rnd() * 4);
    const chars = [...word];
    if (op === 0) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
    else if (op === 1) chars.splice(i, 1);
    else if (op === 2) chars.splice(i, 0, chars[i]!);
    else chars[i] = pick([..."aeioustrnl"]);
    words[at] = chars.join("");
    return words.join(" ");
  };
  const accent = (name: string): string =>
    [...name].map((ch) => (ACCENTS[ch] && rnd() < 0.35 ? ACCENTS[ch] : ch)).join("");
  const person = (): string =>
    `${pick(["anna", "li", "omar", "jane", "raj", "eva"])}.${pick(["meyer", "chen", "smith", "rossi", "kim"])}`;

  const probes: LabelledProbe[] = [];
  const add = (variant: string, probe: ConflictProbe, expected: Decision, expectedId?: string) =>
    probes.push({ variant, probe, expected, expectedId });

  indexed.forEach((c, i) => {
    const id = `rec-${i}`;
    const base = core(c.name);
    const label = c.domain.split(".")[0]!;
    add("legal form", { name: `${base} ${pick(FORMS)}`, domain: c.domain, country: c.country }, "conflict", id);
    add("case, name only", { name: `${base} ${pick(FORMS)}`.toUpperCase(), country: c.country }, "conflict", id);
    add(
      "typo, name only",
      { name: typo(base), country: c.country, contactEmail: `${person()}@${pick(FREE_MAIL)}` },
      "conflict",
      id,
    );
    add("typo + domain", { name: `${typo(base)} ${pick(FORMS)}`, domain: `www.${c.domain}` }, "conflict", id);
    add("diacritics", { name: accent(base.toLowerCase()), country: c.country }, "conflict", id);
    add(
      "subdomain url",
      { name: c.name, domain: `https://${pick(["shop", "eu", "careers", "www"])}.${c.domain}/contact` },
      "conflict",
      id,
    );
    add(
      "contact e-mail only",
      { name: base, contactEmail: `${person()}@${pick(["", "mail.", "eu."])}${c.domain}` },
      "conflict",
      id,
    );
    add(
      "free-mail contact",
      { name: c.name, contactEmail: `${person()}@${pick(FREE_MAIL)}`, country: c.country },
      "conflict",
      id,
    );
    if (/&| and /i.test(c.name)) {
      const swapped = c.name.includes("&") ? c.name.replace(/\s*&\s*/g, " and ") : c.name.replace(/ and /gi, " & ");
      add("& / and", { name: swapped, country: c.country }, "conflict", id);
    }
    const [qualifier, tld] = pick(QUALIFIERS);
    add(
      "subsidiary",
      { name: `${base} ${qualifier} ${pick(FORMS)}`, domain: `${label}.${tld}`, country: c.country },
      "review",
      id,
    );
    if (records[i]!.domain) {
      const division = `${pick(["Nimbus", "Quartz", "Helix", "Orbit", "Cedar"])} ${pick(["Labs", "Research", "Studio"])}`;
      add("division on same domain", { name: division, contactEmail: `${person()}@${c.domain}` }, "review", id);
    }
  });

  for (const c of heldOut) {
    const base = core(c.name);
    add("held-out company", { name: c.name, domain: c.domain, country: c.country }, "clear");
    add("held-out, typo", { name: typo(base), country: c.country }, "clear");
    add(
      "held-out, free mail",
      { name: `${base} ${pick(FORMS)}`, contactEmail: `${person()}@${pick(FREE_MAIL)}` },
      "clear",
    );
  }
  for (const [, other] of HARD_NEGATIVES) {
    const c = parse(other);
    add("look-alike name", { name: c.name, domain: c.domain, country: c.country }, "clear");
    add("look-alike name, no domain", { name: core(c.name), country: c.country }, "clear");
  }
  for (let n = 0; n < 300; n++) {
    const word = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(SYLLABLES)).join("");
    const name = `${word[0]!.toUpperCase()}${word.slice(1)} ${pick(TAILS)} ${pick(FORMS)}`;
    add(
      "synthetic company",
      { name, domain: rnd() < 0.5 ? `${word}.com` : null, country: pick(["US", "DE", "GB", "FR"]) },
      "clear",
    );
  }
  return { records, probes, now };
}

export interface Metrics {
  precision: number;
  recall: number;
  truePositives: number;
  predicted: number;
  actual: number;
}

/** Runs every probe through blocking + scoring + decision. */
export function evaluate(policy: Partial<ConflictPolicy> = {}, seed?: number): Outcome[] {
  const { records, probes, now } = buildLabelledSet(seed);
  const index = new CandidateIndex(records);
  return probes.map((p) => {
    const result = checkConflicts(p.probe, index.candidates(p.probe), { now, ...policy });
    return { ...p, decision: result.decision, matchedIds: result.matches.map((m) => m.record.id) };
  });
}

/** Precision and recall for a set of positive decisions; a true positive must name the right record. */
export function metrics(outcomes: readonly Outcome[], positive: readonly Decision[]): Metrics {
  const isPositive = (d: Decision) => positive.includes(d);
  const predicted = outcomes.filter((o) => isPositive(o.decision)).length;
  const actual = outcomes.filter((o) => isPositive(o.expected)).length;
  const truePositives = outcomes.filter(
    (o) => isPositive(o.decision) && isPositive(o.expected) && o.expectedId && o.matchedIds.includes(o.expectedId),
  ).length;
  return {
    precision: predicted === 0 ? 1 : truePositives / predicted,
    recall: actual === 0 ? 1 : truePositives / actual,
    truePositives,
    predicted,
    actual,
  };
}

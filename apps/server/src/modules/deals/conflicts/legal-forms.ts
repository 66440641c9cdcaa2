// Legal-form designations stripped from company names before matching.
//
// Derivation: ISO 20275 (Entity Legal Forms, maintained by GLEIF as the ELF code list) lists, per
// jurisdiction, each legal form's local name and its official abbreviations. We took the forms that
// cover most registered companies in the major jurisdictions (US, CA, GB, IE, DE, AT, CH, FR, BE,
// LU, NL, IT, ES, PT, SE, NO, DK, FI, IS, PL, CZ, SK, HU, RO, GR, TR, RU, JP, CN, KR, IN, SG, MY,
// ID, AU, NZ, ZA, BR, MX, AR, IL), wrote their abbreviations and most common long names in the
// folded form that `foldText` produces (single-letter dotted abbreviations joined: "S.p.A." → "spa",
// "L.L.C." → "llc"; other punctuation → space; "&" → "and"), and kept them as token sequences.
// Brazil's "ME"/"EPP" size markers are left out: "Adore Me" would lose a word.
// Generic descriptors ("Systems", "Group", "Holdings", "Technologies") are deliberately absent:
// they distinguish companies ("Acme Systems" vs "Acme Foods") and are not legal forms.
const FORMS: readonly string[] = [
  // United States, Canada, United Kingdom, Ireland, Commonwealth
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "llc",
  "l l c",
  "llp",
  "lllp",
  "lp",
  "pllc",
  "pc",
  "ltd",
  "limited",
  "plc",
  "public limited company",
  "co",
  "company",
  "and co",
  "co inc",
  "co ltd",
  "company limited",
  "ulc",
  "ltee",
  "cic",
  "dac",
  "uc",
  "pty",
  "pty ltd",
  "proprietary limited",
  "pvt",
  "pvt ltd",
  "private limited",
  "pte",
  "pte ltd",
  "sdn bhd",
  "bhd",
  "berhad",
  "rf",
  // Germany, Austria, Switzerland, Liechtenstein
  "gmbh",
  "mbh",
  "ag",
  "kg",
  "kgaa",
  "ohg",
  "gbr",
  "ug",
  "ug haftungsbeschrankt",
  "gmbh and co kg",
  "gmbh and co",
  "ag and co kg",
  "se",
  "se and co kg",
  "ev",
  "eg",
  "ek",
  // France, Belgium, Luxembourg, Switzerland (fr), Canada (fr)
  "sa",
  "sas",
  "sasu",
  "sarl",
  "sa rl",
  "eurl",
  "snc",
  "sca",
  "scs",
  "sci",
  "sprl",
  "srl",
  "scrl",
  "bvba",
  "cvba",
  "sc",
  // Netherlands, Belgium (nl)
  "bv",
  "nv",
  "cv",
  "vof",
  // Italy
  "spa",
  "srls",
  "sapa",
  "sas",
  // Spain, Portugal, Latin America
  "sl",
  "slu",
  "sau",
  "sll",
  "s coop",
  "lda",
  "ltda",
  "sa de cv",
  "s de rl",
  "s de rl de cv",
  "sapi de cv",
  "sab de cv",
  "eireli",
  // Nordics
  "ab",
  "publ",
  "ab publ",
  "as",
  "asa",
  "aps",
  "is",
  "oy",
  "oyj",
  "hf",
  "ehf",
  // Central and Eastern Europe, Greece, Turkey, Russia
  "sp z oo",
  "spolka z oo",
  "sp k",
  "sp j",
  "sro",
  "spol s ro",
  "spol sro",
  "as",
  "ks",
  "vos",
  "kft",
  "zrt",
  "nyrt",
  "bt",
  "kkt",
  "ae",
  "epe",
  "ike",
  "as",
  "ltd sti",
  "sti",
  "ooo",
  "ao",
  "pao",
  "zao",
  "oao",
  "jsc",
  "pjsc",
  // Asia-Pacific, Israel
  "kk",
  "kabushiki kaisha",
  "kabushiki gaisha",
  "gk",
  "godo kaisha",
  "yk",
  "youxian gongsi",
  "gufen youxian gongsi",
  "jusik hoesa",
  "tbk",
  "persero",
  "persero tbk",
  "pt",
  "bm",
  // Long local names of the forms above (ISO 20275 "local name" column), folded
  "limited liability company",
  "limited partnership",
  "limited liability partnership",
  "gesellschaft mit beschrankter haftung",
  "gesellschaft mbh",
  "aktiengesellschaft",
  "kommanditgesellschaft",
  "offene handelsgesellschaft",
  "eingetragene genossenschaft",
  "societe anonyme",
  "societe a responsabilite limitee",
  "societe par actions simplifiee",
  "besloten vennootschap",
  "naamloze vennootschap",
  "societa per azioni",
  "societa a responsabilita limitata",
  "sociedad anonima",
  "sociedad limitada",
  "sociedad de responsabilidad limitada",
  "sociedade anonima",
  "sociedade limitada",
  "aktiebolag",
  "aksjeselskap",
  "anpartsselskab",
  "aktieselskab",
  "osakeyhtio",
  "spolka z ograniczona odpowiedzialnoscia",
  "spolka akcyjna",
];

// Forms that may also stand in front of the name ("PT Bank Mandiri", "OOO Yandex").
const PREFIX_FORMS: readonly string[] = [
  "pt",
  "ooo",
  "ao",
  "pao",
  "zao",
  "oao",
  "jsc",
  "pjsc",
  "kabushiki kaisha",
  "cv",
];

function toSequences(forms: readonly string[]): string[][] {
  const unique = [...new Set(forms)];
  // Longest first so "gmbh and co kg" wins over "kg".
  return unique.map((form) => form.split(" ")).sort((a, b) => b.length - a.length);
}

export const LEGAL_FORM_SUFFIXES = toSequences(FORMS);
export const LEGAL_FORM_PREFIXES = toSequences(PREFIX_FORMS);

function endsWith(tokens: readonly string[], seq: readonly string[]): boolean {
  if (seq.length >= tokens.length) return false;
  const offset = tokens.length - seq.length;
  return seq.every((part, i) => tokens[offset + i] === part);
}

function startsWith(tokens: readonly string[], seq: readonly string[]): boolean {
  if (seq.length >= tokens.length) return false;
  return seq.every((part, i) => tokens[i] === part);
}

/** Strips legal forms at the end (repeatedly: "Foo Holding GmbH & Co. KG") and once at the start;
 * never strips the last remaining token, so a company literally named "AG" keeps its name. */
export function stripLegalForms(tokens: readonly string[]): string[] {
  let out = [...tokens];
  let changed = true;
  while (changed) {
    changed = false;
    for (const seq of LEGAL_FORM_SUFFIXES) {
      if (endsWith(out, seq)) {
        out = out.slice(0, out.length - seq.length);
        changed = true;
        break;
      }
    }
  }
  for (const seq of LEGAL_FORM_PREFIXES) {
    if (startsWith(out, seq)) {
      out = out.slice(seq.length);
      break;
    }
  }
  return out;
}

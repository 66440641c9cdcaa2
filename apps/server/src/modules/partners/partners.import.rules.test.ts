import { describe, expect, it } from "vitest";
import { CsvFileError, csvCell, decodeCsv, looksLikeFormula, parseCsv } from "./partners.csv";
import { mappingProblems, rowToCandidate, standardImportFields, suggestMapping } from "./partners.import.rules";

describe("CSV reading", () => {
  it("accepts UTF-8 with and without BOM and UTF-16 with BOM", () => {
    const text = "Name,Website\nMüller GmbH,https://mueller.example\n";
    expect(decodeCsv(new TextEncoder().encode(text))).toBe(text);
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeCsv(utf16)).toBe(text);
  });

  it("refuses Windows-1252 bytes, naming the line", () => {
    const latin1 = Buffer.from("Name\nAcme\nM\xfcller GmbH\n", "latin1");
    expect(() => decodeCsv(latin1)).toThrow(CsvFileError);
    expect(() => decodeCsv(latin1)).toThrow(/line 3/);
  });

  it("detects the delimiter and pads short rows", () => {
    expect(parseCsv("a;b;c\n1;2\n", 10)).toEqual({ headers: ["a", "b", "c"], rows: [["1", "2", ""]] });
    expect(parseCsv('a,b\n"x, y",2\n', 10).rows).toEqual([["x, y", "2"]]);
  });

  it("reports an unterminated quote with its line and duplicate column names", () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n', 10)).toThrow(CsvFileError);
    expect(() => parseCsv("Name,name\nx,y\n", 10)).toThrow(/Two columns are named/);
  });
});

describe("formula safety", () => {
  it("recognises cells a spreadsheet would execute, but not plain numbers", () => {
    for (const cell of ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1"]) {
      expect(looksLikeFormula(cell), cell).toBe(true);
    }
    for (const cell of ["-12", "+44", "3.5", "Acme = good", "a@b.com"])
      expect(looksLikeFormula(cell), cell).toBe(false);
  });

  it("escapes formula cells and quotes cells that need it on export", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell(["emea", "apac"])).toBe("emea; apac");
    expect(csvCell(null)).toBe("");
  });
});

describe("mapping", () => {
  it("suggests fields from common CRM headers", () => {
    const mapping = suggestMapping(
      ["Account Name", "Web Site", "Country", "Partner Type", "Vertical", "Notes", "Owner"],
      standardImportFields,
    );
    expect(mapping).toEqual({
      "Account Name": "name",
      "Web Site": "website",
      Country: "hqCountry",
      "Partner Type": "types",
      Vertical: "industries",
      Notes: "description",
      Owner: null,
    });
  });

  it("names what is wrong with a mapping", () => {
    expect(mappingProblems(["A", "B"], { A: "website" }, standardImportFields)).toEqual([
      "Map a column to Name (required)",
    ]);
    expect(mappingProblems(["A", "B"], { A: "name", B: "name" }, standardImportFields)[0]).toMatch(/both map to Name/);
    expect(mappingProblems(["A"], { A: "name", Z: "tags" }, standardImportFields)).toEqual([
      'The file has no column "Z"',
    ]);
    expect(mappingProblems(["A"], { A: "salary" }, standardImportFields)[0]).toMatch(/not a field/);
  });

  it("turns labels into keys and flags unknown values and formulas", () => {
    const headers = ["Name", "Types", "Country", "Regions", "Tags"];
    const mapping = { Name: "name", Types: "types", Country: "hqCountry", Regions: "regions", Tags: "tags" };
    const ok = rowToCandidate(
      headers,
      ["Acme", "System integrator; Reseller", "Germany", "EMEA|DACH", "a, b"],
      mapping,
      standardImportFields,
    );
    expect(ok.issues).toEqual([]);
    expect(ok.candidate).toEqual({
      name: "Acme",
      types: ["system_integrator", "reseller"],
      hqCountry: "DE",
      regions: ["emea", "dach"],
      tags: ["a", "b"],
    });
    const bad = rowToCandidate(
      headers,
      ['=HYPERLINK("x")', "Wizard", "Atlantis", "", ""],
      mapping,
      standardImportFields,
    );
    expect(bad.issues.map((i) => i.field)).toEqual(["name", "types", "hqCountry"]);
  });
});

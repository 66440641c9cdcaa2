import { describe, expect, it } from "vitest";
import { acceptanceFloor, acceptanceState, csvCell, csvLine } from "./agreements.rules";

const v = (version: number, requiresReacceptance: boolean) => ({ id: `v${version}`, version, requiresReacceptance });

describe("agreement acceptance", () => {
  it("needs the first version accepted", () => {
    expect(acceptanceState([v(1, true)], [])).toEqual({
      accepted: false,
      validVersion: null,
      reacceptanceRequired: false,
    });
    expect(acceptanceState([v(1, true)], [1])).toMatchObject({ accepted: true, validVersion: 1 });
  });

  it("keeps an earlier acceptance valid while later versions do not require re-acceptance", () => {
    const versions = [v(1, true), v(2, false), v(3, false)];
    expect(acceptanceFloor(versions)?.version).toBe(1);
    expect(acceptanceState(versions, [1])).toMatchObject({ accepted: true, validVersion: 1 });
  });

  it("asks again after a version that requires re-acceptance", () => {
    const versions = [v(1, true), v(2, true), v(3, false)];
    expect(acceptanceState(versions, [1])).toEqual({ accepted: false, validVersion: null, reacceptanceRequired: true });
    expect(acceptanceState(versions, [1, 2])).toMatchObject({ accepted: true, validVersion: 2 });
    expect(acceptanceState(versions, [3])).toMatchObject({ accepted: true, validVersion: 3 });
  });
});

describe("CSV export", () => {
  it("neutralizes formula-looking cells and quotes separators", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("Contoso, Inc.")).toBe('"Contoso, Inc."');
    expect(csvCell(null)).toBe("");
    expect(csvLine(["a", 2, null])).toBe("a,2,");
  });
});

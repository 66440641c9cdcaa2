import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InternedColumn, UuidColumn, uuidBytes, uuidText } from "./attribution.ids";

describe("compact id columns", () => {
  it("keeps thousands of uuids and nulls as bytes and gives them back as text", () => {
    const ids = Array.from({ length: 3_000 }, (_, i) => (i % 7 === 0 ? null : randomUUID()));
    const column = new UuidColumn();
    for (const id of ids) column.push(id);
    expect(column.length).toBe(ids.length);
    expect(ids.map((_, i) => column.get(i))).toEqual(ids);
    const target = new Uint8Array(20);
    column.copyTo(1, target, 4);
    expect(uuidText(target, 4)).toBe(ids[1]);
  });

  it("reads upper-case uuids and rejects what is not one", () => {
    expect(uuidText(uuidBytes("0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9"), 0)).toBe("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9");
    expect(() => uuidBytes("not-a-uuid")).toThrow(/not a uuid/);
    expect(() => uuidBytes("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8fz")).toThrow(/not a uuid/);
  });

  it("interns repeated names", () => {
    const column = new InternedColumn();
    for (const name of ["a", "b", null, "a"]) column.push(name);
    expect(column.names).toEqual(["a", "b"]);
    expect([0, 1, 2, 3].map((i) => column.at(i))).toEqual([0, 1, -1, 0]);
  });
});

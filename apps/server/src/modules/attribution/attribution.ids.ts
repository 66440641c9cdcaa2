// Compact storage of many uuids: 16 bytes each in one growing buffer instead of one JS string per
// id, so a recompute keeps millions of deal and touch ids in tens of MB. Ids go to the database
// as raw bytes (binary COPY) or back to text.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function nibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  throw new Error("not a uuid");
}

/** Writes the 16 bytes of a textual uuid into `target` at `offset`. */
export function writeUuid(id: string, target: Uint8Array, offset: number): void {
  if (id.length !== 36) throw new Error(`not a uuid: ${id}`);
  let o = offset;
  for (let i = 0; i < 36; i += 2) {
    if (i === 8 || i === 13 || i === 18 || i === 23) i++;
    target[o++] = (nibble(id.charCodeAt(i)) << 4) | nibble(id.charCodeAt(i + 1));
  }
}

export function uuidBytes(id: string): Uint8Array {
  const bytes = new Uint8Array(16);
  writeUuid(id, bytes, 0);
  return bytes;
}

export function uuidText(bytes: Uint8Array, offset: number): string {
  let s = "";
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += "-";
    s += HEX[bytes[offset + i]!];
  }
  return s;
}

/** Append-only list of uuids (or nulls). */
export class UuidColumn {
  private bytes = new Uint8Array(16 * 1024);
  private present = new Uint8Array(1024);
  length = 0;

  push(id: string | null): void {
    if (this.length === this.present.length) {
      const bytes = new Uint8Array(this.bytes.length * 2);
      bytes.set(this.bytes);
      this.bytes = bytes;
      const present = new Uint8Array(this.present.length * 2);
      present.set(this.present);
      this.present = present;
    }
    if (id !== null) {
      writeUuid(id, this.bytes, this.length * 16);
      this.present[this.length] = 1;
    }
    this.length++;
  }

  isNull(index: number): boolean {
    return this.present[index] === 0;
  }

  get(index: number): string | null {
    return this.isNull(index) ? null : uuidText(this.bytes, index * 16);
  }

  /** Copies id `index` (16 bytes) into `target` at `offset`. */
  copyTo(index: number, target: Uint8Array, offset: number): void {
    target.set(this.bytes.subarray(index * 16, index * 16 + 16), offset);
  }
}

/** Append-only list of interned strings (partner ids): one int per row, -1 for null. */
export class InternedColumn {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private rows = new Int32Array(1024);
  length = 0;

  push(name: string | null): void {
    let id = -1;
    if (name !== null) {
      id = this.index.get(name) ?? -1;
      if (id < 0) {
        id = this.names.length;
        this.index.set(name, id);
        this.names.push(name);
      }
    }
    if (this.length === this.rows.length) {
      const rows = new Int32Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
    }
    this.rows[this.length++] = id;
  }

  /** The interned id of row `index` (-1: null). */
  at(index: number): number {
    return this.rows[index]!;
  }
}

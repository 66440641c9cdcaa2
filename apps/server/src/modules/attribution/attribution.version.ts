// The code version a snapshot records: the package version and a hash of the engine's sources,
// so a figure can be traced to the exact maths that produced it.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

export function attributionCodeVersion(): string {
  if (cached) return cached;
  const engineDir = fileURLToPath(new URL("./engine/", import.meta.url));
  const hash = createHash("sha256");
  for (const name of readdirSync(engineDir).sort()) {
    if (!name.endsWith(".ts") || name.endsWith(".test.ts")) continue;
    hash
      .update(name)
      .update("\0")
      .update(readFileSync(engineDir + name))
      .update("\0");
  }
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../../../package.json", import.meta.url)), "utf8")) as {
    version: string;
  };
  cached = `${pkg.version}+engine.${hash.digest("hex").slice(0, 12)}`;
  return cached;
}

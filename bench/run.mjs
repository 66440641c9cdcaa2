#!/usr/bin/env node
// Runs one benchmark by name through tsx: `node bench/run.mjs http-overhead` (npm run bench:http).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const name = process.argv[2];
const file = name ? join(here, `${name}.ts`) : undefined;
if (!name || !file || !existsSync(file) || name.includes("/")) {
  process.stderr.write("Usage: node bench/run.mjs <benchmark>   (benchmarks: http-overhead)\n");
  process.exit(2);
}
const child = spawn(process.execPath, ["--import", "tsx", file, ...process.argv.slice(3)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

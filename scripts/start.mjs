// `npm start`: build the web app when it is missing or older than its sources, then serve.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const webIndex = join(root, "apps/web/dist/index.html");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = [join(root, "apps/web/src"), join(root, "packages/contracts/src")];
const stale =
  !existsSync(webIndex) || sources.some((dir) => existsSync(dir) && newestMtime(dir) > statSync(webIndex).mtimeMs);
// `--build-only` (run by `npm install`): build now so the first `npm start` only seeds and serves;
// a failed build there is reported and left to `npm start`, never failing the install.
const buildOnly = process.argv.includes("--build-only");
if (stale) {
  console.log("Building the web app (once; a few seconds)…");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const build = spawnSync(npm, ["run", "build", "--silent", "-w", "@symbiont/web"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    if (buildOnly) console.log("The web app did not build; `npm start` will try again.");
    process.exit(buildOnly ? 0 : (build.status ?? 1));
  }
}
if (buildOnly) process.exit(0);

process.argv = [process.argv[0] ?? "node", "symbiont", "serve", ...process.argv.slice(2)];
await import("../apps/server/bin/symbiont.mjs");

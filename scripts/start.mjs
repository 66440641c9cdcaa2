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
if (stale) {
  console.log("Building the web app (once; a few seconds)…");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const build = spawnSync(npm, ["run", "build", "--silent", "-w", "@symbiont/web"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

process.argv = [process.argv[0] ?? "node", "symbiont", "serve", ...process.argv.slice(2)];
await import("../apps/server/bin/symbiont.mjs");

// One fresh, headless Chromium profile per test, pointed at the server the runner started.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { TestContext } from "node:test";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Where the runner's server listens, e.g. http://127.0.0.1:41234. */
export const baseUrl = (() => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run the browser tests with `node scripts/e2e.mjs`");
  return url.replace(/\/$/, "");
})();

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const resultsDir = process.env.E2E_RESULTS_DIR ?? join(repoRoot, "test-results", "e2e");

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A file-name-safe form of a test name. */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 100) || "test"
  );
}

export interface Browsing {
  page: Page;
  context: BrowserContext;
}

/**
 * Runs `body` with a new page in a throw-away Chromium profile, saves a full-page screenshot
 * as test-results/e2e/<test-name>.png whether the test passes or fails, and fails the test on
 * any uncaught error in the page.
 */
export function withPage(t: TestContext, body: (browsing: Browsing) => Promise<void>): Promise<void> {
  return browse(t, slug(t.name), body);
}

/**
 * Inside a test, runs `body` as someone else: another throw-away profile (no cookies shared with
 * the test's own page), checked the same way, with its last screenshot saved as
 * test-results/e2e/<test-name>--<who>.png.
 */
export function withAnotherPage(
  t: TestContext,
  who: string,
  body: (browsing: Browsing) => Promise<void>,
): Promise<void> {
  return browse(t, `${slug(t.name)}--${slug(who)}`, body, `${who}: `);
}

/** Saves a full-page screenshot of a key step as test-results/e2e/<test-name>--<step>.png. */
export function saveScreenshot(page: Page, t: TestContext, step: string): Promise<void> {
  return screenshot(page, `${slug(t.name)}--${slug(step)}`);
}

async function browse(
  t: TestContext,
  fileName: string,
  body: (browsing: Browsing) => Promise<void>,
  prefix = "",
): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), "symbiont-e2e-profile-"));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      baseURL: baseUrl,
      viewport: { width: 1280, height: 800 },
      locale: "en-US",
      timezoneId: "UTC",
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
    page.setDefaultNavigationTimeout(20_000);
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
    // Kept for the report of a failing test: what went wrong on the wire and in the console.
    const trouble: string[] = [];
    page.on("requestfailed", (request) =>
      trouble.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? "?"})`),
    );
    page.on("response", (response) => {
      if (response.status() >= 500 || (response.status() === 404 && !response.url().includes("/api/")))
        trouble.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error") trouble.push(`console error: ${message.text()}`);
    });
    try {
      await body({ page, context });
      if (pageErrors.length > 0) throw new Error(`Uncaught error(s) in the page:\n${pageErrors.join("\n\n")}`);
    } catch (error) {
      t.diagnostic(`${prefix}failed at ${page.url()}`);
      for (const line of trouble.slice(-20)) t.diagnostic(`${prefix}${line}`);
      throw error;
    } finally {
      await screenshot(page, fileName);
    }
  } finally {
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function screenshot(page: Page, fileName: string): Promise<void> {
  try {
    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, `${fileName}.png`), fullPage: true, timeout: 10_000 });
  } catch (error) {
    process.stderr.write(`could not save the screenshot ${fileName}.png: ${String(error)}\n`);
  }
}

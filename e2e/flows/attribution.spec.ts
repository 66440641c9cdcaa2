// Attribution in the browser: the vendor admin opens the attribution page on the demo snapshots,
// compares models, drills from a partner to its deals and into one deal's touch timeline, opens a
// partner's Evidence tab, and analyses ChannelAttribution's Data.csv path file.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { accounts, signIn, waitForPath } from "../support/app.ts";
import { saveScreenshot, withPage } from "../support/browser.ts";

const timeout = 180_000;
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const fixtureDir =
  process.env.CHANNELATTRIBUTION_FIXTURES ?? join(repoRoot, "..", "shared", "fixtures", "channelattribution");
const dataCsv = join(fixtureDir, "Data.csv");

test("attribution: models compared, a partner's deals and a deal's timeline", { timeout }, (t) =>
  withPage(t, async ({ page }) => {
    await signIn(page, accounts.vendorAdmin);
    await page.getByTestId("console-shell").waitFor();
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Attribution", exact: true })
      .click();
    await waitForPath(page, "/console/attribution");
    await page.getByRole("heading", { level: 1, name: "Attribution" }).waitFor();
    await page.getByRole("heading", { name: "Partners → won revenue" }).waitFor();
    await page.getByRole("img", { name: /^Won revenue by channel/ }).waitFor();
    await page.getByRole("heading", { name: "Model comparison" }).waitFor();
    await page.getByRole("table", { name: /Credit per channel under each model/ }).waitFor();
    await saveScreenshot(page, t, "attribution-overview");

    await page.getByLabel("Model", { exact: true }).selectOption({ label: "Markov (removal effect)" });
    await page.getByText(/^Markov \(removal effect\) · \d+ won/).waitFor();

    await page
      .getByRole("button", { name: /^Show the deals behind / })
      .first()
      .click();
    await page.getByRole("heading", { name: /^Deals behind / }).waitFor();
    const deal = page.getByRole("button", { name: /^Show the touches of / }).first();
    await deal.waitFor();
    await deal.click();
    const timeline = page.getByRole("table", { name: /Touches in time order/ });
    await timeline.waitFor();
    await timeline.getByRole("columnheader", { name: /Markov/ }).waitFor();
    await timeline.getByRole("columnheader", { name: /Linear/ }).waitFor();
    await saveScreenshot(page, t, "opportunity-timeline");
    await page.keyboard.press("Escape");
    await timeline.waitFor({ state: "hidden" });
  }),
);

test("attribution: a partner's Evidence tab shows its credited revenue and deals", { timeout }, (t) =>
  withPage(t, async ({ page }) => {
    await signIn(page, accounts.vendorAdmin);
    await page.getByTestId("console-shell").waitFor();
    await page.goto(new URL("/console/attribution", page.url()).toString());
    const first = page.getByRole("button", { name: /^Show the deals behind / }).first();
    await first.waitFor();
    const name = ((await first.getAttribute("aria-label")) ?? "").replace("Show the deals behind ", "");
    const search = new URL("/console/partners", page.url());
    search.searchParams.set("q", name);
    await page.goto(search.toString());
    await page.getByRole("link", { name, exact: true }).first().click();
    await waitForPath(page, /^\/console\/partners\/[0-9a-f-]{36}$/);
    await page.getByRole("tab", { name: "Evidence" }).click();
    await page.getByRole("heading", { name: "Attributed revenue by model" }).waitFor();
    await page.getByRole("table", { name: /^Deals behind / }).waitFor();
    await page
      .getByRole("button", { name: /^Show the touches of / })
      .first()
      .waitFor();
    await saveScreenshot(page, t, "partner-evidence");
  }),
);

test("attribution: analyse ChannelAttribution's Data.csv in the console", { timeout }, (t) => {
  if (!existsSync(dataCsv)) {
    t.skip(`fixture not found: ../shared/fixtures/channelattribution/Data.csv (set CHANNELATTRIBUTION_FIXTURES)`);
    return;
  }
  return withPage(t, async ({ page }) => {
    await signIn(page, accounts.vendorAdmin);
    await page.getByTestId("console-shell").waitFor();
    await page.goto(new URL("/console/attribution", page.url()).toString());
    await page.getByRole("link", { name: "Analyse a path file" }).click();
    await waitForPath(page, "/console/attribution/paths");
    await page.getByRole("heading", { level: 1, name: "Analyse a path file" }).waitFor();
    await page.locator("#path-file").setInputFiles(dataCsv);
    await page.getByText("Data.csv", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Analyse" }).click();
    await page.getByRole("heading", { name: "Credit per channel" }).waitFor({ timeout: 60_000 });
    await page.getByText(/^10,000 paths · 19,785 conversions/).waitFor();
    const table = page.getByRole("table", { name: "Attributed conversions per channel under each model" });
    await table.getByRole("rowheader", { name: /^alpha/ }).waitFor();
    await table.getByRole("columnheader", { name: /Markov/ }).waitFor();
    await saveScreenshot(page, t, "path-file-analysis");
  });
});

// The executive dashboard in the browser: a vendor admin opens the console home on the demo
// workspace, drills from a headline figure into the deals behind it, from a health band into
// its partners and from a role of the attribution flow into its credited deals, filters by region (the label on screen, the key in the URL), generates a board
// pack, follows its progress and downloads the PDF.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { accounts, signIn, waitForPath } from "../support/app.ts";
import { resultsDir, saveScreenshot, slug, withPage } from "../support/browser.ts";

const timeout = 240_000;
const run = promisify(execFile);

/** Finds pdftoppm (poppler-utils) when installed. */
function pdftoppm(): string | undefined {
  return ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].find((path) => existsSync(path));
}

test("executive dashboard: drill down, filter by region, generate and download the board pack", { timeout }, (t) =>
  withPage(t, async ({ page }) => {
    await signIn(page, accounts.vendorAdmin);
    await waitForPath(page, "/console");
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    const dashboard = page.getByTestId("dashboard");
    await dashboard.waitFor({ timeout: 60_000 });

    // Headline tiles name their model and period; the demo has partner-sourced revenue.
    const sourced = page.getByTestId("figure-sourced_revenue");
    await sourced.waitFor();
    const sourcedText = (await sourced.textContent()) ?? "";
    assert.match(sourcedText, /Partner-sourced revenue/);
    assert.match(sourcedText, /[$€£]\s?\d/, `a money figure: ${sourcedText}`);
    await page
      .getByText(/compared with/)
      .first()
      .waitFor();
    await page.getByRole("img", { name: /Won revenue by month/ }).waitFor();
    await saveScreenshot(page, t, "dashboard");

    // Drill from the headline into the records behind it.
    await sourced.click();
    await page.waitForURL(/drill=sourced_revenue/);
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("heading", { name: "Won deals a partner sourced" }).waitFor();
    const rows = dialog.getByTestId("drill-records").locator("tbody tr");
    await rows.first().waitFor();
    assert.ok((await rows.count()) > 0, "the sourced figure has deals behind it");
    await dialog.getByText(/deals? in this period, most recent first/).waitFor();
    assert.match((await rows.first().textContent()) ?? "", /Sourced by a partner/);
    await saveScreenshot(page, t, "drill-down");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    // ROPI names its attribution model and drills into the program cost lines behind it.
    const ropi = page.getByTestId("figure-ropi");
    assert.match((await ropi.textContent()) ?? "", /ROPI[\s\S]*\d[\s\S]*attribution|ROPI[\s\S]*\d[\s\S]*split/i);
    await ropi.click();
    await page.waitForURL(/drill=ropi/);
    await dialog.getByTestId("drill-records").locator("tbody tr").first().waitFor();
    await dialog.getByText(/cost lines? in this period/).waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    // CAC opens its sales and marketing spend entries and its new customers, with the quotient.
    await page.getByTestId("figure-cac").click();
    await page.waitForURL(/drill=cac/);
    await dialog.getByRole("heading", { name: "Sales and marketing spend and new customers behind CAC" }).waitFor();
    await dialog.getByRole("region", { name: "Spend entries" }).locator("tbody tr").first().waitFor();
    await dialog.getByTestId("drill-quotient").waitFor();
    assert.match((await dialog.getByTestId("drill-quotient").textContent()) ?? "", /Sales and marketing spend/);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    // A section that is not a headline metric drills too: a health band opens its partners with
    // their score and components, and the dialog names the model and the period.
    const bands = page.getByTestId("health-bands").getByRole("button", { name: /partners in the \w+ band/ });
    await bands.first().waitFor();
    let opened = false;
    for (const band of await bands.all()) {
      if (((await band.textContent()) ?? "0").trim() === "0") continue;
      await band.click();
      opened = true;
      break;
    }
    assert.ok(opened, "the demo has partners in a health band");
    await page.waitForURL(/drillSection=health_band&.*drillBand=|drillBand=.*drillSection=health_band/);
    await dialog.getByRole("heading", { name: /Partners in the \w+ health band/ }).waitFor();
    const partnerRows = dialog.getByTestId("drill-records").locator("tbody tr");
    await partnerRows.first().waitFor();
    assert.ok((await partnerRows.count()) > 0, "the band has partners behind it");
    assert.match((await dialog.getByTestId("drill-model").textContent()) ?? "", /Model:.*health/i);
    await dialog.getByText(/partners? · \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/).waitFor();
    assert.match((await partnerRows.first().textContent()) ?? "", /Engagement \d+/);
    await saveScreenshot(page, t, "drill-health-band");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    // CLTV and retention open the accounts of their cohort, with their revenue and churn.
    await page
      .getByTestId("cltv")
      .getByRole("button", { name: /partner-attached accounts: show them/ })
      .click();
    await page.waitForURL(/drillSide=partner/);
    await dialog.getByRole("heading", { name: "Partner-attached accounts" }).waitFor();
    const accountRows = dialog.getByTestId("drill-records").locator("tbody tr");
    // The cohort's rows, not the loading row the dialog shows until they arrive.
    await accountRows
      .filter({ hasText: /Retained|Churned/ })
      .first()
      .waitFor();
    assert.match((await accountRows.first().textContent()) ?? "", /Retained|Churned/);
    assert.match(
      (await dialog.getByTestId("drill-model").textContent()) ?? "",
      /recurring revenue before \d{4}-\d{2}-\d{2}/,
    );
    await saveScreenshot(page, t, "drill-retention");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    // Lead sharing opens the leads exchanged with the partner.
    const leadsButton = page.getByRole("button", { name: /^Leads exchanged with .*: show them$/ }).first();
    await leadsButton.click();
    await page.waitForURL(/drillLeads=/);
    await dialog.getByRole("heading", { name: /^Leads exchanged with / }).waitFor();
    await dialog.getByTestId("drill-records").locator("tbody tr").first().waitFor();
    await dialog.getByText(/leads? · all time/).waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    // Each role of the attribution flow opens the won deals its partners have credit on, with the
    // role's credit on each deal, the credit of the whole list, and the model and period.
    const flowRole = page
      .getByRole("list", { name: /Partner credit by role: open the records/ })
      .getByRole("button", { name: /show the deals and the credit behind it$/ })
      .first();
    await flowRole.waitFor();
    const roleName = ((await flowRole.getAttribute("aria-label")) ?? "").split(":")[0] ?? "";
    assert.ok(roleName.length > 0, "the flow button names its role");
    await flowRole.click();
    await page.waitForURL(/drillSection=attribution_role/);
    await dialog
      .getByRole("heading", { name: new RegExp(`^Won deals credited to ${roleName.toLowerCase()} partners$`, "i") })
      .waitFor();
    const creditRows = dialog.getByTestId("drill-records").locator("tbody tr");
    await creditRows
      .filter({ hasText: /\d{4}|[$€£]/ })
      .first()
      .waitFor();
    assert.ok((await creditRows.count()) > 0, "the role has deals behind its credit");
    assert.match(
      (await dialog.getByTestId("drill-credit-total").textContent()) ?? "",
      /Credit on all \d[\d,]* deals?: /,
    );
    assert.match((await dialog.getByTestId("drill-model").textContent()) ?? "", /Model:.*first role is /);
    await dialog.getByText(/deals? · \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/).waitFor();
    await saveScreenshot(page, t, "drill-attribution-role");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    // The other metrics of the engine are on the page too.
    for (const name of [
      "Market penetration",
      "Health and customer value",
      "Time to first revenue",
      "Partners at risk",
    ]) {
      await page.getByRole("heading", { name }).first().waitFor();
    }
    assert.match((await page.getByTestId("cltv").textContent()) ?? "", /CLTV/);
    await saveScreenshot(page, t, "dashboard-lower");

    // Filter by region: the choice lands in the URL and narrows the region table.
    // Regions read as labels (North America), the URL keeps the key (north_america).
    const regionSelect = page.getByLabel("Region", { exact: true });
    const options = await regionSelect
      .locator("option")
      .evaluateAll((els) => els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent ?? "" })));
    const choice = options.find((o) => o.value !== "");
    assert.ok(choice, `the demo has account regions: ${options.map((o) => o.label).join(", ")}`);
    for (const option of options) assert.doesNotMatch(option.label, /_/, `a label, not a key: ${option.label}`);
    const region = choice.label;
    await regionSelect.selectOption(choice.value);
    await page.waitForURL(new RegExp(`region=${encodeURIComponent(choice.value)}`));
    const regionTable = page.getByRole("table", { name: "Won revenue by account region" });
    await regionTable.locator("tbody tr").first().waitFor();
    await page.waitForFunction(
      (expected) => {
        const table = [...document.querySelectorAll("table")].find((el) =>
          el.querySelector("caption")?.textContent?.includes("Won revenue by account region"),
        );
        const cells = [...(table?.querySelectorAll("tbody tr td:first-child") ?? [])].map((td) =>
          td.textContent?.trim(),
        );
        return cells.length > 0 && cells.every((text) => text === expected);
      },
      region,
      { timeout: 30_000 },
    );
    await saveScreenshot(page, t, `filtered-${region}`);

    // Generate the board pack for this view, follow progress, download the PDF.
    await page.getByRole("button", { name: "Generate board pack" }).click();
    const download = page.getByRole("link", { name: /Download PDF/ }).first();
    await download.waitFor({ timeout: 180_000 });
    await saveScreenshot(page, t, "board-pack-ready");
    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    await mkdir(resultsDir, { recursive: true });
    const pdfPath = join(resultsDir, `${slug(t.name)}--board-pack.pdf`);
    await file.saveAs(pdfPath);
    const bytes = await readFile(pdfPath);
    assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-", "the download is a PDF");
    assert.ok(bytes.length > 5_000, `a real document (${bytes.length} bytes)`);

    const converter = pdftoppm();
    const pngBase = join(resultsDir, `${slug(t.name)}--board-pack-page-1`);
    if (converter) {
      await run(converter, ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfPath, pngBase]);
      assert.ok(existsSync(`${pngBase}.png`), "first page rendered as PNG");
    } else {
      // No poppler: show the PDF in the browser's own viewer and screenshot that.
      const viewer = await page.context().newPage();
      await viewer.goto(`data:application/pdf;base64,${bytes.toString("base64")}`).catch(() => undefined);
      await viewer.waitForTimeout(2_000);
      await writeFile(`${pngBase}.png`, await viewer.screenshot());
      await viewer.close();
    }
  }),
);

test(
  "partner scorecard: a partner sees its own figures and the peer comparison (or why there is none)",
  { timeout },
  (t) =>
    withPage(t, async ({ page }) => {
      await signIn(page, accounts.northwindAdmin);
      await waitForPath(page, /^\/portal/);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My scorecard" }).click();
      await waitForPath(page, "/portal/scorecard");
      await page.getByRole("heading", { level: 1, name: "My scorecard" }).waitFor();
      await page.getByTestId("scorecard").waitFor({ timeout: 60_000 });
      await page.getByRole("list", { name: "Scorecard figures" }).getByText("Sourced revenue").waitFor();
      await page.getByRole("heading", { name: "Compared with similar partners" }).waitFor();
      const shown =
        (await page.getByTestId("benchmark").count()) + (await page.getByTestId("benchmark-unavailable").count());
      assert.equal(shown, 1, "either quartiles or the fewer-than-5-peers message");
      await saveScreenshot(page, t, "portal-scorecard");
    }),
);

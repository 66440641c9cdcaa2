// Revenue evidence in the browser: the vendor admin opens the opportunity list, filters it (the
// filters live in the URL), opens a deal, records a partner touch with the keyboard, and sets an FX
// rate.
import { test } from "node:test";
import { accounts, signIn, waitForPath } from "../support/app.ts";
import { saveScreenshot, withPage } from "../support/browser.ts";

const timeout = 180_000;

test("opportunities: list with totals, a deal's evidence, a touch recorded, a rate set", { timeout }, (t) =>
  withPage(t, async ({ page }) => {
    await signIn(page, accounts.vendorAdmin);
    await page.getByTestId("console-shell").waitFor();
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Opportunities", exact: true })
      .click();
    await waitForPath(page, "/console/opportunities");
    await page.getByRole("heading", { level: 1, name: "Opportunities" }).waitFor();
    await page.getByRole("region", { name: "Totals of the filtered opportunities" }).waitFor();
    await page.getByRole("table", { name: "Opportunities" }).getByRole("row").nth(1).waitFor();
    await saveScreenshot(page, t, "opportunities-list");

    await page.getByLabel("Outcome").selectOption("won");
    await page.waitForURL(/outcome=won/);
    // The filtered page has replaced the unfiltered one once its first row is a won deal.
    await page
      .getByRole("table", { name: "Opportunities" })
      .getByRole("row")
      .nth(1)
      .getByText("Won", { exact: true })
      .waitFor();
    const first = page.getByRole("table", { name: "Opportunities" }).getByRole("link").first();
    await first.waitFor();
    const name = (await first.textContent()) ?? "";
    await first.click();
    await waitForPath(page, /\/console\/opportunities\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page
      .getByText(/^(Partner-sourced|Partner-influenced|Direct)$/)
      .first()
      .waitFor();
    await page.getByRole("heading", { name: "Partner touches", exact: true }).first().waitFor();
    await saveScreenshot(page, t, "opportunity-page");

    await page.getByRole("button", { name: "Record a touch" }).click();
    const dialog = page.getByRole("dialog", { name: "Record a partner touch" });
    await dialog.waitFor();
    const partner = dialog.getByLabel("Partner");
    await partner.focus();
    await partner.selectOption({ index: 1 });
    await dialog.getByLabel("Type").selectOption("technical_validation");
    await dialog.getByLabel("When").fill("2020-01-01T10:00");
    await dialog.getByLabel(/^Note/).fill("Architecture review with the customer");
    await page.keyboard.press("Tab");
    await dialog.getByRole("button", { name: "Record touch" }).click();
    await page.getByText("Architecture review with the customer").waitFor();
    await saveScreenshot(page, t, "opportunity-touch-recorded");

    await page.goto(new URL("/console/fx-rates", page.url()).toString());
    await page.getByRole("heading", { level: 1, name: "FX rates" }).waitFor();
    const form = page.getByRole("form", { name: "Add or correct a rate" });
    await form.getByLabel("Currency").fill("CHF");
    await form.getByLabel("Date").fill("2019-01-01");
    await form.getByLabel(/per unit$/).fill("1.02");
    await form.getByRole("button", { name: "Save rate" }).click();
    await page.getByRole("table", { name: "Exchange rates" }).getByText("CHF").first().waitFor();
    await saveScreenshot(page, t, "fx-rates");
  }),
);

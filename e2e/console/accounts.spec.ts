import assert from "node:assert/strict";
import { test } from "node:test";
import { accounts, signIn, waitForPath } from "../support/app.ts";
import { saveScreenshot, withPage } from "../support/browser.ts";

const timeout = 120_000;
const run = Date.now().toString(36);
const listName = `Strategic ${run}`;
const csv = [
  "Account Name,Website,Billing Country,Industry,Employees,Type,CRM Id",
  `Fabrikam ${run} Inc.,https://www.fabrikam-${run}.example,United States,Manufacturing,201-1000,Customer,e2e-${run}-1`,
  `Litware ${run} GmbH,litware-${run}.example,Germany,Software,11-50,Prospect,e2e-${run}-2`,
  `Proseware ${run},proseware-${run}.example,Atlantis,Retail,,Prospect,e2e-${run}-3`,
].join("\n");

test("import accounts through the wizard, search, open an account and add it to a list", { timeout }, (t) =>
  withPage(t, async ({ page }) => {
    await signIn(page, accounts.vendorAdmin);
    await page.getByTestId("console-shell").waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts", exact: true }).click();
    await waitForPath(page, "/console/accounts");
    await page.getByRole("heading", { level: 1, name: "Accounts" }).waitFor();

    // A named-account list to add the account to later.
    await page.getByRole("link", { name: "Named-account lists" }).click();
    await waitForPath(page, "/console/accounts/lists");
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(listName);
    await page.getByLabel("Blocks partner registrations").uncheck();
    await page.getByRole("button", { name: "Create list" }).click();
    await page.getByRole("link", { name: listName }).waitFor();
    await page.getByRole("link", { name: "← Accounts" }).click();
    await waitForPath(page, "/console/accounts");

    // The wizard: upload → suggested mapping → review with the invalid row → skip it → import.
    await page.getByRole("link", { name: "Import CSV" }).click();
    await waitForPath(page, "/console/imports/accounts");
    await page.getByRole("heading", { level: 1, name: "Import accounts" }).waitFor();
    await page.getByLabel("CSV file to import").setInputFiles({
      name: "accounts.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    await page.getByRole("heading", { name: "Match columns to fields" }).waitFor();
    assert.equal(await page.getByLabel("Field for column Billing Country").inputValue(), "country");
    assert.equal(await page.getByLabel("Field for column CRM Id").inputValue(), "externalId");
    await saveScreenshot(page, t, "1 mapping suggested");
    await page.getByRole("button", { name: "Check the rows" }).click();
    await page.getByText("1 rows need fixing").waitFor();
    await page.getByText('"Atlantis" is not a known country').waitFor();
    await saveScreenshot(page, t, "2 review with a problem");

    await page.getByLabel("Import the valid rows and skip the others").check();
    await page.getByRole("button", { name: "Check the rows" }).click();
    await page.getByText("1 rows will be skipped").waitFor();
    await page.getByRole("button", { name: "Import 2 accounts" }).click();
    await page.getByText("The valid rows were imported").waitFor({ timeout: 60_000 });
    await page.getByText("2 created, 0 updated, 1 skipped.").waitFor();
    await saveScreenshot(page, t, "3 import report");

    // Search finds the imported account by a variant of its name.
    await page.getByRole("link", { name: "See accounts" }).click();
    await waitForPath(page, "/console/accounts");
    await page.getByRole("searchbox", { name: "Search" }).fill(`fabrikam ${run} incorporated`);
    const row = page.getByRole("link", { name: `Fabrikam ${run} Inc.` });
    await row.waitFor();
    assert.equal(await page.getByRole("link", { name: `Litware ${run} GmbH` }).count(), 0, "search narrows the list");
    assert.match(page.url(), /q=fabrikam/, "the search is in the URL");
    await saveScreenshot(page, t, "4 search");

    // The account page, then its Lists tab: add it to the list.
    await row.click();
    await page.getByRole("heading", { level: 1, name: new RegExp(`Fabrikam ${run} Inc.`) }).waitFor();
    await page.getByText(`fabrikam-${run}.example`).first().waitFor();
    await page.getByRole("tab", { name: "Lists" }).click();
    await page.getByText("This account is on no named-account list.").waitFor();
    await page.getByLabel("Add to a list").selectOption({ label: listName });
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByRole("list", { name: "Lists of this account" }).getByText(listName).waitFor();
    await saveScreenshot(page, t, "5 account on a list");

    await page.getByRole("tab", { name: "Activity" }).click();
    await page.getByText(`Added to the list ${listName}`).waitFor();
    await page.getByText("Created (import)").waitFor();
    await saveScreenshot(page, t, "6 activity");
  }),
);

// Deal registration end to end, in the browser: partner A registers a deal; partner B registers the
// same company under a variant name and is told, in plain words, that another partner was first;
// the vendor reviews with the evidence side by side and approves A; A's portal shows the
// protection countdown.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { accounts, signIn, waitForPath } from "../support/app.ts";
import { saveScreenshot, withAnotherPage, withPage } from "../support/browser.ts";

const timeout = 240_000;
const run = Date.now().toString(36);
const domain = `kestrel-${run}.de`;
const nameA = `Kestrel Analytics ${run} GmbH`;
const nameB = `KESTREL ANALYTICS ${run} Gesellschaft mit beschränkter Haftung`;

/** Signs in through the form and waits for the surface the account lands on. */
async function signInTo(page: Page, email: string, surface: "/portal" | "/console"): Promise<void> {
  await signIn(page, email);
  await waitForPath(page, new RegExp(`^${surface}`));
}

async function fillRegistration(page: Page, company: { name: string; website: string; contact: string }) {
  await page.goto("/portal/deals");
  await page.getByRole("heading", { level: 1, name: "Deal registrations" }).waitFor();
  await page.getByRole("link", { name: "Register a deal" }).first().click();
  await waitForPath(page, "/portal/deals/new");
  await page.getByLabel("Company name", { exact: true }).fill(company.name);
  await page.getByLabel("Website or domain").fill(company.website);
  await page.getByLabel("Country", { exact: true }).fill("DE");
  await page.getByLabel("Contact name").fill("Jana Vogel");
  await page.getByLabel("Contact e-mail").fill(company.contact);
  await page.getByLabel("Amount", { exact: true }).fill("80000");
  await page.getByLabel("Currency").fill("EUR");
  await page.getByLabel("Expected close").fill("2027-03-31");
  await page.getByLabel("Products").fill("Analytics Platform, Support");
}

test(
  "deal registration: first in wins, the second partner sees why, the vendor approves with evidence",
  { timeout },
  (t) =>
    withPage(t, async ({ page }) => {
      // Partner A registers.
      await withAnotherPage(t, "partner A registers", async ({ page: a }) => {
        await signInTo(a, accounts.northwindAdmin, "/portal");
        await fillRegistration(a, { name: nameA, website: domain, contact: `jana.vogel@${domain}` });
        await a.getByTestId("live-check").getByText("No conflict found").waitFor();
        await a.getByRole("button", { name: "Submit registration" }).click();
        await waitForPath(a, /^\/portal\/deals\/[0-9a-f-]{36}$/);
        await a.getByRole("heading", { level: 1, name: nameA }).waitFor();
        await a.getByText("In review").first().waitFor();
        await saveScreenshot(a, t, "partner A submitted");
      });

      // Partner B registers the same company under a variant name and is told why.
      await withAnotherPage(t, "partner B sees the conflict", async ({ page: b }) => {
        await signInTo(b, accounts.contosoAdmin, "/portal");
        await fillRegistration(b, { name: nameB, website: `https://www.${domain}/`, contact: `einkauf@${domain}` });
        const live = b.getByTestId("live-check");
        await live
          .getByText(/another partner registered this company first on \d{4}-\d{2}-\d{2}/)
          .waitFor({ timeout: 20_000 });
        await saveScreenshot(b, t, "partner B live check");
        await b.getByRole("button", { name: "Submit registration" }).click();
        await waitForPath(b, /^\/portal\/deals\/[0-9a-f-]{36}$/);
        const reason = (await b.getByTestId("check-reason").textContent()) ?? "";
        assert.match(reason, /another partner registered this company first/);
        assert.doesNotMatch(reason, /Northwind/i, "the other partner is never named");
        await saveScreenshot(b, t, "partner B registration");
      });

      // The vendor reviews A with the competing record side by side and approves it.
      await signInTo(page, accounts.vendorAdmin, "/console");
      await page.goto("/console/deals");
      await page.getByRole("heading", { level: 1, name: "Deal registrations" }).waitFor();
      await page.getByRole("link", { name: nameA }).click();
      await waitForPath(page, /^\/console\/deals\/[0-9a-f-]{36}$/);
      await page.getByRole("button", { name: "Check again" }).click();
      const evidence = page.getByTestId("evidence").first();
      await evidence.getByText("Registration by another partner", { exact: true }).waitFor();
      await evidence.getByRole("cell", { name: nameB, exact: true }).first().waitFor();
      await evidence.getByRole("rowheader", { name: "Domain", exact: true }).waitFor();
      await saveScreenshot(page, t, "vendor evidence side by side");
      await page.getByRole("button", { name: "Approve", exact: true }).click();
      await page.getByText("Convert to opportunity").waitFor();

      // A's portal shows the protection countdown.
      await withAnotherPage(t, "partner A protected", async ({ page: a }) => {
        await signInTo(a, accounts.northwindAdmin, "/portal");
        await a.goto("/portal/deals");
        const row = a.getByRole("row").filter({ hasText: nameA });
        const countdown = row.getByTestId("protection-countdown");
        await countdown.waitFor();
        assert.match((await countdown.textContent()) ?? "", /\d+ days of protection left/);
        await saveScreenshot(a, t, "partner A countdown");
      });
    }),
);

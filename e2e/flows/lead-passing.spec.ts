// Passing a lead end to end, in the browser: the vendor records a lead and offers it to a partner
// with a deadline; the partner admin sees it waiting on the portal, accepts it (the contact appears)
// and reports progress; the vendor's lead page shows the status and the partner's note.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { accounts, eventually, signIn, waitForPath } from "../support/app.ts";
import { saveScreenshot, withAnotherPage, withPage } from "../support/browser.ts";

const timeout = 180_000;
const run = Date.now().toString(36);
const lead = {
  company: `Blue Harbor Logistics ${run}`,
  contact: "Mira Olsen",
  email: `mira@blueharbor-${run}.example`,
  need: "Needs usage-based billing for 40 depots",
  amount: "48000",
};
const partnerName = "Contoso Systems";
const note = `Discovery call booked ${run}`;

async function signedInPortal(page: Page): Promise<void> {
  await signIn(page, accounts.contosoAdmin);
  await waitForPath(page, /^\/portal/);
  await page.getByTestId("portal-shell").waitFor();
}

test("lead passing: the vendor offers a lead, the partner accepts and reports back", { timeout }, (t) =>
  withPage(t, async ({ page }) => {
    await signIn(page, accounts.vendorAdmin);
    await page.getByTestId("console-shell").waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leads", exact: true }).click();
    await waitForPath(page, "/console/leads");
    await page.getByRole("heading", { level: 1, name: "Leads & referrals" }).waitFor();

    await page.getByRole("button", { name: "New lead" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New lead" });
    await dialog.getByLabel(/^Company/).fill(lead.company);
    await dialog.getByLabel(/^Contact name/).fill(lead.contact);
    await dialog.getByLabel(/^Contact email/).fill(lead.email);
    await dialog.getByLabel(/^Estimated amount/).fill(lead.amount);
    await dialog.getByLabel(/^What do they need/).fill(lead.need);
    await dialog.getByLabel("How").selectOption("offer");
    await dialog.getByLabel("Partner").selectOption({ label: partnerName });
    await dialog.getByLabel("Hours to accept").fill("24");
    await saveScreenshot(page, t, "new-lead");
    await dialog.getByRole("button", { name: "Save lead" }).click();

    await waitForPath(page, /^\/console\/leads\/[0-9a-f-]{36}$/);
    const leadPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 1, name: lead.company }).waitFor();
    await page.getByTestId("lead-status").getByText("Waiting for an answer").waitFor();
    await page.getByText(`Offered to ${partnerName}`).waitFor();

    await withAnotherPage(t, "partner", async ({ page: partner }) => {
      await signedInPortal(partner);
      // The home card counts the lead waiting for an answer.
      await partner
        .getByTestId("new-leads-count")
        .getByText(/waiting for your answer/)
        .waitFor();
      await partner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leads", exact: true }).click();
      await waitForPath(partner, "/portal/leads");
      const waiting = partner.getByRole("table", { name: "Waiting for your answer" });
      await waiting.getByRole("link", { name: lead.company }).waitFor();
      await waiting.getByText(/left$/).first().waitFor();
      await saveScreenshot(partner, t, "partner-inbox");
      await waiting.getByRole("link", { name: lead.company }).click();
      await partner.getByRole("heading", { level: 1, name: lead.company }).waitFor();
      // No contact details before accepting.
      assert.equal(await partner.getByText(lead.email).count(), 0, "contact hidden until accepted");
      await partner.getByRole("button", { name: "Accept", exact: true }).click();
      await partner.getByTestId("lead-status").getByText("Accepted").waitFor();
      await partner.getByText(lead.email).waitFor();

      const form = partner.getByRole("form", { name: "Report progress" });
      await form.getByLabel("New status").selectOption("contacted");
      await form.getByLabel(/^Note for the sender/).fill(note);
      await form.getByRole("button", { name: "Update status" }).click();
      await partner.getByTestId("lead-status").getByText("Contacted").waitFor();
      await form.getByLabel("New status").selectOption("qualified");
      await form.getByRole("button", { name: "Update status" }).click();
      await partner.getByTestId("lead-status").getByText("Qualified").waitFor();
      await saveScreenshot(partner, t, "partner-qualified");
    });

    // Loop closure: the vendor sees the partner's status and note.
    await eventually(async () => {
      await page.goto(leadPath);
      await page.getByRole("heading", { level: 1, name: lead.company }).waitFor();
      return (await page.getByTestId("lead-status").getByText("Qualified").count()) > 0;
    }, "the vendor's lead page shows Qualified");
    await page.getByText(`Accepted by ${partnerName}`).waitFor();
    await page.getByText(`“${note}”`).waitFor();
    await saveScreenshot(page, t, "vendor-sees-status");

    await page.goto("/console/leads");
    const row = page.getByRole("row").filter({ hasText: lead.company });
    await row.getByText("Qualified").waitFor();
  }),
);

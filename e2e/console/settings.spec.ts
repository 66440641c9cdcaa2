import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { accounts, pageText, signIn, waitForPath } from "../support/app.ts";
import { baseUrl, withPage } from "../support/browser.ts";

const timeout = 60_000;

async function openSettings(page: Page): Promise<void> {
  await signIn(page, accounts.vendorAdmin);
  await page.getByTestId("console-shell").waitFor();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await waitForPath(page, /^\/console\/settings/);
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
}

/** Follows a settings sub-navigation link and waits for the section's heading. */
async function openSection(page: Page, link: string, heading: string, path: string | RegExp): Promise<void> {
  await page.getByRole("link", { name: link, exact: true }).first().click();
  await waitForPath(page, path);
  await page.getByRole("heading", { name: heading, exact: true }).first().waitFor();
}

test("admin opens the users, invitations, API keys, audit log and security settings", { timeout }, (t) =>
  withPage(t, async ({ page }) => {
    await openSettings(page);

    await openSection(page, "Users", "Users", "/console/settings/users");
    // The workspace's people are listed, the signed-in admin among them.
    await page.getByText(accounts.vendorAdmin).first().waitFor();
    await page.getByRole("table").first().waitFor();

    await openSection(page, "Invitations", "Invitations", "/console/settings/invitations");

    await openSection(page, "API keys", "API keys", "/console/settings/api-keys");
    await page.getByRole("button", { name: "Create API key" }).waitFor();

    await openSection(page, "Audit log", "Audit log", /^\/console\/settings\/audit/);
    // This test's own sign-in is in the log.
    await page.getByText("auth.signed_in").first().waitFor();

    await openSection(page, "Security", "Security", "/console/settings/security");

    const text = await pageText(page);
    assert.ok(!text.includes("symbiont-demo"), "no password is ever shown");
  }),
);

test("creating an API key shows its secret exactly once, and the key works", { timeout }, (t) =>
  withPage(t, async ({ page }) => {
    await openSettings(page);
    await openSection(page, "API keys", "API keys", "/console/settings/api-keys");

    const name = `e2e key ${Date.now().toString(36)}`;
    await page.getByRole("button", { name: "Create API key" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Key name").fill(name);
    await dialog.getByRole("button", { name: "Create key" }).click();

    const secretField = dialog.getByLabel(`Secret for ${name}`);
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    assert.match(secret, /^sym_[A-Za-z0-9_-]{20,}$/, "the secret is shown in full");
    await dialog.getByText(/will not be shown again/i).waitFor();

    // The key authenticates API calls on its own, without the session cookie.
    const withKey = await fetch(`${baseUrl}/api/console/partners?limit=5`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    assert.equal(withKey.status, 200, `calling the API with the new key answered ${withKey.status}`);

    await dialog.getByRole("button", { name: "I've copied it" }).click();
    await dialog.waitFor({ state: "detached" });

    // The list shows the key, but the secret is gone for good.
    await page.getByText(name, { exact: true }).first().waitFor();
    assert.ok(!(await pageText(page)).includes(secret), "the secret is not on the page after closing the dialog");
    assert.ok(!(await page.content()).includes(secret), "the secret is not in the page's markup either");
    const list = await page.request.get("/api/console/api-keys");
    assert.equal(list.status(), 200);
    assert.ok(!(await list.text()).includes(secret), "the API never returns the secret again");
  }),
);

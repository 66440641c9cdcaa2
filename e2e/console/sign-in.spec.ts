import assert from "node:assert/strict";
import { test } from "node:test";
import {
  accounts,
  consoleNav,
  currentPath,
  eventually,
  loginForm,
  mainNavLinks,
  navMatches,
  signIn,
  waitForPath,
} from "../support/app.ts";
import { withPage } from "../support/browser.ts";

const timeout = 60_000;

test("vendor admin signs in to the console and finds Northwind Consulting among the partners", { timeout }, (t) =>
  withPage(t, async ({ page }) => {
    await signIn(page, accounts.vendorAdmin);
    await waitForPath(page, /^\/console/);
    await page.getByTestId("console-shell").waitFor();

    const links = await mainNavLinks(page);
    assert.ok(navMatches(links, consoleNav), `main navigation shows ${JSON.stringify(links)}`);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
    await waitForPath(page, "/console/partners");
    await page.getByRole("heading", { level: 1, name: "Partners" }).waitFor();
    // The demo directory has 60 partners over several pages: find ours by searching.
    const search = page.getByLabel("Search", { exact: true });
    await search.fill("Northwind");
    await page.getByText("Northwind Consulting", { exact: true }).first().waitFor();
    await search.fill("contoso");
    await page.getByText("Contoso Systems", { exact: true }).first().waitFor();
    // The view lives in the URL: a reload (or a shared link) restores it.
    await eventually(async () => new URL(page.url()).searchParams.get("q") === "contoso", "the search is in the URL");
    await page.reload();
    await page.getByText("Contoso Systems", { exact: true }).first().waitFor();
    assert.equal(await page.getByLabel("Search", { exact: true }).inputValue(), "contoso");
    assert.equal(
      await page.getByText("Northwind Consulting", { exact: true }).count(),
      0,
      "the search narrows the list",
    );
  }),
);

test("a wrong password shows an error and stays on the sign-in page", { timeout }, (t) =>
  withPage(t, async ({ page }) => {
    await signIn(page, accounts.contosoAdmin, "not-the-password");
    const alert = page.getByRole("alert").filter({ hasText: /incorrect|not right/i });
    await alert.waitFor();
    assert.equal(currentPath(page), "/login");
    await page.getByTestId("login-form").waitFor();
    assert.equal(await page.getByTestId("console-shell").count(), 0);
    assert.equal(await page.getByTestId("portal-shell").count(), 0);
    const me = await page.request.get("/api/auth/me");
    assert.equal(me.status(), 401, "no session after a failed sign-in");

    // The right password still works afterwards (and clears the failed-attempt count).
    const { password, submit } = loginForm(page);
    await password.fill("symbiont-demo");
    await submit.click();
    await waitForPath(page, /^\/portal/);
    await page.getByTestId("portal-shell").waitFor();
  }),
);

test("the sign-in form can be filled and submitted with the keyboard alone", { timeout }, (t) =>
  withPage(t, async ({ page }) => {
    await page.goto("/login");
    const { email, password } = loginForm(page);
    await email.waitFor();
    // Tab until the email field has focus (it may already have it), then type, Tab, type, Enter.
    const focused = (field: typeof email) => field.evaluate((element) => element === document.activeElement);
    for (let presses = 0; !(await focused(email)); presses += 1) {
      assert.ok(presses < 15, "Tab never reached the email field");
      await page.keyboard.press("Tab");
    }
    await page.keyboard.type(accounts.vendorAdmin);
    await page.keyboard.press("Tab");
    assert.ok(await focused(password), "Tab from the email field moves to the password field");
    await page.keyboard.type("symbiont-demo");
    await page.keyboard.press("Enter");
    await waitForPath(page, /^\/console/);
    await page.getByTestId("console-shell").waitFor();
  }),
);

test("signing out returns to sign-in, and the console then asks to sign in again", { timeout }, (t) =>
  withPage(t, async ({ page }) => {
    await signIn(page, accounts.vendorAdmin);
    await page.getByTestId("console-shell").waitFor();
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await waitForPath(page, "/login");
    await page.getByTestId("login-form").waitFor();

    const me = await page.request.get("/api/auth/me");
    assert.equal(me.status(), 401, "the session is gone on the server too");

    await page.goto("/console");
    await waitForPath(page, "/login");
    await page.getByTestId("login-form").waitFor();
    await eventually(
      async () => (await page.getByTestId("console-shell").count()) === 0,
      "the console shell is not shown after signing out",
    );
  }),
);

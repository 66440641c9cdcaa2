import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import {
  accounts,
  currentPath,
  mainNavLinks,
  navMatches,
  pageText,
  portalNav,
  signIn,
  waitForPath,
} from "../support/app.ts";
import { withPage } from "../support/browser.ts";

const timeout = 60_000;

async function signInAsAlex(page: Page): Promise<void> {
  await signIn(page, accounts.northwindAdmin);
  await waitForPath(page, /^\/portal/);
  await page.getByTestId("portal-shell").waitFor();
}

test("partner admin signs in to the portal and sees Northwind Consulting, not Contoso Systems", { timeout }, (t) =>
  withPage(t, async ({ page }) => {
    await signInAsAlex(page);

    const links = await mainNavLinks(page);
    assert.ok(navMatches(links, portalNav), `main navigation shows ${JSON.stringify(links)}`);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.getByText("Northwind Consulting").first().waitFor();
    assert.ok(!(await pageText(page)).includes("Contoso"), "another partner's name is never shown");

    const own = await page.request.get("/api/portal/partner");
    assert.equal(own.status(), 200);
    const partner = (await own.json()) as { name?: unknown };
    assert.equal(partner.name, "Northwind Consulting");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
    await waitForPath(page, /^\/portal\/profile/);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.getByText("Northwind Consulting").first().waitFor();
    assert.ok(!(await pageText(page)).includes("Contoso"), "the profile shows only the partner's own organization");
  }),
);

test(
  "partner admin opening console pages lands on the portal with a notice, and the console API refuses",
  { timeout },
  (t) =>
    withPage(t, async ({ page }) => {
      await signInAsAlex(page);

      for (const path of ["/console", "/console/settings/users"]) {
        await page.goto(path);
        await waitForPath(page, /^\/portal/);
        await page.getByTestId("portal-shell").waitFor();
        const notice = page.getByTestId("surface-notice");
        await notice.waitFor();
        const said = ((await notice.textContent()) ?? "").replace(/\s+/g, " ");
        assert.match(said, /vendor|staff|console/i, `the notice explains the console is for vendor staff: "${said}"`);
        assert.doesNotMatch(
          said,
          /for partners/i,
          `the notice must not tell a partner the page is for partners: "${said}"`,
        );
        assert.equal(await page.getByTestId("console-shell").count(), 0, `no console shell after opening ${path}`);
        assert.ok(currentPath(page).startsWith("/portal"), `opening ${path} ends on ${currentPath(page)}`);
      }

      for (const api of ["/api/console/partners?limit=50", "/api/console/users"]) {
        const response = await page.request.get(api);
        assert.equal(response.status(), 403, `GET ${api} with a partner session answered ${response.status()}`);
      }
      const own = await page.request.get("/api/portal/partner");
      assert.equal(own.status(), 200, "the same session still works on the portal API");
    }),
);

// What the tests know about the demo workspace, and the few steps many of them share.
import type { Locator, Page } from "playwright-core";

export const DEMO_PASSWORD = "symbiont-demo";

export const accounts = {
  /** Vendor admin of Acme Cloud: signs in to the console. */
  vendorAdmin: "admin@acme.example",
  /** Partner admin of Northwind Consulting: signs in to the portal. */
  northwindAdmin: "alex@northwind.example",
  /** Partner admin of Contoso Systems. */
  contosoAdmin: "sam@contoso-systems.example",
} as const;

export const consoleNav = [
  "Dashboard",
  "Partners",
  "Accounts",
  "Recruitment",
  "Programs",
  "Onboarding",
  "Agreements",
  "Leads",
  "Deals",
  "Opportunities",
  "Attribution",
  "Enablement",
  "MDF",
  "Settings",
] as const;
export const portalNav = [
  "Home",
  "Tier & benefits",
  "My scorecard",
  "Agreements",
  "Deals",
  "Leads",
  "Learning",
  "Funds",
  "Earnings",
  "Profile",
] as const;

export function loginForm(page: Page): { form: Locator; email: Locator; password: Locator; submit: Locator } {
  const form = page.getByTestId("login-form");
  return {
    form,
    email: form.getByLabel(/email/i),
    password: form.getByLabel(/^password\b/i),
    submit: form.getByRole("button", { name: "Sign in" }),
  };
}

/** Opens /login and signs in through the form (not the API), as a person would. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  const { email: emailField, password: passwordField, submit } = loginForm(page);
  await emailField.fill(email);
  await passwordField.fill(password);
  await submit.click();
}

/** Waits until the address bar shows `pathname` (exactly, or matching the pattern). */
export async function waitForPath(page: Page, pathname: string | RegExp, timeout = 15_000): Promise<void> {
  await page.waitForURL(
    (url) => (typeof pathname === "string" ? url.pathname === pathname : pathname.test(url.pathname)),
    { timeout, waitUntil: "commit" },
  );
}

export function currentPath(page: Page): string {
  return new URL(page.url()).pathname;
}

/** The link texts in the main navigation, in order (a link may carry a badge such as "Soon"). */
export async function mainNavLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.waitFor({ state: "visible" });
  const names = await nav.getByRole("link").allInnerTexts();
  return names.map((name) => name.replace(/\s+/g, " ").trim());
}

/** True when the navigation links are exactly `expected`, in order, each possibly followed by a badge. */
export function navMatches(actual: readonly string[], expected: readonly string[]): boolean {
  return (
    actual.length === expected.length &&
    expected.every((name, index) => actual[index] === name || actual[index]?.startsWith(`${name} `))
  );
}

/** Polls `check` until it returns true, or fails with `message` after `timeout` ms. */
export async function eventually(check: () => Promise<boolean>, message: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms: ${message}`);
    await new Promise((settle) => setTimeout(settle, 100));
  }
}

/** All the text in the page (hidden text too), for "never shows X" checks after the page has settled. */
export async function pageText(page: Page): Promise<string> {
  return (await page.locator("body").textContent()) ?? "";
}

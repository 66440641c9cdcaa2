// The recruiting story end to end, in the browser: a vendor admin sets up a new program (tier,
// onboarding journey, agreement, Ideal Partner Profile); a company applies on the public page; the
// admin sees its fit score, approves it and passes on the invitation link; the new partner admin
// joins, accepts the agreement and invites a colleague; the admin sees the onboarding complete.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Locator, Page } from "playwright-core";
import { accounts, eventually, signIn, waitForPath } from "../support/app.ts";
import { baseUrl, saveScreenshot, withAnotherPage, withPage } from "../support/browser.ts";

const timeout = 180_000;

/** Unique per run, so the story can run again against the same database. */
const run = Date.now().toString(36);
const programName = `E2E Recruiting ${run}`;
const tierName = "Registered";
const journeyName = `Welcome to ${programName}`;
const agreementTitle = `Partner agreement ${run}`;
const steps = { accept: "Accept the partner agreement", invite: "Invite 1 colleague" } as const;
const criteria = { region: "Serves EMEA", type: "System integrator" } as const;
const company = {
  name: `Fjordline Integration ${run}`,
  website: `https://fjordline-${run}.example`,
  country: "NO",
};
const applicant = { name: "Ingrid Berg", email: `ingrid@fjordline-${run}.example`, password: `fjord lights ${run}` };
const colleague = { name: "Lars Dahl", email: `lars@fjordline-${run}.example`, password: `north wind ${run}` };

function mainNav(page: Page, link: string): Locator {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link, exact: true });
}

async function openConsolePage(page: Page, link: string, path: string): Promise<void> {
  await mainNav(page, link).click();
  await waitForPath(page, path);
  await page.getByRole("heading", { level: 1, name: link }).waitFor();
}

/** Numbers shown in `locator`, e.g. the points of a breakdown row. */
async function numberIn(locator: Locator): Promise<number> {
  const text = ((await locator.textContent()) ?? "").trim();
  const value = Number(text);
  assert.ok(Number.isFinite(value), `"${text}" is a number`);
  return value;
}

/** One journey step on a card of JourneySteps: its row in the list, found by title. */
function stepRow(scope: Locator, title: string): Locator {
  return scope.getByRole("listitem").filter({ hasText: title });
}

async function assertStepPending(scope: Locator, title: string): Promise<void> {
  const row = stepRow(scope, title);
  await row.getByText(/^Due /).waitFor();
  assert.equal(await row.getByText(/^Done /).count(), 0, `"${title}" is not done yet`);
}

async function assertStepDone(scope: Locator, title: string): Promise<void> {
  await stepRow(scope, title)
    .getByText(/^Done /)
    .waitFor();
}

/** Creates an account from an invitation link and waits for the portal. */
async function acceptInvitation(page: Page, link: string, person: { name: string; password: string }) {
  await page.goto(link);
  await page.getByRole("heading", { level: 1, name: `Join ${company.name} on Symbiont` }).waitFor();
  const form = page.getByRole("form", { name: "Create your account" });
  await form.getByLabel("Your name").fill(person.name);
  await form.getByLabel("Choose a password").fill(person.password);
  await form.getByLabel("Confirm password").fill(person.password);
  await form.getByRole("button", { name: "Accept and sign in" }).click();
  await waitForPath(page, /^\/portal/);
  await page.getByTestId("portal-shell").waitFor();
}

test("recruit to onboard: a new program's applicant is approved and completes onboarding", { timeout }, (t) =>
  withPage(t, async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    await signIn(page, accounts.vendorAdmin);
    await waitForPath(page, /^\/console/);
    await page.getByTestId("console-shell").waitFor();

    // ── 1. The vendor admin configures the program ─────────────────────────────────────────────
    await openConsolePage(page, "Programs", "/console/programs");
    await page.getByRole("button", { name: "New program" }).click();
    const newProgram = page.getByRole("dialog", { name: "New program" });
    await newProgram.getByLabel("Program name").fill(programName);
    await newProgram.getByRole("button", { name: "Create program" }).click();
    await waitForPath(page, /^\/console\/programs\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: programName }).waitFor();
    const programSlug = await page.getByLabel("Address", { exact: true }).inputValue();
    assert.match(programSlug, new RegExp(`${run}$`), `the program's address "${programSlug}" comes from its name`);

    await page.getByRole("button", { name: "Add tier" }).click();
    const tierDialog = page.getByRole("dialog", { name: "Add a tier" });
    await tierDialog.getByLabel("Tier name").fill(tierName);
    await tierDialog.getByRole("button", { name: "Add threshold" }).click();
    await tierDialog.getByLabel("Metric 1", { exact: true }).selectOption({ label: "Won deals" });
    await tierDialog.getByLabel("Minimum for metric 1").fill("1");
    await tierDialog.getByRole("button", { name: "Add tier" }).click();
    await tierDialog.waitFor({ state: "hidden" });
    await page.getByText("Won deals ≥ 1", { exact: true }).waitFor();
    await saveScreenshot(page, t, "1a program with tier");

    await openConsolePage(page, "Onboarding", "/console/onboarding");
    await page.getByLabel("Program of the new journey").selectOption({ label: programName });
    await page.getByLabel("Journey name").fill(journeyName);
    await page.getByRole("button", { name: "Create journey" }).click();
    // The program filter above follows the program chosen, so only this program's journey shows.
    const journeys = page.getByRole("region", { name: "Journey templates" });
    const journeyHeading = journeys.getByRole("heading", { level: 3, name: journeyName });
    await journeyHeading.waitFor();
    assert.equal(await journeys.getByRole("button", { name: "Add step" }).count(), 1, "one journey is shown");
    await journeys.getByLabel("Type", { exact: true }).selectOption({ label: "Accept agreement" });
    await journeys.getByLabel("Title", { exact: true }).fill(steps.accept);
    await journeys.getByRole("button", { name: "Add step" }).click();
    await journeys.getByText(`1. ${steps.accept}`, { exact: true }).waitFor();
    await journeys.getByLabel("Type", { exact: true }).selectOption({ label: "Invite colleagues" });
    await journeys.getByLabel("Title", { exact: true }).fill(steps.invite);
    // One colleague invited (or joined) besides the partner's first person completes the step.
    await journeys.getByLabel("How many colleagues (invited or joined)").fill("1");
    await journeys.getByRole("button", { name: "Add step" }).click();
    await journeys.getByText(`2. ${steps.invite}`, { exact: true }).waitFor();
    await journeys.getByText(/Invite colleagues · .* · 1 colleague/).waitFor();
    // The first journey of a program becomes its default; otherwise make it so.
    const makeDefault = journeys.getByRole("button", { name: "Make default" });
    if (await makeDefault.isVisible()) await makeDefault.click();
    await journeyHeading.filter({ hasText: "Default" }).waitFor();
    await saveScreenshot(page, t, "1b onboarding journey");

    await openConsolePage(page, "Agreements", "/console/agreements");
    await page.getByRole("button", { name: "New agreement" }).click();
    const agreementDialog = page.getByRole("dialog", { name: "New agreement" });
    await agreementDialog.getByLabel("Program", { exact: true }).selectOption({ label: programName });
    await agreementDialog.getByLabel("Title").fill(agreementTitle);
    await agreementDialog
      .getByLabel("Text (markdown)")
      .fill(`# ${agreementTitle}\n\nThe partner resells in good faith and keeps customer data **confidential**.`);
    await agreementDialog.getByRole("button", { name: "Publish version 1" }).click();
    await agreementDialog.waitFor({ state: "hidden" });
    const agreementRow = page.getByRole("table", { name: "Agreements" }).getByRole("row").filter({
      hasText: agreementTitle,
    });
    await agreementRow.getByText(programName).waitFor();
    await agreementRow.getByText(/^v1 · /).waitFor();
    await saveScreenshot(page, t, "1c agreement published");

    await openConsolePage(page, "Recruitment", "/console/recruitment");
    await page.getByLabel("Program", { exact: true }).selectOption({ label: programName });
    await page.getByRole("link", { name: `Edit ${programName} profile` }).click();
    await waitForPath(page, /^\/console\/recruitment\/ipp\//);
    await page.getByRole("heading", { level: 1, name: `${programName}: Ideal Partner Profile` }).waitFor();
    await page.getByText("No criteria yet").waitFor();
    const ippCriteria: [string, string, string, string][] = [
      [criteria.region, "60", "Regions served", "EMEA"],
      // Values are compared with the stored codes (case aside), so partner types take theirs.
      [criteria.type, "40", "Partner types", "system_integrator"],
    ];
    for (const [index, [label, weight, attribute, values]] of ippCriteria.entries()) {
      await page.getByRole("button", { name: "Add criterion" }).click();
      const criterion = page.getByRole("group", { name: `Criterion ${index + 1}` });
      await criterion.getByLabel("Label", { exact: true }).fill(label);
      await criterion.getByLabel(/^Weight/).fill(weight);
      await criterion.getByLabel("Attribute").selectOption({ label: attribute });
      await criterion.getByLabel("Rule", { exact: true }).selectOption({ label: "Has any of" });
      await criterion.getByLabel("Values").fill(values);
    }
    await page.getByText("total weight 100").waitFor();
    await page.getByRole("button", { name: "Save and rescore" }).click();
    await page.getByText("Profile saved").waitFor();
    await page.getByText("Version 1 · total weight 100").waitFor();
    await saveScreenshot(page, t, "1d ideal partner profile");

    // ── 2. A company applies on the public page, signed out ────────────────────────────────────
    await withAnotherPage(t, "applicant applies", async ({ page: visitor }) => {
      await visitor.goto(`/apply/acme-cloud/${programSlug}`);
      await visitor.getByRole("heading", { level: 1, name: `Apply to the ${programName}` }).waitFor();
      await visitor.getByLabel("Company name").fill(company.name);
      await visitor.getByLabel("Company website").fill(company.website);
      await visitor.getByLabel("Headquarters country").fill(company.country);
      await visitor.getByLabel("Company size").selectOption("11-50");
      const types = visitor.getByRole("group", { name: "How do you want to partner?" });
      await types.getByLabel("System integrator", { exact: true }).check();
      await types.getByLabel("Reseller", { exact: true }).check();
      const served = visitor.getByRole("group", { name: "Regions you serve" });
      await served.getByLabel("EMEA", { exact: true }).check();
      await served.getByLabel("Nordics", { exact: true }).check();
      await visitor.getByLabel("Industries").fill("software, logistics");
      await visitor.getByLabel("Your name").fill(applicant.name);
      await visitor.getByLabel("Your work email").fill(applicant.email);
      await visitor.getByRole("button", { name: "Send application" }).click();
      const received = visitor.getByRole("status").filter({ hasText: "Application received" });
      await received.getByRole("heading", { name: "Application received" }).waitFor();
      await received.getByText(/we received your application/i).waitFor();
    });

    // ── 3. The vendor admin vets and approves the application ──────────────────────────────────
    await page.goto("/console/recruitment");
    await page.getByRole("heading", { level: 1, name: "Recruitment" }).waitFor();
    await page.getByLabel("Program", { exact: true }).selectOption({ label: programName });
    const queue = page.getByRole("table", { name: "Partner applications" });
    const row = queue.getByRole("row").filter({ hasText: company.name });
    await row.getByText(applicant.email).waitFor();
    const listedScore = Number(
      await row.getByRole("meter", { name: `Fit score of ${company.name}` }).getAttribute("value"),
    );
    assert.ok(listedScore > 0, `the queue shows a fit score above 0 (${listedScore})`);
    await row.getByRole("button", { name: company.name }).click();

    const application = page.getByRole("dialog", { name: company.name });
    const breakdown = application.getByRole("table", { name: "Fit score by criterion" });
    await breakdown.waitFor();
    const score = Number(
      await application.getByRole("meter", { name: `Fit score of ${company.name}` }).getAttribute("value"),
    );
    assert.ok(score > 0, `the application's fit score is above 0 (${score})`);
    assert.equal(score, 100, "the applicant matches both criteria of the profile");
    for (const label of Object.values(criteria)) {
      const line = breakdown.getByRole("row").filter({ hasText: label });
      await line.getByText(/^Matches /).waitFor();
      const points = await numberIn(line.getByRole("cell").last());
      assert.ok(points > 0, `"${label}" adds points (${points})`);
    }
    await application.getByText("profile v1").waitFor();
    // The answers list what the applicant filled in (no empty rows for lists left blank).
    await application.getByText(company.website, { exact: true }).waitFor();
    assert.equal(await application.getByText("specializations").count(), 0, "no row for the empty specializations");
    await saveScreenshot(page, t, "3a application fit breakdown");

    await application.getByRole("button", { name: "Approve and invite" }).click();
    await application
      .getByRole("status")
      .filter({ hasText: `${company.name} is now onboarding` })
      .waitFor();
    const linkField = application.getByLabel("Invitation link");
    const invitationLink = await linkField.inputValue();
    assert.ok(
      invitationLink.startsWith(`${baseUrl}/invite/`),
      `the invitation link points at this server: ${invitationLink}`,
    );
    await application.getByRole("button", { name: "Copy", exact: true }).click();
    await application.getByRole("button", { name: "Copied" }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, invitationLink, "the Copy button puts the link on the clipboard");
    await saveScreenshot(page, t, "3b approved with invitation link");
    await application.getByRole("button", { name: "Close dialog" }).click();
    await application.waitFor({ state: "hidden" });

    // ── 4. The applicant joins, accepts the agreement and invites a colleague ──────────────────
    let colleagueLink = "";
    await withAnotherPage(t, "new partner admin", async ({ page: portal }) => {
      await acceptInvitation(portal, invitationLink, applicant);
      await portal.getByRole("heading", { level: 1, name: `Welcome, ${company.name}` }).waitFor();
      const journey = portal.getByRole("region", { name: journeyName });
      await journey.getByText(`· ${programName}`).waitFor();
      await assertStepPending(journey, steps.accept);
      await assertStepPending(journey, steps.invite);
      await journey.getByText("0 of 2", { exact: true }).waitFor();
      await saveScreenshot(portal, t, "4a portal home onboarding pending");

      await mainNav(portal, "Agreements").click();
      await waitForPath(portal, "/portal/agreements");
      await portal.getByRole("heading", { level: 1, name: "Agreements" }).waitFor();
      await portal.getByRole("heading", { name: agreementTitle, level: 2 }).first().waitFor();
      await portal.getByRole("checkbox", { name: `I accept "${agreementTitle}" on behalf of my organization` }).check();
      await portal.getByRole("button", { name: "Accept version 1" }).click();
      await portal.getByText(`You accepted ${agreementTitle}`).waitFor();
      await portal.getByText(`Accepted by ${applicant.email}`).waitFor();
      await saveScreenshot(portal, t, "4b agreement accepted");

      await mainNav(portal, "Profile").click();
      await waitForPath(portal, "/portal/profile");
      await portal.getByRole("navigation", { name: "Profile" }).getByRole("link", { name: "Invitations" }).click();
      await waitForPath(portal, "/portal/profile/invitations");
      await portal.getByRole("button", { name: "Invite someone" }).first().click();
      const invite = portal.getByRole("dialog", { name: "Invite someone" });
      await invite.getByLabel("Email address").fill(colleague.email);
      await invite.getByLabel("Role", { exact: true }).selectOption({ label: "Partner user" });
      await invite.getByRole("button", { name: "Create invitation" }).click();
      const created = portal.getByRole("dialog", { name: "Invitation created" });
      colleagueLink = await created.getByLabel("Invitation link").inputValue();
      assert.match(colleagueLink, /\/invite\/[^/]+$/, "the colleague's invitation has a link");
      await created.getByRole("button", { name: "Done" }).click();
      await created.waitFor({ state: "hidden" });
      await portal
        .getByRole("table", { name: "Invitations" })
        .getByRole("row")
        .filter({ hasText: colleague.email })
        .getByText("Pending")
        .waitFor();
      await saveScreenshot(portal, t, "4c colleague invited");

      // Accepting the agreement and inviting the colleague completed the journey.
      await mainNav(portal, "Home").click();
      await waitForPath(portal, /^\/portal\/?$/);
      await assertStepDone(journey, steps.accept);
      await assertStepDone(journey, steps.invite);
      await journey.getByText("Completed", { exact: true }).waitFor();
      await saveScreenshot(portal, t, "4d onboarding complete");
    });

    // The colleague accepts their invitation (there is no email delivery: the link is passed on).
    await withAnotherPage(t, "colleague joins", async ({ page: colleaguePage }) => {
      await acceptInvitation(colleaguePage, colleagueLink, colleague);
      await colleaguePage.getByRole("heading", { level: 1, name: `Welcome, ${company.name}` }).waitFor();
      const journey = colleaguePage.getByRole("region", { name: journeyName });
      await assertStepDone(journey, steps.invite);
      await journey.getByText("Completed", { exact: true }).waitFor();
    });

    // ── 5. The vendor admin sees the partner onboarded ─────────────────────────────────────────
    await openConsolePage(page, "Partners", "/console/partners");
    await page.getByLabel("Search", { exact: true }).fill(company.name);
    const listed = page.getByRole("row").filter({ hasText: company.name });
    await listed.getByText("Onboarding", { exact: true }).waitFor();
    await listed.getByRole("link", { name: company.name, exact: true }).click();
    await waitForPath(page, /^\/console\/partners\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: company.name }).waitFor();

    await page.getByRole("tab", { name: "Onboarding" }).click();
    const panel = page.getByRole("tabpanel", { name: "Onboarding" });
    await panel.getByRole("heading", { level: 3, name: journeyName }).waitFor();
    await assertStepDone(panel, steps.accept);
    await assertStepDone(panel, steps.invite);
    await panel.getByText("2 of 2", { exact: true }).waitFor();
    assert.equal(
      await panel.getByRole("progressbar", { name: `${journeyName} progress` }).getAttribute("aria-valuenow"),
      "100",
    );
    await panel.getByText(/ · completed /).waitFor();
    await saveScreenshot(page, t, "5a console onboarding complete");

    await page.getByRole("tab", { name: "Activity" }).click();
    const activity = page.getByRole("tabpanel", { name: "Activity" });
    const expected = [/^application received$/i, /^Stage: Applied → Onboarding$/, /^agreement accepted$/i];
    await activity.getByRole("listitem").first().waitFor();
    await eventually(
      async () => {
        const missing = [];
        for (const entry of expected) if ((await activity.getByText(entry).count()) === 0) missing.push(entry);
        if (missing.length === 0) return true;
        const older = activity.getByRole("button", { name: "Load older" });
        if (await older.isVisible()) await older.click();
        return false;
      },
      `the activity shows ${expected.join(", ")}`,
    );
    await activity.getByText("Application approved").first().waitFor();
    await saveScreenshot(page, t, "5b console activity");
  }),
);

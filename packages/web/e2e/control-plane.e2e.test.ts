import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { unlabelledControls } from './support/accessibility.js';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { browserAvailable } from './support/e2e-guard.js';
import { bootstrapAdmin, type FerryServer, startFerryServer } from './support/ferry-server.js';
import {
  choose,
  confirmedAction,
  journeySteps,
  openPage,
  setPasswordWithCode,
  signIn,
  signOut,
  takePasswordCode,
} from './support/journey.js';

/**
 * The journeys people take through the control plane, in one real Chromium against the real `ferry serve` on a
 * fresh embedded database. Each step leaves a screenshot under test-artifacts/web-e2e/.
 * The steps run in order and share the browser: each one starts where the previous one left off.
 */
const reviewer = {
  name: 'Cara Reviewer',
  email: 'cara.reviewer@northshire.example',
  password: 'Heron-Copper-Violet-Ridge-3',
};
const cutoverManager = {
  name: 'Colin Cutover',
  email: 'colin.cutover@northshire.example',
  password: 'Granite-Osprey-Lantern-9',
};
const viewer = { name: 'Rita Viewer', email: 'rita.viewer@northshire.example', password: 'Kestrel-Meadow-Lantern-7' };

const journey = journeySteps();
const it = journey.step;

describe.runIf(browserAvailable())('web control plane journeys (Chromium)', () => {
  let server: FerryServer;
  let browser: BrowserSession;
  let page: Page;
  const state: { projectId?: string; runId?: string; triaged?: string } = {};
  /** Controls without an accessible name, per screenshot taken. */
  const unlabelled: string[] = [];
  const screenshot = async (name: string) => {
    await browser.screenshot(name);
    for (const control of await unlabelledControls(page)) unlabelled.push(`${name}: ${control}`);
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startFerryServer(), launchBrowser()]);
    page = browser.page;
    journey.onFailure = async (step) => {
      await browser.screenshot(`FAILED-${step.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
    };
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in as the bootstrap admin, refusing a wrong password first', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(bootstrapAdmin.email);
    await page.getByLabel(/^Password/).fill('not-the-password-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Sign-in failed');
    await screenshot('login-refused');
    await signIn(page, server.url, bootstrapAdmin.email, bootstrapAdmin.password);
    await expect.poll(() => page.url()).toContain('/onboarding');
    expect(await page.getByTestId('user-menu').textContent()).toContain('super admin');
  });

  it('creates an organisation, a workspace and a project on the nhs-pas pack', async () => {
    await page.getByLabel('New organisation name').fill('Northshire Hospitals NHS Trust');
    await page.getByLabel('Code').fill('northshire');
    await screenshot('onboarding');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByLabel('New workspace name').fill('PAS replacement');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByLabel('Project name').fill('PAS rehearsal 1');
    await choose(page, 'Pack', /^nhs-pas/);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/dashboard$/);
    state.projectId = /\/projects\/([0-9a-f-]{36})\//.exec(page.url())![1];
    // The switcher follows the new project.
    await expect
      .poll(() => page.locator('input[aria-label="Organisation"]').inputValue())
      .toBe('Northshire Hospitals NHS Trust');
    await expect.poll(() => page.locator('input[aria-label="Project"]').inputValue()).toBe('PAS rehearsal 1 (nhs-pas)');
    await screenshot('project-created');
  });

  it('browses the source and target schemas', async () => {
    await openPage(page, 'Schemas');
    await page.getByLabel('Search tables and columns').fill('PATIENT');
    const tables = page.getByRole('table', { name: 'source tables' });
    await tables.getByRole('cell', { name: 'PATIENT', exact: true }).click();
    await page
      .getByRole('table', { name: /^Columns of / })
      .getByText('PK')
      .first()
      .waitFor();
    await screenshot('schemas');
  });

  it('runs the lifecycle on a small cohort and watches it finish', async () => {
    await openPage(page, 'Lifecycle');
    await page.getByLabel('Patients in the generated cohort').fill('40');
    await page.getByRole('button', { name: 'Run all stages' }).click();
    await page.getByTestId('stage-generate').waitFor();
    await expect
      .poll(() => page.locator('[data-testid^="stage-"][data-state="Success"]').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await screenshot('lifecycle-running');
    const finished = page.getByTestId('run-finished');
    await finished.waitFor({ timeout: 300_000 });
    expect(await finished.textContent()).toMatch(/^Run succeeded; gate (PASS|FAIL)$/);
    expect(await page.locator('[data-testid^="stage-"][data-state="Success"]').count()).toBe(8);
    await screenshot('lifecycle-finished');
  });

  it('reads the gate result and downloads the evidence package', async () => {
    await page.getByRole('link', { name: 'Open run' }).click();
    const gate = page.getByTestId('gate-panel');
    await gate.waitFor();
    state.runId = /\/runs\/([0-9a-f-]{36})$/.exec(page.url())![1];
    // A decision needs a rationale: without one, the decision buttons are not armed.
    expect(await gate.getByRole('button', { name: 'No go' }).isDisabled()).toBe(true);
    await gate.getByLabel(/^Rationale/).fill('Trying to sign my own run');
    await gate.getByRole('button', { name: 'No go' }).click();
    // The confirmation states the profile, loudly when it is the development profile, before anything is recorded.
    const confirmation = page.getByRole('dialog', { name: 'Record a no go decision?' });
    await confirmation.getByText('Gated at the development profile', { exact: true }).waitFor();
    expect(await confirmation.textContent()).toMatch(
      /This run was gated at the development profile: outcome (PASS|FAIL)/,
    );
    await screenshot('gate-confirmation');
    // Whoever started the run does not decide its gate.
    await confirmation.getByRole('button', { name: 'Record no go at the development profile' }).click();
    await page.getByText('You started this run; another person must decide its gate').waitFor();
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    await confirmation.waitFor({ state: 'detached' });
    expect(await gate.textContent()).toMatch(/Gate \(development\)(PASS|FAIL)/);
    await page.getByRole('table', { name: 'Artefacts' }).getByText('gate_report.json').first().waitFor();
    await screenshot('run-detail-gate');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download evidence package' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.tar\.gz$/);
    const bytes = await readFile((await download.path())!);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    await openPage(page, 'Runs');
    await page.getByRole('table', { name: 'Runs' }).getByText('succeeded').waitFor();
    await screenshot('runs');
  });

  it('explores quality issues: grouped by check, drilled down to keys', async () => {
    await openPage(page, 'Quality');
    const byCheck = page.getByRole('navigation', { name: 'Issues by check' });
    const first = byCheck.getByRole('link').nth(1).or(byCheck.locator('a, button').nth(1));
    await first.waitFor();
    const check = (await first.locator('.mantine-NavLink-label').textContent())!;
    await first.click();
    const issues = page.getByRole('table', { name: 'Quality issues' });
    await expect
      .poll(
        async () => {
          const rows = (await issues.getByRole('row').allTextContents()).slice(1);
          return rows.length > 0 && rows.every((r) => r.startsWith(check));
        },
        { message: `every issue row is of ${check}` },
      )
      .toBe(true);
    await screenshot('quality');
  });

  it('triages an issue: accepted risk with a note, kept with the issue', async () => {
    const issues = page.getByRole('table', { name: 'Quality issues' });
    const row = issues.getByRole('row').nth(1);
    const [check, , table, key] = await row.getByRole('cell').allTextContents();
    state.triaged = `${table} ${key}`;
    await row.click();
    const drawer = page.getByRole('dialog', { name: `Issue ${table} ${key}` });
    await drawer.getByText('Untriaged').waitFor();
    expect(await drawer.textContent()).toContain(check);
    await choose(page, 'Triage status', 'Accepted risk');
    await drawer.getByLabel('Note').fill('Known gap in the legacy extract; clinical safety case CS-12');
    await screenshot('quality-triage');
    await drawer.getByRole('button', { name: 'Save triage' }).click();
    await page.getByText(`Issue ${key} triaged: Accepted risk`).waitFor();
    await drawer.waitFor({ state: 'detached' });
    // The triage filter finds it, and only it.
    await choose(page, 'Triage', 'Accepted risk');
    await expect
      .poll(async () => (await issues.getByRole('row').allTextContents()).slice(1))
      .toEqual([expect.stringMatching(new RegExp(`^${check}.*${table}${key}.*Accepted risk$`))]);
    await screenshot('quality-triaged');
  });

  it('shows the profile of the source and the migration health on the dashboard', async () => {
    await openPage(page, 'Schemas');
    await page.getByLabel('Search tables and columns').fill('PATIENT');
    await page
      .getByRole('table', { name: 'source tables' })
      .getByRole('cell', { name: 'PATIENT', exact: true })
      .click();
    await page.getByRole('tab', { name: 'Profile statistics' }).click();
    await page.getByRole('button', { name: 'Load profile statistics' }).click();
    const profile = page.getByRole('table', { name: 'Profile of PATIENT' });
    await profile.waitFor();
    // NHS numbers identify people: their values are never shown.
    expect(await profile.getByRole('row', { name: /^NHS_NO / }).textContent()).toContain('withheld (identifier)');
    await screenshot('schemas-profile');

    await openPage(page, 'Dashboard');
    await page.getByRole('heading', { name: /^Load counts/ }).waitFor();
    await page.getByRole('heading', { name: 'Quality and gate' }).waitFor();
    await page.getByRole('table', { name: 'Last runs' }).waitFor();
    await screenshot('dashboard');
  });

  it('uploads a markdown document and reads it rendered safely', async () => {
    await openPage(page, 'Documents');
    await page.locator('input[type=file]').setInputFiles({
      name: 'cutover-plan.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(
        '# Cutover plan\n\nFreeze on **Friday**.\n\n<script>window.__pwned = true</script>\n<img src=x onerror="window.__pwned = true">\n',
      ),
    });
    await page.getByRole('cell', { name: 'cutover-plan.md', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Read' }).click();
    const article = page.getByRole('article', { name: 'cutover-plan.md' });
    await article.getByRole('heading', { name: 'Cutover plan' }).waitFor();
    expect(await article.locator('script, [onerror]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    await screenshot('documents');
  });

  it('reviews a crosswalk entry; its reviewer cannot also approve it', async () => {
    await openPage(page, 'Crosswalks');
    // The coverage of the run's extract comes first; the page settles once it is drawn.
    await page
      .getByRole('table', { name: 'Coverage per crosswalk' })
      .getByRole('button', { name: 'Show unmapped gender codes' })
      .waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await choose(page, 'Code type', /^gender$/);
    await page.getByLabel('Local code').fill('U');
    const table = page.getByRole('table', { name: 'Crosswalk entries' });
    await expect
      .poll(async () => (await table.getByRole('row').allTextContents()).slice(1))
      .toEqual([expect.stringMatching(/^genderUUnknownXNot knownequivalentapproved/)]);
    // The bulk bar is not armed until someone says it applies to all matching entries; each change is confirmed
    // naming its count and entries.
    const armAll = page.getByRole('checkbox', { name: 'Apply to all 1 matching entries' });
    expect(await page.getByRole('button', { name: 'Reopen to draft' }).isDisabled()).toBe(true);
    await armAll.check();
    expect(await confirmedAction(page, 'Reopen to draft', 'Reopen to draft 1 crosswalk entry?')).toContain(
      "gender 'U' → X (approved)",
    );
    await page.getByText(/^1 entry draft; crosswalk version/).waitFor();
    expect(await armAll.isChecked()).toBe(false);
    await armAll.check();
    await confirmedAction(page, 'Mark reviewed', 'Mark reviewed 1 crosswalk entry?');
    await page.getByText(/^1 entry reviewed; crosswalk version/).waitFor();
    await armAll.check();
    await confirmedAction(page, 'Approve', 'Approve 1 crosswalk entry?');
    await page.getByText(/another person must approve or reject them/).waitFor();
    expect(await table.textContent()).toContain('reviewed');
    await screenshot('crosswalks');
  });

  it('refuses to let the author approve their own mapping change, and a second person bulk-approves it', async () => {
    await openPage(page, 'Mappings');
    const matchingLabel = page.getByText(/^All \d+ matching$/);
    const matchingCount = async () => Number(/All (\d+)/.exec((await matchingLabel.textContent()) ?? '')?.[1]);
    await expect.poll(matchingCount).toBeGreaterThan(0);
    const everything = await matchingCount();
    await page.getByLabel('Target table').fill('LOAD_PMI');
    await expect.poll(matchingCount).toBeLessThan(everything);
    const matching = await matchingCount();
    // A row opens with its full detail and what the map stage suggested, with confidence and reason.
    await page
      .getByRole('table', { name: 'Contract rows' })
      .getByRole('cell', { name: 'NHS_NUMBER', exact: true })
      .click();
    await page.getByRole('button', { name: /^Show the suggestion of run/ }).click();
    const suggested = page.getByRole('table', { name: 'Suggested source columns' });
    await suggested.getByRole('row').nth(1).waitFor();
    expect(await suggested.getByRole('row').nth(1).textContent()).toMatch(/PATIENT\.\w+0\.\d\d|PATIENT\.\w+1\.00/);
    await screenshot('mappings-row-suggestion');
    // Editing an approved row's transform steps reopens it to draft.
    const steps = page.getByRole('dialog').getByLabel('Transform steps');
    await steps.click();
    for (let i = 0; i < 8; i++) await steps.press('Backspace');
    for (const step of ['trim', 'nhs_number']) {
      await steps.fill(step);
      await steps.press('Enter');
    }
    await steps.press('Tab');
    await page.getByRole('button', { name: 'Save change' }).click();
    await page.getByText(/^Saved as version [0-9a-f]{12}; the row is a draft again/).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // "All N matching" is for the filter it was chosen under: changing the filter disarms it.
    await page.getByText(/^All \d+ matching$/).click();
    expect(await page.getByRole('button', { name: 'Reopen to draft' }).isDisabled()).toBe(false);
    await page.getByLabel('Target table').fill('LOAD_PM');
    expect(await page.getByRole('button', { name: 'Reopen to draft' }).isDisabled()).toBe(true);
    await page.getByLabel('Target table').fill('LOAD_PMI');
    await expect.poll(matchingCount).toBe(matching);
    await page.getByText(/^All \d+ matching$/).click();
    const reopen = await confirmedAction(page, 'Reopen to draft', `Reopen to draft ${matching} rows?`);
    expect(reopen).toContain('Every row matching the filter is reopened to draft');
    expect(reopen).toMatch(/LOAD_PMI\.\w+/);
    await page.getByText(`${matching - 1} row(s) draft, 1 already were`).waitFor();
    await confirmedAction(page, 'Mark reviewed', `Mark reviewed ${matching} rows?`);
    await page.getByText(`${matching} row(s) reviewed`).waitFor();
    await confirmedAction(page, 'Approve', `Approve ${matching} rows?`);
    await page.getByText(/^You last changed \d+ of these rows.*another person must approve or reject them/).waitFor();
    await screenshot('mappings-separation-of-duties');

    await openPage(page, 'Users');
    await page.getByRole('button', { name: 'Create user' }).click();
    const form = page.getByRole('form', { name: 'Create user' });
    await form.getByLabel('Full name').fill(reviewer.name);
    await form.getByLabel('Email').fill(reviewer.email);
    await form.getByRole('checkbox', { name: 'clinical reviewer' }).check();
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.waitFor({ state: 'detached' });
    await screenshot('users-password-code');
    const reviewerCode = await takePasswordCode(page);
    await page.getByTestId(`user-${reviewer.email}`).waitFor();
    await page.getByRole('button', { name: 'Create user' }).click();
    await form.getByLabel('Full name').fill(cutoverManager.name);
    await form.getByLabel('Email').fill(cutoverManager.email);
    await form.getByRole('checkbox', { name: 'viewer', exact: true }).uncheck();
    await form.getByRole('checkbox', { name: 'cutover manager' }).check();
    await form.getByRole('button', { name: 'Create user' }).click();
    const cutoverCode = await takePasswordCode(page);
    await page.getByTestId(`user-${cutoverManager.email}`).waitFor();

    // Each sets their own password with the one-time code the admin passed on.
    await signOut(page);
    await setPasswordWithCode(page, server.url, reviewerCode, reviewer.password);
    await screenshot('set-password-done');
    await setPasswordWithCode(page, server.url, cutoverCode, cutoverManager.password);
    await signIn(page, server.url, reviewer.email, reviewer.password);
    await page.goto(`${server.url}/projects/${state.projectId}/mappings`);
    await page.getByRole('group', { name: 'Status' }).getByText('reviewed', { exact: true }).click();
    await expect
      .poll(async () => (await page.getByText(/^All \d+ matching$/).textContent()) ?? '')
      .toBe(`All ${matching} matching`);
    expect(await page.getByRole('button', { name: 'Mark reviewed' }).count()).toBe(0);
    await page.getByText(/^All \d+ matching$/).click();
    await confirmedAction(page, 'Approve', `Approve ${matching} rows?`);
    await page.getByText(`${matching} row(s) approved`).waitFor();
    await screenshot('mappings-bulk-approved');
    // With the default roles, a clinical reviewer approves the crosswalk entry an analyst marked reviewed.
    await page.goto(`${server.url}/projects/${state.projectId}/crosswalks`);
    await choose(page, 'Status', /^reviewed$/);
    await page.getByRole('checkbox', { name: 'Apply to all 1 matching entries' }).check();
    expect(await page.getByRole('button', { name: 'Mark reviewed' }).count()).toBe(0);
    await confirmedAction(page, 'Approve', 'Approve 1 crosswalk entry?');
    await page.getByText(/^1 entry approved; crosswalk version/).waitFor();
    await screenshot('crosswalks-approved-by-clinical-reviewer');
    await page.goto(`${server.url}/projects/${state.projectId}/mappings`);

    await page.getByRole('tab', { name: 'Versions and diff' }).click();
    await page.getByRole('radio', { name: 'Diff from version 1', exact: true }).check();
    await page.getByRole('table', { name: 'Changed rows' }).getByText('reviewer').first().waitFor();
    await screenshot('mappings-diff');
    await signOut(page);
    await signIn(page, server.url, bootstrapAdmin.email, bootstrapAdmin.password);
  });

  it('lets a cutover manager, who neither ran it nor reviewed its contract, decide the gate', async () => {
    await signOut(page);
    // A returning member on a browser that does not remember their project lands on it, not on onboarding.
    await page.evaluate(() => localStorage.clear());
    await signIn(page, server.url, cutoverManager.email, cutoverManager.password);
    await page.goto(`${server.url}/`);
    await page.waitForURL(new RegExp(`/projects/${state.projectId}/dashboard$`));
    await page.goto(`${server.url}/projects/${state.projectId}/runs/${state.runId}`);
    const gate = page.getByTestId('gate-panel');
    await gate.waitFor();
    const passed = (await gate.textContent())!.includes('Gate (development)PASS');
    const decide = async (button: string, rationale: string, confirm: string) => {
      await gate.getByLabel(/^Rationale/).fill(rationale);
      await gate.getByRole('button', { name: button, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: confirm }).click();
      await dialog.waitFor({ state: 'detached' });
      await gate.getByRole('table', { name: 'Gate decisions' }).getByText(rationale).waitFor();
    };
    const first = passed ? 'go' : 'no go';
    await decide(
      passed ? 'Go' : 'No go',
      'Rehearsal 1 reviewed at the cutover board',
      `Record ${first} at the development profile`,
    );
    const decisions = gate.getByRole('table', { name: 'Gate decisions' });
    // Newest first: decision, by, when (left out), profile, rationale, state.
    const rows = async () =>
      (await decisions.locator('tbody tr').allTextContents()).map((r) =>
        r.replace(/\d\d\/\d\d\/\d{4}, \d\d:\d\d:\d\d/, ' | '),
      );
    expect(await rows()).toEqual([`${first}you | developmentRehearsal 1 reviewed at the cutover boardcurrent`]);
    // A later decision supersedes it; a withdrawal leaves none in force, and both stay on record.
    await decide('Roll back', 'Reject counts too high for rehearsal 2', 'Record roll back at the development profile');
    await decide('Withdraw current decision', 'Rollback asked for in error', 'Withdraw the decision');
    expect(await rows()).toEqual([
      'withdrawalyou | developmentRollback asked for in errorwithdrawn',
      'roll backyou | developmentReject counts too high for rehearsal 2superseded',
      `${first}you | developmentRehearsal 1 reviewed at the cutover boardsuperseded`,
    ]);
    expect(await gate.getByTestId('gate-current-decision').textContent()).toBe(
      'No decision in force: the last one was withdrawn.',
    );
    await decide('No go', 'Rehearsal 1 stands as reviewed; fix rejects', 'Record no go at the development profile');
    await gate
      .getByTestId('gate-current-decision')
      .getByText(/^In force: no go by you/)
      .waitFor();
    // The evidence package carries the decisions, listed in its manifest.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download evidence package' }).click(),
    ]);
    const unpacked = await mkdtemp(join(tmpdir(), 'ferry-e2e-evidence-'));
    execFileSync('tar', ['-xzf', (await download.path())!, '-C', unpacked, '--strip-components=1']);
    const manifest = JSON.parse(await readFile(join(unpacked, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['gate_decisions.json', 'issue_triage.json']));
    const recorded = JSON.parse(await readFile(join(unpacked, 'gate_decisions.json'), 'utf8'));
    expect(recorded.current).toMatchObject({
      decision: 'no_go',
      note: 'Rehearsal 1 stands as reviewed; fix rejects',
      decidedBy: cutoverManager.email,
      profile: 'development',
    });
    expect(recorded.decisions).toHaveLength(4);
    const triage = JSON.parse(await readFile(join(unpacked, 'issue_triage.json'), 'utf8'));
    expect(triage.issues.map((i: { status: string }) => i.status)).toContain('accepted_risk');
    await rm(unpacked, { recursive: true, force: true });
    await screenshot('gate-decided');
    await signOut(page);
    await signIn(page, server.url, bootstrapAdmin.email, bootstrapAdmin.password);
  });

  it('reruns the lifecycle from migrate under another release profile, reusing the earlier stages', async () => {
    // The contract changed since the first run (the mapping reviewed above): a rerun from the gate would judge a load
    // made with another contract, which the lifecycle refuses, so the rerun starts from the load.
    await openPage(page, 'Lifecycle');
    await page.getByText('Rerun from a stage').click();
    await choose(page, 'Release profile', 'pre production');
    await choose(page, 'From stage', 'migrate');
    await page.getByRole('button', { name: 'Rerun from migrate' }).click();
    const finished = page.getByTestId('run-finished');
    await finished.waitFor({ timeout: 240_000 });
    expect(await finished.textContent()).toMatch(/^Run (succeeded|failed)/);
    expect(await page.getByTestId('stage-gate').getAttribute('data-state')).toMatch(/Success|Error/);
    await screenshot('lifecycle-rerun-from-migrate');
    await openPage(page, 'Runs');
    await expect.poll(() => page.getByRole('table', { name: 'Runs' }).getByText('rerun from migrate').count()).toBe(1);
  });

  it('runs a single stage alone, reusing the current run, and restores an earlier snapshot', async () => {
    await openPage(page, 'Lifecycle');
    await page.getByText('One stage').click();
    await choose(page, 'Stage', 'reconcile');
    await page.getByRole('button', { name: 'Run reconcile alone' }).click();
    const finished = page.getByTestId('run-finished');
    await finished.waitFor({ timeout: 300_000 });
    expect(await finished.textContent()).toBe('Run succeeded; stopped where asked (PARTIAL: no verdict)');
    expect(await page.getByTestId('stage-reconcile').getAttribute('data-state')).toBe('Success');
    expect(await page.getByTestId('stage-gate').getAttribute('data-state')).toBe('Reused');
    expect(await page.getByTestId('stage-evidence').textContent()).toContain('not run');
    await screenshot('lifecycle-single-stage');

    // The first run becomes the current run again: the next rerun reuses its artefacts.
    const snapshots = page.getByRole('form', { name: 'Restore a snapshot' });
    await choose(page, 'Run to restore', new RegExp(`^${state.runId!.slice(0, 8)} `));
    await snapshots.getByRole('button', { name: 'Restore snapshot' }).click();
    await page.getByText(`Run ${state.runId!.slice(0, 8)} restored: it is the current run`).waitFor();
    await page.getByText(/\(restored\): reruns reuse its artefacts/).waitFor();
    await screenshot('lifecycle-snapshot-restored');

    await openPage(page, 'Runs');
    const runs = page.getByRole('table', { name: 'Runs' });
    const single = runs.getByRole('row').filter({ hasText: 'reconcile alone' });
    await single.waitFor();
    // Outcome, gate verdict (reused from the run before) and the CLI's exit code for the same ending.
    expect(await single.textContent()).toMatch(/PARTIAL(PASS|FAIL)0development/);
    await single.click();
    await page.getByRole('table', { name: 'Run facts' }).getByText('0: passed, or stopped where asked').waitFor();
    await page.getByRole('table', { name: 'Rejects and reports' }).getByText('Reconciliation report').waitFor();
    await screenshot('run-detail-single-stage');
    await page.goto(`${server.url}/projects/${state.projectId}/runs/${state.runId}`);
    const facts = page.getByRole('table', { name: 'Run facts' });
    await facts.getByText(/^(0: passed|1: the gate blocks)/).waitFor();
    // Where the rejects are, in counts (the rows themselves download as rejects.csv).
    await page
      .getByRole('table', { name: 'Rejects by table and reason' })
      .getByText(/(ORPHAN|CROSSWALK_MISS|[A-Z_]+) \d+/)
      .first()
      .waitFor();
    const reports = page.getByRole('table', { name: 'Rejects and reports' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      reports.getByRole('link', { name: 'Download rejects.csv' }).click(),
    ]);
    expect((await readFile((await download.path())!, 'utf8')).split('\n')[0]).toBe(
      'source_table,source_key,reason_code,field,message,target_table,source_line',
    );
    await screenshot('run-detail-reports');
  });

  it('lets a person request access, and an org admin approve them as a viewer', async () => {
    await page.goto(`${server.url}/register`);
    await page.getByLabel('Full name').fill(viewer.name);
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel(/^Password/).fill(viewer.password);
    await page.getByLabel('Organisation code').fill('northshire');
    await screenshot('register');
    await page.getByRole('button', { name: 'Request access' }).click();
    await page.getByText('Pending approval').waitFor();
    await screenshot('register-pending');

    await page.goto(`${server.url}/admin/registrations`);
    const row = page.getByTestId(`registration-${viewer.email}`);
    await row.waitFor();
    await screenshot('registrations');
    // No role is preselected: Approve is not armed until the admin picks one, and it is confirmed naming them.
    expect(await row.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    await row.getByLabel(`Roles for ${viewer.email}`).click();
    await page.getByRole('option', { name: 'viewer', exact: true }).click();
    await page.keyboard.press('Escape');
    await row.getByRole('button', { name: 'Approve' }).click();
    const approval = page.getByRole('dialog', { name: `Approve ${viewer.name} as viewer?` });
    expect(await approval.textContent()).toContain(`An account is created for ${viewer.name} (${viewer.email})`);
    await approval.getByRole('button', { name: 'Approve as viewer' }).click();
    await expect.poll(() => row.count()).toBe(0);

    await openPage(page, 'Users');
    const user = page.getByTestId(`user-${viewer.email}`);
    await user.waitFor();
    expect(await user.textContent()).toContain('viewer');
    await screenshot('users');
  });

  it('shows and exports the audit trail of those changes', async () => {
    await openPage(page, 'Audit');
    await page.getByRole('table', { name: 'Audit events' }).getByText('registration.approve').waitFor();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText('The chain is intact').waitFor();
    await screenshot('audit');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toContain('action');
    expect(csv).toContain('registration.approve');
  });

  it('shows the role-permission matrix', async () => {
    await openPage(page, 'Roles');
    await page.getByRole('checkbox', { name: 'viewer has contract.read', exact: true }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'viewer has contract.approve', exact: true }).isChecked()).toBe(
      false,
    );
    expect(
      await page.getByRole('checkbox', { name: 'mapping_analyst has contract.approve', exact: true }).isChecked(),
    ).toBe(true);
    await screenshot('roles');
  });

  it('does not offer a viewer what a viewer may not do, and the server refuses it anyway', async () => {
    await signOut(page);
    await signIn(page, server.url, viewer.email, viewer.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Settings' }).waitFor();
    for (const hidden of ['Registrations', 'Roles', 'Audit', 'Users']) {
      expect(await nav.getByRole('link', { name: hidden }).count(), hidden).toBe(0);
    }
    await page.goto(`${server.url}/admin/registrations`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('users.manage');
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await screenshot('viewer-refused');
  });

  it('shows a viewer the triage of an issue in a later run, and does not offer to change it', async () => {
    await openPage(page, 'Quality');
    await choose(page, 'Triage', 'Accepted risk');
    const issues = page.getByRole('table', { name: 'Quality issues' });
    const row = issues.getByRole('row').nth(1);
    await expect.poll(() => row.textContent()).toContain('Accepted risk');
    await row.click();
    const drawer = page.getByRole('dialog', { name: `Issue ${state.triaged}` });
    await drawer.getByText('Known gap in the legacy extract; clinical safety case CS-12').waitFor();
    await drawer.getByText('Your role cannot triage issues (quality.triage).').waitFor();
    expect(await drawer.getByRole('button', { name: 'Save triage' }).count()).toBe(0);
    expect(await drawer.getByLabel('Triage status').count()).toBe(0);
    await screenshot('quality-viewer-triage');
    await drawer.getByRole('button', { name: 'Close' }).click();
    // The server refuses it anyway.
    const refused = await page.evaluate(async (projectId) => {
      const csrf = /(?:^|; )ferry_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '';
      const res = await fetch(`/api/projects/${projectId}/quality/triage`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
        body: '{}',
      });
      return { status: res.status, message: ((await res.json()) as { error: { message: string } }).error.message };
    }, state.projectId);
    expect(refused).toEqual({ status: 403, message: 'This needs the quality.triage permission' });
  });

  it('lets anyone manage their own account: a personal API token for scripts', async () => {
    await openPage(page, 'Settings');
    await page.getByText('Every platform migration applied, unchanged').waitFor();
    await page.getByLabel('Token name').fill('nightly rehearsal');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText('Copy the token now: it is not shown again').waitFor();
    expect(await page.getByRole('table', { name: 'API tokens' }).textContent()).toContain('nightly rehearsal');
    await screenshot('settings');
  });

  it('keeps the user menu and the project switcher within reach on a 390 px phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${server.url}/projects/${state.projectId}/dashboard`);
      const menu = page.getByTestId('user-menu');
      await menu.waitFor();
      const box = (await menu.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await page.getByRole('button', { name: 'Toggle navigation' }).click();
      const project = page.getByRole('combobox', { name: 'Project' });
      await project.waitFor();
      const projectBox = (await project.boundingBox())!;
      expect(projectBox.x + projectBox.width).toBeLessThanOrEqual(390);
      await screenshot('phone-navigation');
      await page.getByRole('button', { name: 'Toggle navigation' }).click();
      await menu.click();
      await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
      await page.keyboard.press('Escape');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('raised no uncaught error in the page, and every control it showed had an accessible name', () => {
    expect(browser.pageErrors).toEqual([]);
    expect(unlabelled).toEqual([]);
  });

  it('is usable from the keyboard: a skip link first, then the sidebar, with a visible focus ring', async () => {
    await page.goto(`${server.url}/settings`);
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).focus();
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard$/);
  });
});

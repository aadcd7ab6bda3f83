import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { unlabelledControls } from './support/accessibility.js';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { browserAvailable } from './support/e2e-guard.js';
import { bootstrapAdmin, type FerryServer, startFerryServer } from './support/ferry-server.js';
import { choose, journeySteps, openPage, signIn } from './support/journey.js';

const journey = journeySteps();
const it = journey.step;

/** Replaces the values of a Mantine tags or multi-select input: Backspace removes values, Enter or a click adds. */
async function replaceValues(input: Locator, page: Page, values: string[], pick: 'enter' | 'option'): Promise<void> {
  await input.click();
  for (let i = 0; i < 8; i++) await input.press('Backspace');
  for (const value of values) {
    await input.fill(value);
    if (pick === 'enter') await input.press('Enter');
    else await page.getByRole('option', { name: new RegExp(`^${value} `) }).click();
  }
  await input.press('Tab');
}

/** One contract CSV cell changed on the row of a target column (the export has no quoted commas in these cells). */
function editCsv(csv: string, column: string, cell: string, value: string): string {
  const lines = csv.trimEnd().split('\n');
  const header = lines[0]!.split(',');
  return `${lines
    .map((line) => {
      const cells = line.split(',');
      if (cells[0] === 'LOAD_STAFF' && cells[1] === column) cells[header.indexOf(cell)] = value;
      return cells.join(',');
    })
    .join('\n')}\n`;
}

/**
 * An analyst fixes the contract in the mappings workbench of a real Chromium against the real `ferry serve`: edits a
 * row's source column with the catalog picker and its transform steps, sees that no run has profiled the source yet,
 * imports an edited contract CSV (and sees a malformed one refused line by line), removes a row and adds it back.
 */
describe.runIf(browserAvailable())('contract editing journey (Chromium)', () => {
  let server: FerryServer;
  let browser: BrowserSession;
  let page: Page;
  let projectId = '';
  let work = '';
  const unlabelled: string[] = [];
  const screenshot = async (name: string) => {
    await browser.screenshot(name);
    for (const control of await unlabelledControls(page)) unlabelled.push(`${name}: ${control}`);
  };
  const drawer = () => page.getByRole('dialog', { name: /^LOAD_STAFF\./ });
  const openRow = async (column: string) => {
    await page.getByLabel('Target column').fill(column);
    await page.getByRole('table', { name: 'Contract rows' }).getByRole('cell', { name: column, exact: true }).click();
    await drawer().waitFor();
  };
  const closeDrawer = async () => {
    await drawer().getByRole('button', { name: 'Close', exact: true }).click();
    await drawer().waitFor({ state: 'detached' });
  };
  const importFile = async (name: string, text: string) => {
    const path = join(work, name);
    await writeFile(path, text);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await (await chooser).setFiles(path);
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startFerryServer(), launchBrowser()]);
    page = browser.page;
    work = await mkdtemp(join(tmpdir(), 'ferry-contract-csv-'));
    journey.onFailure = async (step) => {
      await browser.screenshot(`FAILED-contract-editing-${step.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`);
    };
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('creates an organisation, workspace and nhs-pas project', async () => {
    await signIn(page, server.url, bootstrapAdmin.email, bootstrapAdmin.password);
    await expect.poll(() => page.url()).toContain('/onboarding');
    await page.getByLabel('New organisation name').fill('Eastfold Community Trust');
    await page.getByLabel('Code').fill('eastfold');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByLabel('New workspace name').fill('PAS move');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByLabel('Project name').fill('Staff and patients');
    await choose(page, 'Pack', /^nhs-pas/);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/dashboard$/);
    projectId = /\/projects\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
    await openPage(page, 'Mappings');
    await page.getByLabel('Target table').fill('LOAD_STAFF');
  });

  it("edits a row's source column with the catalog picker, its steps and a default; it is a draft again", async () => {
    await openRow('INITIALS');
    // No run has profiled the source yet: the panel says so instead of guessing.
    await drawer().getByText("The project's source has not been profiled yet.").waitFor();
    await replaceValues(drawer().getByLabel('Source column(s) of STAFF'), page, ['FORENAME'], 'option');
    await replaceValues(drawer().getByLabel('Transform steps'), page, ['trim', 'upper'], 'enter');
    await drawer().getByLabel('Default (development)').fill('X');
    await screenshot('contract-editing-row');
    await drawer().getByRole('button', { name: 'Save change' }).click();
    await page.getByText(/^Saved as version [0-9a-f]{12}; the row is a draft again/).waitFor();
    const row = drawer().getByRole('table', { name: 'Contract row' });
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('STAFF.FORENAME');
    expect(await row.textContent()).toContain('trim → upper');
    expect(await row.textContent()).toMatch(/Statusdraft/);
    // The server says what still stops the row loading: it needs a new approval.
    await drawer()
      .getByText(/NOT_APPROVED/)
      .waitFor();
    await screenshot('contract-editing-saved');
    await closeDrawer();
  });

  it('refuses an unknown transform step, naming it', async () => {
    await openRow('JOB_TITLE');
    await replaceValues(drawer().getByLabel('Transform steps'), page, ['trim', 'shout'], 'enter');
    await drawer().getByRole('button', { name: 'Save change' }).click();
    await drawer().getByText('unknown transform step: shout').first().waitFor();
    await closeDrawer();
  });

  it('imports an edited contract CSV as a new version, and refuses a malformed one line by line', async () => {
    const exported = await page.request.get(`${server.url}/api/projects/${projectId}/contract?format=csv`);
    expect(exported.status()).toBe(200);
    const csv = await exported.text();
    await importFile('title-upper.csv', editCsv(csv, 'TITLE', 'transform', 'trim|upper'));
    const outcome = page.getByRole('list', { name: 'Import outcome' });
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('1 row(s) changed, now drafts: LOAD_STAFF.TITLE');
    await screenshot('contract-editing-imported');

    const bad = editCsv(editCsv(csv, 'SURNAME', 'transform', 'trim|tirm'), 'FORENAME', 'mandatory', 'maybe');
    await importFile('bad.csv', bad);
    const problems = page.getByRole('list', { name: 'Import problems' });
    await problems.waitFor();
    const items = await problems.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^line \d+ transform unknown transform step 'tirm'$/);
    expect(items[1]).toMatch(/^line \d+ mandatory 'maybe' is not Y or N$/);
    await screenshot('contract-editing-import-refused');
  });

  it('removes a row and adds it back from the target catalog', async () => {
    await openRow('NMC_PIN');
    await drawer().getByRole('button', { name: 'Remove this row…' }).click();
    await drawer().getByRole('button', { name: 'Remove the row' }).click();
    await page.getByText(/^Row removed; version [0-9a-f]{12}/).waitFor();
    await drawer().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Add row', exact: true }).click();
    const modal = page.getByRole('dialog', { name: 'Add a contract row' });
    await modal.getByLabel('Target table').click();
    await page.getByRole('option', { name: /^LOAD_STAFF / }).click();
    await modal.getByLabel('Target column').click();
    await page.getByRole('option', { name: /^NMC_PIN / }).click();
    await modal.getByLabel('Place after').click();
    await page.getByRole('option', { name: 'GMC_NUMBER', exact: true }).click();
    await modal.getByRole('button', { name: 'Add the row' }).click();
    await page.getByText(/^Row LOAD_STAFF\.NMC_PIN added as a draft/).waitFor();
    await drawer().waitFor();
    await closeDrawer();
    await page.getByLabel('Target column').fill('');
    const columns = page
      .getByRole('table', { name: 'Contract rows' })
      .getByRole('cell', { name: /^(GMC_NUMBER|NMC_PIN|STAFF_TYPE)$/ });
    // The row is back where it was placed: after GMC_NUMBER, before STAFF_TYPE.
    await expect.poll(() => columns.allTextContents()).toEqual(['GMC_NUMBER', 'NMC_PIN', 'STAFF_TYPE']);
    await screenshot('contract-editing-row-added');
  });

  it("shows the source column's profile beside the row once a run has profiled the source", async () => {
    await openPage(page, 'Lifecycle');
    await page.getByLabel('Patients in the generated cohort').fill('30');
    await page.getByRole('button', { name: 'Run all stages' }).click();
    const finished = page.getByTestId('run-finished');
    await finished.waitFor({ timeout: 140_000 });
    expect(await finished.textContent()).toMatch(/^Run (succeeded|failed)/);
    await openPage(page, 'Mappings');
    await page.getByLabel('Target table').fill('LOAD_STAFF');
    await openRow('STAFF_TYPE');
    const stats = drawer().getByRole('table', { name: 'Profile of STAFF.STAFF_TYPE' });
    await stats.waitFor();
    const text = (await stats.textContent()) ?? '';
    expect(text).toMatch(/Type seen(code|text)/);
    expect(text).toMatch(/Nulls\d+ \(\d+\.\d%\)/);
    expect(text).toMatch(/Distinct\d+/);
    // A code column's alphabetical first and last values may be small cells: no range is shown for it.
    expect(text).not.toContain('Range');
    await drawer().getByRole('table', { name: 'Top values of STAFF.STAFF_TYPE' }).waitFor();
    await screenshot('contract-editing-profile');
    await closeDrawer();
  });

  it('leaves no control without an accessible name and no page error', () => {
    expect(unlabelled).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, PostgresDatabase, postgresReachable } from '@ferry/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  readContractRows,
  reviewDraft,
  writeContractRows,
} from '../../cli/src/test-fixtures/vendor-extract/analyst-review.js';
import {
  type Row,
  type VendorExtract,
  writeVendorExtract,
} from '../../cli/src/test-fixtures/vendor-extract/vendor-extract.js';
import { unlabelledControls } from './support/accessibility.js';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { browserAvailable } from './support/e2e-guard.js';
import { bootstrapAdmin, type FerryServer, startFerryServer } from './support/ferry-server.js';
import { choose, confirmedAction, journeySteps, openPage, signIn, signOut } from './support/journey.js';

/**
 * A team's own extract, end to end in Chromium against the real `ferry serve`: a vendor layout that is not the
 * nhs-pas source layout (CarePoint, packages/cli/src/test-fixtures/vendor-extract: its own table split, PascalCase
 * names, ISO dates), uploaded to a CSV upload connector; the source catalog and a contract drafted from it; the rows
 * the suggestion got wrong fixed in the Mappings workbench (one in the row drawer, the rest as an analyst's
 * spreadsheet imported with Import CSV); the rows reviewed by the analyst and approved by a second person; the
 * lifecycle run from the connector into a registered PostgreSQL target (gate, reconciliation, evidence on the run's
 * page); the target read directly (exactly the expected rows); and the load rolled back from the Runs page.
 * Screenshots go to test-artifacts/web-e2e/NN-own-source-*.png.
 */
const reviewer = {
  name: 'Rhea Reviewer',
  email: 'rhea.reviewer@northgate.example',
  password: 'Copper-Lantern-Fjord-Violet-8',
};

const journey = journeySteps();
const it = journey.step;
const pgUp = await postgresReachable();

describe.runIf(browserAvailable() && pgUp)("a team's own extract journey (Chromium)", () => {
  let server: FerryServer;
  let browser: BrowserSession;
  let page: Page;
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let work: string;
  let extract: VendorExtract;
  let projectId = '';
  let orgId = '';
  /** The rows of the analyst's contract. */
  let contractRows = 0;
  const unlabelled: string[] = [];
  const screenshot = async (name: string) => {
    await browser.screenshot(`own-source-${name}`);
    for (const control of await unlabelledControls(page)) unlabelled.push(`${name}: ${control}`);
  };
  const csrf = async () => (await browser.context.cookies()).find((c) => c.name === 'ferry_csrf')!.value;
  /** The target table's rows, every column as text (NULL as ''), in load order. */
  const targetRows = async (table: string, columns: string[]): Promise<Row[]> => {
    const db = await PostgresDatabase.open(schema.url, { max: 1 });
    try {
      const select = columns.map((c) => `coalesce("${c}"::text, '') AS "${c}"`).join(', ');
      return await db.query<Row>(`SELECT ${select} FROM "${table}" ORDER BY "RECORD_NUMBER"`);
    } finally {
      await db.close();
    }
  };
  /** The bulk action bar's choice of every row matching the filter. */
  const matching = () => page.getByText(/^All \d+ matching$/);

  /** Closes the notifications on screen, so that the next one shows at once (they queue beyond a few). */
  const dismissNotifications = async () => {
    const close = page.locator('.mantine-Notification-closeButton');
    for (let n = await close.count(); n > 0; n = await close.count()) {
      await close.first().dispatchEvent('click');
      await expect.poll(() => close.count()).toBeLessThan(n);
    }
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'ferry-own-source-e2e-'));
    schema = await createTestSchema('ferry_e2e_own_source');
    [extract, server, browser] = await Promise.all([
      writeVendorExtract(work, { patients: 20, seed: 5 }),
      startFerryServer({ FERRY_DB_LOCAL_HOSTS: '127.0.0.1:5432' }),
      launchBrowser(),
    ]);
    page = browser.page;
    journey.onFailure = async (step) => {
      await browser.screenshot(`FAILED-own-source-${step.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`);
    };
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await schema?.drop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('creates an nhs-pas project and registers the PostgreSQL target as its target', async () => {
    await signIn(page, server.url, bootstrapAdmin.email, bootstrapAdmin.password);
    await expect.poll(() => page.url()).toContain('/onboarding');
    await page.getByLabel('New organisation name').fill('Northgate Care Group');
    await page.getByLabel('Code').fill('northgate');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByLabel('New workspace name').fill('CarePoint exit');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByLabel('Project name').fill('CarePoint extract');
    await choose(page, 'Pack', /^nhs-pas/);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/dashboard$/);
    projectId = /\/projects\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
    const orgs = (await (await page.request.get(`${server.url}/api/orgs`)).json()) as { id: string; slug: string }[];
    orgId = orgs.find((o) => o.slug === 'northgate')!.id;

    await openPage(page, 'Targets');
    const hosts = page.getByRole('combobox', {
      name: "Hosts this organisation's targets and source connectors may name",
    });
    await hosts.fill('127.0.0.1:5432');
    await hosts.press('Enter');
    await page.getByRole('button', { name: 'Save hosts' }).click();
    await page.getByText('Allowed: 127.0.0.1:5432').waitFor();
    const form = page.getByRole('form', { name: 'Register a target database' });
    await form.getByLabel(/^Name/).fill('New PAS staging');
    await form.getByLabel(/^Host/).fill('127.0.0.1');
    await form.getByLabel(/^Database/).fill(new URL(schema.url).pathname.slice(1));
    await form.getByLabel(/^Schema/).fill(schema.schema);
    await form.getByLabel(/^User/).fill('postgres');
    await form.getByLabel(/^Password/).fill('staging-password-not-shown');
    await form.getByRole('button', { name: 'Register' }).click();
    await page
      .getByRole('table', { name: 'Target databases' })
      .getByRole('cell', { name: 'New PAS staging', exact: true })
      .waitFor();
    await openPage(page, 'Settings');
    // The registered targets are offered once the page has read them: reopen the choice until it lists ours.
    const target = page.getByRole('option', { name: /^Target database New PAS staging/ });
    await expect
      .poll(async () => {
        await page
          .getByLabel(/^Target/)
          .first()
          .click();
        const offered = await target.count();
        if (!offered) await page.keyboard.press('Escape');
        return offered;
      })
      .toBe(1);
    await target.click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Project settings saved').waitFor();
  });

  it('uploads the CarePoint extract to a CSV upload connector', async () => {
    const names = (await readdir(extract.sourceDir)).sort();
    expect(names).toEqual(['HospitalStay.csv', 'Patient.csv', 'PatientAddress.csv', 'PatientAudit.csv']);
    const files = await Promise.all(
      names.map(async (name) => ({
        name,
        mimeType: 'text/csv',
        buffer: await readFile(join(extract.sourceDir, name)),
      })),
    );
    await openPage(page, 'Connectors');
    await choose(page, 'Type', 'CSV upload');
    await page.getByRole('form', { name: 'New connector' }).getByLabel(/^Name/).fill('CarePoint extract');
    await page.getByRole('button', { name: 'Create connector' }).click();
    await page.getByRole('heading', { name: /^CarePoint extract/ }).waitFor();
    await page.locator('input[type=file]').setInputFiles(files);
    const table = page.getByRole('table', { name: 'Uploaded extracts' });
    await expect
      .poll(() => table.getByRole('row').count(), { timeout: 60_000, message: 'every file is uploaded' })
      .toBe(files.length + 1);
    const patients = extract.expected.LOAD_PMI!.length;
    expect(await table.getByRole('row', { name: /^Patient / }).textContent()).toMatch(
      new RegExp(`^Patient${patients}utf-8`),
    );
    await screenshot('uploaded');
  });

  it('drafts the source catalog and a contract from the connector', async () => {
    await page.getByRole('tab', { name: 'Draft source' }).click();
    await page.getByRole('button', { name: 'Draft catalog and contract from this source' }).click();
    const counts = page.getByRole('table', { name: 'What the draft made' });
    await counts.waitFor({ timeout: 120_000 });
    const made = await counts.textContent();
    // The same draft the CLI makes of this extract (own-source-lifecycle.int.test.ts): the audit table out of scope.
    expect(made).toMatch(/^Source catalog \(version 1\)4 tables \(3 in scope\), 76 columns; 4 primary keys/);
    expect(made).toMatch(/Contract \(version 2\)\d+ of \d+ target tables matched; \d+ of \d+ target fields suggested/);
    expect(await page.getByTestId('source-origin').textContent()).toMatch(
      /reads its own source catalog CarePoint extract \(version 1,/,
    );
    await screenshot('drafted');
    await page.getByRole('link', { name: 'Review the draft in Mappings' }).click();
    await page.waitForURL(/\/mappings$/);
  });

  it("fixes a row the suggestion got wrong in the row's drawer: a stay's hospital number", async () => {
    const drawer = page.getByRole('dialog');
    await matching().waitFor();
    const all = await matching().textContent();
    await page.getByLabel('Target table').fill('LOAD_ADT_ADMISSIONS');
    await page.getByLabel('Target column').fill('MAIN_CRN');
    await expect.poll(() => matching().textContent()).not.toBe(all);
    const cell = page
      .getByRole('table', { name: 'Contract rows' })
      .getByRole('cell', { name: 'MAIN_CRN', exact: true });
    // Other tables have a MAIN_CRN too: wait for the filter to leave the stay's row alone.
    await expect.poll(() => cell.count()).toBe(1);
    await dismissNotifications();
    await cell.click();
    const title = drawer.getByText('LOAD_ADT_ADMISSIONS.MAIN_CRN', { exact: true });
    await expect.poll(() => title.isVisible()).toBe(true);
    // The suggestion left this mandatory column without a source.
    expect(await drawer.getByRole('table', { name: 'Contract row' }).textContent()).toMatch(/Source\(none\)/);
    const source = drawer.getByLabel(/^Source column\(s\) of HospitalStay/);
    await source.click();
    for (let i = 0; i < 8; i++) await source.press('Backspace');
    await source.fill('HospitalNumber');
    await page.getByRole('option', { name: /^HospitalNumber / }).click();
    await source.press('Tab');
    const steps = drawer.getByLabel('Transform steps');
    await steps.click();
    for (let i = 0; i < 8; i++) await steps.press('Backspace');
    await steps.fill('trim');
    await steps.press('Enter');
    await steps.press('Tab');
    await drawer.getByRole('button', { name: 'Save change' }).click();
    const row = drawer.getByRole('table', { name: 'Contract row' });
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('HospitalStay.HospitalNumber');
    await screenshot('row-fixed');
    await drawer.getByRole('button', { name: 'Close', exact: true }).click();
    await drawer.waitFor({ state: 'detached' });
    await page.getByLabel('Target column').fill('');
    await page.getByLabel('Target table').fill('');
  });

  it("imports the analyst's spreadsheet of the remaining fixes with Import CSV", async () => {
    const exported = await page.request.get(`${server.url}/api/projects/${projectId}/contract?format=csv`);
    expect(exported.status()).toBe(200);
    const draftFile = join(work, 'draft.csv');
    await writeFile(draftFile, await exported.text());
    const draft = await readContractRows(draftFile);
    // The drawer's fix is in the export.
    expect(draft.find((r) => r.target_table === 'LOAD_ADT_ADMISSIONS' && r.target_column === 'MAIN_CRN')).toMatchObject(
      { source_columns: 'HospitalNumber', transform: 'trim' },
    );
    const reviewed = reviewDraft(draft);
    contractRows = reviewed.length;
    const reviewedFile = join(work, 'contract-reviewed.csv');
    await writeContractRows(reviewedFile, reviewed);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await (await chooser).setFiles(reviewedFile);
    const outcome = page.getByRole('list', { name: 'Import outcome' });
    await outcome.waitFor({ timeout: 30_000 });
    const text = (await outcome.textContent()) ?? '';
    expect(text).toContain(`${draft.length - reviewed.length} row(s) removed`);
    // Every kept row changes (each table gets its domain); the analyst's approvals in the file are not taken.
    expect(text).toContain(`${reviewed.length} row(s) changed, now drafts: LOAD_PMI.RECORD_NUMBER,`);
    expect(text).toContain(`${reviewed.length} review state(s) in the file were not taken`);
    await screenshot('imported');
    // What the project holds now is the analyst's contract (reviews aside).
    const now = join(work, 'now.csv');
    await writeFile(
      now,
      await (await page.request.get(`${server.url}/api/projects/${projectId}/contract?format=csv`)).text(),
    );
    const strip = (rows: Record<string, string>[]) =>
      rows.map(({ status: _s, reviewer: _r, reviewed_at: _t, ...rest }) => rest);
    expect(strip(await readContractRows(now))).toEqual(strip(reviewed));
  });

  it('marks every row reviewed; a second person approves them', async () => {
    const total = contractRows;
    await expect.poll(async () => (await matching().textContent()) ?? '').toBe(`All ${total} matching`);
    await dismissNotifications();
    await matching().click();
    await confirmedAction(page, 'Mark reviewed', `Mark reviewed ${total} rows?`);
    await page.getByText(new RegExp(`^${total} row\\(s\\) reviewed`)).waitFor();

    const created = await page.request.post(`${server.url}/api/orgs/${orgId}/users`, {
      headers: { 'x-csrf-token': await csrf() },
      data: { email: reviewer.email, displayName: reviewer.name, roles: ['clinical_reviewer'] },
    });
    expect(created.status()).toBe(201);
    const { setPasswordCode } = (await created.json()) as { setPasswordCode: { code: string } };
    const set = await page.request.post(`${server.url}/api/auth/password/set`, {
      data: { code: setPasswordCode.code, newPassword: reviewer.password },
    });
    expect(set.status()).toBe(200);
    await signOut(page);
    await signIn(page, server.url, reviewer.email, reviewer.password);
    await page.goto(`${server.url}/projects/${projectId}/mappings`);
    await expect.poll(async () => (await matching().textContent()) ?? '').toBe(`All ${total} matching`);
    await matching().click();
    await confirmedAction(page, 'Approve', `Approve ${total} rows?`);
    await page.getByText(new RegExp(`^${total} row\\(s\\) approved`)).waitFor();
    await screenshot('approved');
    await signOut(page);
    await signIn(page, server.url, bootstrapAdmin.email, bootstrapAdmin.password);
  });

  it('runs the lifecycle from the connector into the target: gate, reconciliation and evidence', async () => {
    await page.goto(`${server.url}/projects/${projectId}/connectors`);
    await page.getByRole('heading', { name: /^CarePoint extract/ }).waitFor();
    await page.getByRole('tab', { name: 'Run' }).click();
    await page.getByRole('button', { name: 'Run lifecycle from CarePoint extract' }).click();
    const finished = page.getByTestId('run-finished');
    await finished.waitFor({ timeout: 140_000 });
    expect(await finished.textContent()).toBe('Run succeeded; gate PASS');
    await page.getByRole('link', { name: 'Open run' }).click();
    const gate = page.getByTestId('gate-panel');
    await gate.waitFor();
    expect(await gate.textContent()).toMatch(/^Gate \(development\)PASS/);
    const loaded = Object.values(extract.expected).reduce((n, rows) => n + rows.length, 0);
    await page.getByText('Reconciliation: MATCH', { exact: true }).waitFor();
    await page.getByText(`Loaded${loaded}`, { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Download evidence package' }).waitFor();
    await screenshot('run');

    // The target holds exactly the rows a correct migration of the extract loads.
    for (const [table, rows] of Object.entries(extract.expected)) {
      expect(rows.length, table).toBeGreaterThan(0);
      expect(await targetRows(table, Object.keys(rows[0]!)), table).toEqual(rows);
    }
  });

  it('rolls the load back from the Runs page; the target is empty again', async () => {
    await openPage(page, 'Runs');
    await dismissNotifications();
    await page.getByRole('button', { name: /^Roll back run / }).click();
    const dialog = page.getByRole('dialog', { name: /^Roll back job .+\?$/ });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const counts = dialog.getByRole('table', { name: 'Rows the rollback undoes' });
    for (const [table, rows] of Object.entries(extract.expected)) {
      await counts.getByRole('row', { name: new RegExp(`^${table} ${rows.length} 0$`) }).waitFor();
    }
    await screenshot('confirm-rollback');
    await dialog.getByRole('button', { name: /^Roll back job / }).click();
    await page.getByText('Rolled back', { exact: true }).waitFor();
    for (const [table, rows] of Object.entries(extract.expected)) {
      expect(await targetRows(table, Object.keys(rows[0]!)), table).toEqual([]);
    }
    await screenshot('rolled-back');
  });

  it('leaves no control without an accessible name and no page error', () => {
    expect(unlabelled).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});

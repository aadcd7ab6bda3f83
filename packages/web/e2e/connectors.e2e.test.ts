import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { unlabelledControls } from './support/accessibility.js';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { browserAvailable } from './support/e2e-guard.js';
import { bootstrapAdmin, type FerryServer, startFerryServer } from './support/ferry-server.js';
import { choose, journeySteps, openPage, signIn, signOut } from './support/journey.js';

/**
 * A source connector, end to end in a real Chromium against the real `ferry serve`: the bootstrap admin sets up a
 * project on the nhs-pas pack, configures a CSV upload connector, uploads a small legacy PAS extract (the pack's own
 * generator, 30 patients with typical defects), tests it, discovers its schema, previews patient rows (recorded in the
 * audit trail), runs the lifecycle from it, and drafts the project's own source catalog and contract from it. Screenshots go to test-artifacts/web-e2e/NN-connectors-*.png.
 */
const viewer = { password: 'Lantern-Heron-Quartz-Meadow-5' };

const journey = journeySteps();
const it = journey.step;

describe.runIf(browserAvailable())('connectors journey (Chromium)', () => {
  let server: FerryServer;
  let browser: BrowserSession;
  let page: Page;
  let extractDir: string;
  let files: { name: string; mimeType: string; buffer: Buffer }[];
  const unlabelled: string[] = [];
  const screenshot = async (name: string) => {
    await browser.screenshot(`connectors-${name}`);
    for (const control of await unlabelledControls(page)) unlabelled.push(`${name}: ${control}`);
  };

  beforeAll(async () => {
    extractDir = await mkdtemp(join(tmpdir(), 'ferry-pas-extract-'));
    await nhsPasPack.generate({ patients: 30, seed: 7, defects: 'typical', outDir: extractDir });
    const source = join(extractDir, 'source');
    files = await Promise.all(
      (await readdir(source))
        .filter((f) => f.endsWith('.csv'))
        .sort()
        .map(async (name) => ({ name, mimeType: 'text/csv', buffer: await readFile(join(source, name)) })),
    );
    [server, browser] = await Promise.all([startFerryServer(), launchBrowser()]);
    page = browser.page;
    journey.onFailure = async (step) => {
      await browser.screenshot(`FAILED-connectors-${step.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`);
    };
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (extractDir) await rm(extractDir, { recursive: true, force: true });
  });

  it('signs in as the bootstrap admin and creates an organisation, workspace and nhs-pas project', async () => {
    await signIn(page, server.url, bootstrapAdmin.email, bootstrapAdmin.password);
    await expect.poll(() => page.url()).toContain('/onboarding');
    await page.getByLabel('New organisation name').fill('Westmoor Community NHS Trust');
    await page.getByLabel('Code').fill('westmoor');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByLabel('New workspace name').fill('PAS replacement');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByLabel('Project name').fill('PAS extract rehearsal');
    await choose(page, 'Pack', /^nhs-pas/);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/dashboard$/);
  });

  it('configures a CSV upload connector', async () => {
    await openPage(page, 'Connectors');
    await page.getByRole('heading', { name: 'Connectors', exact: true }).first().waitFor();
    await choose(page, 'Type', 'CSV upload');
    await page.getByRole('form', { name: 'New connector' }).getByLabel(/^Name/).fill('Legacy PAS extract');
    await screenshot('new');
    await page.getByRole('button', { name: 'Create connector' }).click();
    await page.getByRole('heading', { name: /^Legacy PAS extract/ }).waitFor();
    expect(page.url()).toMatch(/connectors\?connector=[0-9a-f-]{36}$/);
  });

  it(`uploads the legacy PAS extract, one CSV file per table`, async () => {
    expect(files.length).toBeGreaterThan(50);
    await page.locator('input[type=file]').setInputFiles(files);
    const table = page.getByRole('table', { name: 'Uploaded extracts' });
    await expect
      .poll(() => table.getByRole('row').count(), { timeout: 120_000, message: 'every file is uploaded' })
      .toBe(files.length + 1);
    const patient = await table.getByRole('row', { name: /^PATIENT 30 / }).textContent();
    expect(patient).toMatch(/^PATIENT30(utf-8|windows-1252)/);
    await screenshot('uploaded');
  });

  it('tests the connector', async () => {
    await page.getByRole('tab', { name: 'Test' }).click();
    await page.getByRole('button', { name: 'Test connector' }).click();
    await page.getByText('Test passed').waitFor({ timeout: 60_000 });
    const results = await page.getByRole('list', { name: 'Test results' }).textContent();
    expect(results).toContain(`OK files: ${files.length} CSV file(s)`);
    expect(results).toContain('OK PATIENT.csv:');
    // Every in-scope table of the pack's source catalog is in the extract, so a run can read it.
    expect(results).toMatch(/OK pack catalog: all \d+ in-scope tables of .* are there, with their columns/);
    await screenshot('tested');
  });

  it('discovers the schema with inferred types', async () => {
    await page.getByRole('tab', { name: 'Schema' }).click();
    await page.getByRole('button', { name: 'Discover schema' }).click();
    const accordion = page.getByRole('button', { name: /^PATIENT \d+ columns$/ });
    await accordion.waitFor({ timeout: 60_000 });
    await accordion.click();
    const columns = page.getByRole('table', { name: 'Columns of PATIENT' });
    await columns.waitFor();
    expect(await columns.getByRole('row').count()).toBeGreaterThan(10);
    expect(await columns.getByRole('row', { name: /^PAT_ID / }).textContent()).toContain('integer');
    await screenshot('schema');
  });

  it('previews patient rows, page by page, and the access is audited', async () => {
    await page.getByRole('tab', { name: 'Preview rows' }).click();
    await choose(page, 'Table', /^PATIENT$/);
    await page.getByRole('button', { name: 'Preview rows' }).click();
    const rows = page.getByRole('table', { name: 'Rows of PATIENT' });
    await rows.waitFor();
    expect(await rows.getByRole('row').count()).toBe(26);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Page 2: rows 26–30').waitFor();
    await screenshot('preview');
    const orgs = (await (await page.request.get(`${server.url}/api/orgs`)).json()) as { id: string; slug: string }[];
    const org = orgs.find((o) => o.slug === 'westmoor')!;
    const audit = await (
      await page.request.get(`${server.url}/api/orgs/${org.id}/audit?action=connector.preview`)
    ).json();
    expect(
      audit.items.map((e: { details: { table: string; page: number } }) => `${e.details.table}:${e.details.page}`),
    ).toEqual(['PATIENT:2', 'PATIENT:1']);
  });

  it('runs the lifecycle from the connector and watches it finish', async () => {
    await page.getByRole('tab', { name: 'Run' }).click();
    await page.getByRole('button', { name: 'Run lifecycle from Legacy PAS extract' }).click();
    await page.getByTestId('stage-profile').waitFor();
    const finished = page.getByTestId('run-finished');
    await finished.waitFor({ timeout: 140_000 });
    expect(await finished.textContent()).toMatch(/^Run succeeded; gate (PASS|FAIL)$/);
    expect(await page.locator('[data-testid^="stage-"][data-state="Success"]').count()).toBe(7);
    await screenshot('run-finished');
    await page.getByRole('link', { name: 'Open run' }).click();
    await page.getByTestId('gate-panel').waitFor();
    await screenshot('run-detail');
  });

  it('drafts the source catalog and a draft contract from the connector, then reviews the draft in Mappings', async () => {
    await openPage(page, 'Connectors');
    await page.getByRole('heading', { name: /^Legacy PAS extract/ }).waitFor();
    await page.getByRole('tab', { name: 'Draft source' }).click();
    expect(await page.getByTestId('source-origin').textContent()).toMatch(/reads its pack's example source catalog/);
    await page.getByRole('button', { name: 'Draft catalog and contract from this source' }).click();
    const counts = page.getByRole('table', { name: 'What the draft made' });
    await counts.waitFor({ timeout: 120_000 });
    const made = await counts.textContent();
    expect(made).toMatch(/^Source catalog \(version 1\)\d+ tables \(\d+ in scope\), \d+ columns; \d+ primary keys/);
    expect(made).toMatch(/Contract \(version 2\)\d+ of \d+ target tables matched; \d+ of \d+ target fields suggested/);
    expect(await page.getByTestId('source-origin').textContent()).toMatch(
      /reads its own source catalog Legacy PAS extract \(version 1,/,
    );
    await screenshot('drafted');
    await page.getByRole('link', { name: 'Review the draft in Mappings' }).click();
    await page.waitForURL(/\/mappings$/);
    await page
      .getByText(/· version 2 \(/)
      .first()
      .waitFor();
    await screenshot('draft-mappings');
  });

  it('offers a viewer the connector read-only: no configuring, testing, previewing or running', async () => {
    const csrf = (await browser.context.cookies()).find((c) => c.name === 'ferry_csrf')!.value;
    const orgs = (await (await page.request.get(`${server.url}/api/orgs`)).json()) as { id: string; slug: string }[];
    const org = orgs.find((o) => o.slug === 'westmoor')!;
    const created = await page.request.post(`${server.url}/api/orgs/${org.id}/users`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        email: 'vera.viewer@westmoor.example',
        displayName: 'Vera Viewer',
        roles: ['viewer'],
      },
    });
    expect(created.status()).toBe(201);
    const { setPasswordCode } = (await created.json()) as { setPasswordCode: { code: string } };
    const set = await page.request.post(`${server.url}/api/auth/password/set`, {
      data: { code: setPasswordCode.code, newPassword: viewer.password },
    });
    expect(set.status()).toBe(200);
    const connectorsUrl = page.url().replace(/\/(runs\/.*|mappings)$/, '/connectors');
    await signOut(page);
    await signIn(page, server.url, 'vera.viewer@westmoor.example', viewer.password);
    await page.goto(connectorsUrl);
    await page.getByRole('heading', { name: /^Legacy PAS extract/ }).waitFor();
    const tabs = page.getByRole('tablist', { name: 'Connector' });
    expect(await tabs.getByRole('tab').allTextContents()).toEqual(['Settings', 'Files', 'Schema']);
    expect(await page.getByRole('form', { name: 'New connector' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Upload CSV extracts' }).count()).toBe(0);
    await tabs.getByRole('tab', { name: 'Settings' }).click();
    expect(await page.getByRole('button', { name: 'Delete connector' }).count()).toBe(0);
    await screenshot('viewer');
  });

  it('names every control it photographed', () => {
    expect(unlabelled).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});

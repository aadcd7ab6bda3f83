import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { unlabelledControls } from './support/accessibility.js';
import { artifactsDir, type BrowserSession, launchBrowser } from './support/browser.js';
import { browserAvailable } from './support/e2e-guard.js';
import { bootstrapAdmin, type FerryServer, startFerryServer } from './support/ferry-server.js';
import { choose, confirmedAction, journeySteps, openPage, signIn } from './support/journey.js';

/** One completed drawing of the ERD canvas, as the page reports it. */
interface Drawing {
  density: string;
  boxes: number;
  layoutMs: number;
  drawMs: number;
  /** Table and domain boxes in the DOM (only those in view are rendered). */
  renderedBoxes: number;
}

const journey = journeySteps();
const it = journey.step;

/**
 * The ERD and crosswalk journeys in a real Chromium against the real `ferry serve`: the 419-table nhs-pas source
 * catalog as a graph (search, domain filter, density; render times recorded in
 * test-artifacts/web-e2e/erd-render-times.json), then crosswalk coverage of a run's extract, unmapped codes and a
 * suggestion accepted as a draft entry.
 */
describe.runIf(browserAvailable())('ERD and crosswalk journeys (Chromium)', () => {
  let server: FerryServer;
  let browser: BrowserSession;
  let page: Page;
  const unlabelled: string[] = [];
  const drawings: Array<Drawing & { step: string }> = [];
  const screenshot = async (name: string) => {
    await browser.screenshot(name);
    for (const control of await unlabelledControls(page)) unlabelled.push(`${name}: ${control}`);
  };

  const canvas = () => page.getByTestId('erd-canvas');
  /** Picks a density (Mantine's segmented control: the label is what a person clicks). */
  const density = (name: string) =>
    page.locator('.mantine-SegmentedControl-label', { hasText: new RegExp(`^${name}$`) }).click();
  const draws = async () => Number(await canvas().getAttribute('data-draws'));
  /** Waits for the drawing after `before` completed drawings, and records it. */
  const nextDrawing = async (step: string, before: number): Promise<Drawing> => {
    await expect
      .poll(async () => (await draws()) > before && (await canvas().getAttribute('data-busy')) === 'false', {
        timeout: 90_000,
      })
      .toBe(true);
    const attr = async (name: string) => (await canvas().getAttribute(name)) ?? '';
    const drawing: Drawing = {
      density: await attr('data-density'),
      boxes: Number(await attr('data-boxes')),
      layoutMs: Number(await attr('data-layout-ms')),
      drawMs: Number(await attr('data-draw-ms')),
      renderedBoxes: await page.locator('.react-flow__node-table, .react-flow__node-domain').count(),
    };
    drawings.push({ step, ...drawing });
    return drawing;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startFerryServer(), launchBrowser()]);
    page = browser.page;
    journey.onFailure = async (step) => {
      await browser.screenshot(`FAILED-erd-crosswalks-${step.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`);
    };
  }, 90_000);

  afterAll(async () => {
    if (drawings.length) {
      await mkdir(artifactsDir, { recursive: true });
      await writeFile(join(artifactsDir, 'erd-render-times.json'), `${JSON.stringify(drawings, null, 2)}\n`);
      console.log(
        `ERD drawings:\n${drawings.map((d) => `  ${d.step}: ${d.boxes} ${d.density === 'domains' ? 'domains' : 'tables'} (${d.density}), layout ${d.layoutMs} ms, drawn ${d.drawMs} ms, ${d.renderedBoxes} boxes in the DOM`).join('\n')}`,
      );
    }
    await browser?.close();
    await server?.stop();
  });

  it('signs in as the bootstrap admin and creates an organisation, workspace and nhs-pas project', async () => {
    await signIn(page, server.url, bootstrapAdmin.email, bootstrapAdmin.password);
    await expect.poll(() => page.url()).toContain('/onboarding');
    await page.getByLabel('New organisation name').fill('Westmoor Hospitals NHS Trust');
    await page.getByLabel('Code').fill('westmoor');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByLabel('New workspace name').fill('PAS replacement');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByLabel('Project name').fill('PAS ERD and codes');
    await choose(page, 'Pack', /^nhs-pas/);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/dashboard$/);
  });

  it('opens the ERD of the 419-table source catalog, clustered by domain', async () => {
    await openPage(page, 'ERD');
    await page.getByRole('heading', { name: 'Entity-relationship diagram' }).waitFor();
    const clusters = await nextDrawing('open: domain clusters', 0);
    expect(clusters.density).toBe('domains');
    expect(clusters.boxes).toBeGreaterThanOrEqual(10);
    expect(await page.getByText(/419 tables, 577 declared and \d+ inferred relationships/).count()).toBe(1);
    await page.locator('.react-flow__node-domain', { hasText: 'PMI' }).first().waitFor();
    // The overview map draws every box.
    expect(await page.locator('.react-flow__minimap-node').count()).toBe(clusters.boxes);
    await screenshot('erd-domains');
  });

  it('draws all 419 tables by name, rendering only the boxes in view once zoomed in', async () => {
    const before = await draws();
    await density('Names');
    const names = await nextDrawing('all tables: names', before);
    expect(names).toMatchObject({ density: 'overview', boxes: 419 });
    // Laid out and painted within a bound a person would wait for on this 2-core machine.
    expect(names.drawMs).toBeLessThan(30_000);
    await screenshot('erd-all-tables');
    // Zoomed in, boxes out of view are not rendered.
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
    await expect.poll(() => page.locator('.react-flow__node-table').count()).toBeLessThan(names.renderedBoxes);
    drawings.push({
      step: 'all tables, zoomed in',
      ...names,
      renderedBoxes: await page.locator('.react-flow__node-table').count(),
    });
  });

  it('finds a table by search and shows it with its neighbours', async () => {
    const before = await draws();
    await page.getByLabel('Find table').fill('OP_APPT');
    await page.getByRole('button', { name: /^Show \d+ match/ }).waitFor();
    await page.getByLabel('Matches and neighbours only').check({ force: true });
    const focused = await nextDrawing('search OP_APPT: matches and neighbours', before);
    expect(focused.boxes).toBeLessThan(419);
    expect(focused.boxes).toBeGreaterThan(1);
    // The match is highlighted (a thicker amber border).
    const match = page.locator('[data-table="OP_APPT"]');
    await match.waitFor();
    expect(await match.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(255, 184, 28)');
    await screenshot('erd-search');
    await page.getByLabel('Matches and neighbours only').uncheck({ force: true });
    await page.getByLabel('Find table').fill('');
    await nextDrawing('search cleared', before + 1);
  });

  it('filters one domain and changes the density to keys and to all columns', async () => {
    let before = await draws();
    await choose(page, 'Domains', /^OPD$/);
    await page.keyboard.press('Escape');
    const opd = await nextDrawing('domain OPD: names', before);
    expect(opd.boxes).toBeLessThan(100);
    const tables = await page
      .locator('.react-flow__node-table')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
    expect(tables.length).toBe(opd.boxes);
    expect(tables).toContain('OP_APPT');
    before = await draws();
    await density('Keys');
    const keys = await nextDrawing('domain OPD: keys', before);
    expect(keys).toMatchObject({ density: 'keys', boxes: opd.boxes });
    // Zoomed in far enough to read, the key columns are drawn.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.locator('.react-flow__node-table').getByText(/^PK /).first().waitFor();
    await screenshot('erd-domain-keys');
    before = await draws();
    await density('All columns');
    const full = await nextDrawing('domain OPD: all columns', before);
    expect(full.density).toBe('full');
  });

  it('runs a small lifecycle so the crosswalks have a source extract to measure', async () => {
    await openPage(page, 'Lifecycle');
    await page.getByLabel('Patients in the generated cohort').fill('30');
    await page.getByRole('button', { name: 'Run all stages' }).click();
    const finished = page.getByTestId('run-finished');
    await finished.waitFor({ timeout: 140_000 });
    expect(await finished.textContent()).toMatch(/^Run succeeded/);
  });

  it('shows crosswalk coverage per code type on the run’s extract', async () => {
    await openPage(page, 'Crosswalks');
    const coverage = page.getByRole('table', { name: 'Coverage per crosswalk' });
    await coverage.waitFor({ timeout: 60_000 });
    // The nhs-pas contract sends 21 code types through crosswalks; the pack's approved entries map nearly all codes.
    expect(await coverage.locator('tbody tr').count()).toBe(21);
    await coverage.getByRole('button', { name: 'Show unmapped gender codes' }).waitFor();
    expect(await page.getByTestId('crosswalk-coverage').textContent()).toMatch(/Coded values mapped\d+\.\d%/);
    await screenshot('crosswalks-coverage');
  });

  it('reopens the gender entries: their codes show as unmapped with counts, labels and suggestions', async () => {
    await choose(page, 'Code type', /^gender$/);
    await page.getByRole('checkbox', { name: 'Apply to all 4 matching entries' }).check();
    await confirmedAction(page, 'Reopen to draft', 'Reopen to draft 4 crosswalk entries?');
    await page.getByText(/4 entries draft/).waitFor();
    const coverage = page.getByRole('table', { name: 'Coverage per crosswalk' });
    await coverage.getByRole('button', { name: 'Show unmapped gender codes' }).click();
    const unmapped = page.getByRole('table', { name: 'Unmapped codes' });
    await unmapped
      .getByRole('button', { name: /^Accept \S+ for gender / })
      .first()
      .waitFor({ timeout: 30_000 });
    const row = unmapped.locator('tbody tr').first();
    // Most frequent first, with its count, its label from the legacy lookup and a suggestion with its reason.
    expect(Number((await row.locator('td').nth(3).textContent())?.replace(/,/g, ''))).toBeGreaterThan(0);
    expect(await row.textContent()).toMatch(/draft/);
    expect(await row.textContent()).toMatch(/resembles the national label/);
    await screenshot('crosswalks-unmapped');
  });

  it('accepts a suggestion as a draft entry, which the person who drafted it may not approve', async () => {
    const unmapped = page.getByRole('table', { name: 'Unmapped codes' });
    const accept = unmapped.getByRole('button', { name: /^Accept \S+ for gender / }).first();
    const [, targetCode, sourceCode] = /^Accept (\S+) for gender (.+)$/.exec(
      (await accept.getAttribute('aria-label'))!,
    )!;
    await accept.click();
    await page.getByText(`gender '${sourceCode}' drafted as ${targetCode}`).waitFor();
    // The entry is a draft with the suggested national code and the reason in its notes.
    await page.getByLabel('Local code').fill(sourceCode!);
    const entries = page.getByRole('table', { name: 'Crosswalk entries' });
    await entries.getByText(/suggested by national label similarity/).waitFor();
    const armAll = page.getByRole('checkbox', { name: 'Apply to all 1 matching entries' });
    await armAll.check();
    await confirmedAction(page, 'Mark reviewed', 'Mark reviewed 1 crosswalk entry?');
    await page.getByText(/1 entry reviewed/).waitFor();
    await armAll.check();
    await confirmedAction(page, 'Approve', 'Approve 1 crosswalk entry?');
    await page.getByText(/You drafted or marked reviewed 1 of these entries/).waitFor();
    await screenshot('crosswalks-accepted');
  });

  it('measures the ERD relationships on the run’s extract: value containment as evidence', async () => {
    await openPage(page, 'ERD');
    const before = await nextDrawing('reopened: domain clusters', 0);
    expect(before.density).toBe('domains');
    const drawn = await draws();
    await choose(page, 'Measured on data', /^Run [0-9a-f]{8} \(succeeded/);
    await page
      .getByText(/419 tables, \d+ declared and \d+ inferred relationships \(value containment measured on \d+ tables\)/)
      .waitFor({ timeout: 90_000 });
    await nextDrawing('measured on the run: domain clusters', drawn);
    await screenshot('erd-measured-on-data');
  });

  it('names every control on the ERD and crosswalk pages', () => {
    expect(unlabelled).toEqual([]);
  });
});

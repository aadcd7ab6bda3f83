import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type AxeFinding, levelOneHeadings, seriousAxeViolations } from './support/axe.js';
import { artifactsDir, type BrowserSession, launchBrowser } from './support/browser.js';
import { browserAvailable } from './support/e2e-guard.js';
import { bootstrapAdmin, type FerryServer, startFerryServer } from './support/ferry-server.js';
import { choose, journeySteps, openPage, signIn } from './support/journey.js';

const journey = journeySteps();
const it = journey.step;

/** The two screens every page must work on: a laptop and a phone. */
const viewports = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/**
 * Every page of the control plane, once, at 1440x900 and 390x844: axe-core finds no serious or critical
 * violation (contrast AA, names, labels, landmarks) and each page has exactly one h1. A screenshot of each page at
 * each size lands in test-artifacts/web-e2e/, and what axe found in axe-findings.json there. One sign-in and one 30-patient run keep it short.
 */
describe.runIf(browserAvailable())('accessibility of every page (Chromium, axe-core)', () => {
  let server: FerryServer;
  let browser: BrowserSession;
  let page: Page;
  const state: { projectId?: string; runId?: string } = {};
  /** What axe found, per page and size (only pages with findings). */
  const findings: Record<string, AxeFinding[]> = {};
  /** The h1 texts per page and size, where there is not exactly one. */
  const headings: Record<string, string[]> = {};
  const visited: string[] = [];

  /** Waits until the page has drawn its data: no loader left, the network quiet for a moment. */
  const settle = async () => {
    await page
      .waitForLoadState('networkidle', { timeout: 10_000 })
      .catch(() => undefined /* a live stream keeps it busy */);
    await expect
      .poll(() => page.locator('.mantine-Loader-root:visible, [aria-busy=true]:visible').count(), { timeout: 60_000 })
      .toBe(0);
  };

  /** Checks the page now open at both sizes, leaving the browser at the desktop size. */
  const audit = async (name: string) => {
    for (const viewport of viewports) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await settle();
      const key = `${name} @${viewport.width}`;
      const found = await seriousAxeViolations(page);
      if (found.length > 0) findings[key] = found;
      const h1 = await levelOneHeadings(page);
      if (h1.length !== 1) headings[key] = h1;
      await writeFile(join(artifactsDir, 'axe-findings.json'), JSON.stringify({ findings, headings }, null, 2));
      await browser.screenshot(`a11y-${name}-${viewport.name}`);
    }
    await page.setViewportSize({ width: viewports[0].width, height: viewports[0].height });
    visited.push(name);
  };

  /** Polls as long as a busy machine may take to fetch and draw a list. */
  const settled = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

  const visit = async (name: string, path: string) => {
    await page.goto(`${server.url}${path}`);
    await page.locator('h1').first().waitFor();
    await audit(name);
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startFerryServer(), launchBrowser({ bypassCSP: true })]);
    page = browser.page;
    journey.onFailure = async (step) => {
      await browser.screenshot(`a11y-FAILED-${step.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
    };
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('checks the signed-out pages', async () => {
    await visit('login', '/login');
    await visit('register', '/register');
    await visit('set-password', '/set-password');
  });

  it('signs in, creates a project and runs a 30-patient cohort', async () => {
    await signIn(page, server.url, bootstrapAdmin.email, bootstrapAdmin.password);
    await page.getByLabel('New organisation name').waitFor();
    await audit('onboarding');
    await page.getByLabel('New organisation name').fill('Northshire Hospitals NHS Trust');
    await page.getByLabel('Code').fill('northshire');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByLabel('New workspace name').fill('PAS replacement');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByLabel('Project name').fill('Accessibility rehearsal');
    await choose(page, 'Pack', /^nhs-pas/);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/dashboard$/);
    state.projectId = /\/projects\/([0-9a-f-]{36})\//.exec(page.url())![1];
    await openPage(page, 'Lifecycle');
    await page.getByLabel('Patients in the generated cohort').fill('30');
    await page.getByRole('button', { name: 'Run all stages' }).click();
    await page.getByTestId('run-finished').waitFor({ timeout: 300_000 });
    await audit('lifecycle');
    await page.getByRole('link', { name: 'Open run' }).click();
    await page.getByTestId('gate-panel').waitFor();
    state.runId = /\/runs\/([0-9a-f-]{36})$/.exec(page.url())![1];
  });

  it('checks every project page', async () => {
    const project = `/projects/${state.projectId}`;
    for (const [name, path] of [
      ['dashboard', 'dashboard'],
      ['schemas', 'schemas'],
      ['erd', 'erd'],
      ['mappings', 'mappings'],
      ['crosswalks', 'crosswalks'],
      ['connectors', 'connectors'],
      ['runs', 'runs'],
      ['run-detail', `runs/${state.runId}`],
      ['quality', 'quality'],
      ['documents', 'documents'],
    ] as const) {
      await visit(name, `${project}/${path}`);
    }
  });

  it('checks every organisation and admin page', async () => {
    for (const [name, path] of [
      ['users', '/admin/users'],
      ['registrations', '/admin/registrations'],
      ['roles', '/admin/roles'],
      ['audit', '/admin/audit'],
      ['targets', '/settings/targets'],
      ['settings', '/settings'],
      ['not-found', '/no-such-page'],
    ] as const) {
      await visit(name, path);
    }
  });

  it("drills down from the dashboard's tiles: approved rows open the workbench filtered to them", async () => {
    await page.goto(`${server.url}/projects/${state.projectId}/dashboard`);
    await page.getByRole('link', { name: /^Approved/ }).click();
    await page.waitForURL(/\/mappings\?status=approved$/);
    const statuses = page.getByRole('table', { name: 'Contract rows' }).locator('.mantine-Badge-root');
    await settled(async () => (await statuses.count()) > 0).toBe(true);
    expect(new Set(await statuses.allTextContents())).toEqual(new Set(['approved']));
    await page.goto(`${server.url}/projects/${state.projectId}/dashboard`);
    await page.getByRole('link', { name: /^Blocking/ }).click();
    await page.waitForURL(new RegExp(`/runs/${state.runId}$`));
  });

  // The run is there already: the mappings workbench's confidence (the map stage's score of each row's source
  // column) is checked here rather than in a journey of its own.
  it("filters and sorts the mappings by the map stage's confidence, with its reason beside each row", async () => {
    await page.goto(`${server.url}/projects/${state.projectId}/mappings`);
    const table = page.getByRole('table', { name: 'Contract rows' });
    const confidences = async () =>
      (await table.getByTestId('row-confidence').allTextContents()).map((t) => (t === '–' ? null : Number(t)));
    await settled(async () => (await confidences()).length).toBeGreaterThan(0);
    const matching = async () =>
      Number(/All ([\d,]+)/.exec((await page.getByText(/^All [\d,]+ matching$/).textContent())!)![1]!.replace(',', ''));
    const everything = await matching();
    await choose(page, 'Confidence', 'Strong: 0.80 and above');
    await settled(matching).toBeLessThan(everything);
    const strong = await confidences();
    expect(strong.length).toBeGreaterThan(0);
    expect(strong.every((c) => c !== null && c >= 0.8)).toBe(true);
    // "All matching" would not know the band: only ticked rows can be acted on.
    expect(await page.getByRole('radio', { name: /^All [\d,]+ matching$/ }).isDisabled()).toBe(true);
    await choose(page, 'Confidence', 'Weak: below 0.50');
    await settled(async () => (await confidences()).every((c) => c !== null && c < 0.5)).toBe(true);
    await choose(page, 'Confidence', 'Any confidence');
    await settled(matching).toBe(everything);
    // Sorted by confidence, highest first: the scores only go down, and each scored row says why.
    await table.getByRole('button', { name: /^Confidence/ }).click();
    await table.getByRole('button', { name: /^Confidence/ }).click();
    await settled(
      async () => await table.getByRole('columnheader', { name: /^Confidence/ }).getAttribute('aria-sort'),
    ).toBe('descending');
    await settled(async () => {
      const scores = (await confidences()).map((c) => c ?? -1);
      return scores.length > 1 && scores[0]! >= 0 && scores.every((c, i) => i === 0 || c <= scores[i - 1]!);
    }).toBe(true);
    const first = table.getByRole('row').nth(1);
    expect(await first.textContent()).toMatch(/1\.00|0\.\d\d/);
    await browser.screenshot('mappings-by-confidence');
  });

  it('explores the audit trail: an action picked from a list, dd/mm/yyyy dates, readable details', async () => {
    await page.goto(`${server.url}/admin/audit`);
    const events = page.getByRole('table', { name: 'Audit events' });
    await events.getByRole('row').nth(1).waitFor();
    await choose(page, 'Action', /^project\.create \(1\)$/);
    await settled(async () => (await events.getByRole('row').allTextContents()).slice(1)).toEqual([
      expect.stringContaining('project.create'),
    ]);
    // Dates are read as dd/mm/yyyy: a US date or one that does not exist says so, and filters nothing.
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('12/31/2026');
    await page.getByText('No month 31: use dd/mm/yyyy').waitFor();
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('31/02/2026');
    await page.getByText('31/02/2026 is not a date').waitFor();
    const today = new Date().toLocaleDateString('en-GB');
    await page.getByRole('textbox', { name: 'From', exact: true }).fill(today);
    await page.getByRole('textbox', { name: 'To', exact: true }).fill(today);
    await settled(async () => (await events.getByRole('row').count()) - 1).toBe(1);
    await events.getByRole('row').nth(1).click();
    const detail = page.getByRole('table', { name: /^Audit event \d+$/ });
    expect(await detail.getByRole('row', { name: /^Action/ }).textContent()).toBe('Actionproject.create');
    expect(await detail.getByRole('row', { name: /^Actor/ }).textContent()).toBe(`Actor${bootstrapAdmin.email}`);
    expect(await detail.textContent()).not.toContain('{"');
    await browser.screenshot('audit-event-detail');
    await page.keyboard.press('Escape');
  });

  it('found no serious or critical violation and one h1 on every page, at both sizes', () => {
    expect(visited).toHaveLength(22);
    expect(findings).toEqual({});
    expect(headings).toEqual({});
  });
});

import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestSchema, PostgresDatabase, postgresReachable } from '@ferry/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { unlabelledControls } from './support/accessibility.js';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { browserAvailable } from './support/e2e-guard.js';
import { bootstrapAdmin, type FerryServer, startFerryServer } from './support/ferry-server.js';
import { choose, journeySteps, openPage, signIn } from './support/journey.js';

/**
 * A real target and a rollback, end to end in Chromium against the real `ferry serve`: the operator (the bootstrap
 * super admin) allows the organisation the test's PostgreSQL host (loopback, so the server's FERRY_DB_LOCAL_HOSTS
 * lists it too), registers it as a target database on Settings → Targets, tests it, makes it the project's target,
 * runs the lifecycle into it and rolls the load back from the Runs page after a confirmation naming the job and its
 * rows per table. The target's tables are read directly: the job's rows are there, then gone.
 * Screenshots go to test-artifacts/web-e2e/NN-targets-*.png.
 */
const journey = journeySteps();
const it = journey.step;
const pgUp = await postgresReachable();
/** The server's source roots (FERRY_SOURCE_ROOTS); the folders allowed below are only named, not read. */
const extractsRoot = resolve(tmpdir(), 'ferry-e2e-extracts');

describe.runIf(browserAvailable() && pgUp)('targets and rollback journey (Chromium)', () => {
  let server: FerryServer;
  let browser: BrowserSession;
  let page: Page;
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let staging: PostgresDatabase;
  const unlabelled: string[] = [];
  const screenshot = async (name: string) => {
    await browser.screenshot(`targets-${name}`);
    for (const control of await unlabelledControls(page)) unlabelled.push(`${name}: ${control}`);
  };
  /** Rows per load table of the target, by job. */
  const loaded = async () =>
    staging.query<{ job: string; n: string }>(
      `SELECT ferry_job_id AS job, count(*)::text AS n FROM "LOAD_PMI" GROUP BY 1 ORDER BY 1`,
    );

  beforeAll(async () => {
    schema = await createTestSchema('ferry_e2e_target');
    staging = await PostgresDatabase.open(schema.url, { max: 1 });
    [server, browser] = await Promise.all([
      startFerryServer({ FERRY_DB_LOCAL_HOSTS: '127.0.0.1:5432', FERRY_SOURCE_ROOTS: extractsRoot }),
      launchBrowser(),
    ]);
    page = browser.page;
    journey.onFailure = async (step) => {
      await browser.screenshot(`FAILED-targets-${step.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`);
    };
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await staging?.close();
    await schema?.drop();
  });

  it('signs in as the operator and creates an organisation, workspace and nhs-pas project', async () => {
    await signIn(page, server.url, bootstrapAdmin.email, bootstrapAdmin.password);
    await expect.poll(() => page.url()).toContain('/onboarding');
    await page.getByLabel('New organisation name').fill('Eastfield Health Partnership');
    await page.getByLabel('Code').fill('eastfield');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByLabel('New workspace name').fill('EPR cutover');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByLabel('Project name').fill('Staging load rehearsal');
    await choose(page, 'Pack', /^nhs-pas/);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/dashboard$/);
  });

  it('allows the staging host, registers the target database and tests it', async () => {
    await openPage(page, 'Targets');
    await page.getByRole('heading', { name: 'Target databases' }).waitFor();
    await page.getByText('No database host allowed yet').waitFor();
    const hosts = page.getByRole('combobox', {
      name: "Hosts this organisation's targets and source connectors may name",
    });
    await hosts.fill('127.0.0.1:5432');
    await hosts.press('Enter');
    await page.getByRole('button', { name: 'Save hosts' }).click();
    await page.getByText('Allowed: 127.0.0.1:5432').waitFor();
    // The operator also allows the organisation's folder connectors one server folder, inside FERRY_SOURCE_ROOTS.
    const folders = page.getByRole('combobox', {
      name: "Server folders this organisation's folder connectors may read",
    });
    await folders.fill('/etc');
    await folders.press('Enter');
    await page.getByRole('button', { name: 'Save folders' }).click();
    await page.getByText(`A source folder must be inside the server's FERRY_SOURCE_ROOTS: ${extractsRoot}`).waitFor();
    await folders.press('Backspace');
    await folders.fill(join(extractsRoot, 'eastfield'));
    await folders.press('Enter');
    await page.getByRole('button', { name: 'Save folders' }).click();
    await page.getByText('Allowed source folders saved').waitFor();
    const form = page.getByRole('form', { name: 'Register a target database' });
    await form.getByLabel(/^Name/).fill('EPR staging');
    await form.getByLabel(/^Host/).fill('127.0.0.1');
    await form.getByLabel(/^Database/).fill(new URL(schema.url).pathname.slice(1));
    await form.getByLabel(/^Schema/).fill(schema.schema);
    await form.getByLabel(/^User/).fill('postgres');
    await form.getByLabel(/^Password/).fill('staging-password-not-shown');
    await screenshot('register');
    await form.getByRole('button', { name: 'Register' }).click();
    const table = page.getByRole('table', { name: 'Target databases' });
    await table.getByRole('cell', { name: 'EPR staging', exact: true }).waitFor();
    expect(await page.content()).not.toContain('staging-password-not-shown');
    await page.getByRole('button', { name: 'Test EPR staging' }).click();
    const checks = page.getByRole('list', { name: 'Connection checks' });
    await checks.waitFor();
    expect(await checks.textContent()).toMatch(/OKconnection: connected to PostgreSQL \d+/);
    expect(await checks.textContent()).toContain(`OKschema: schema ${schema.schema}: 0 table(s), 0 Ferry job(s)`);
    await screenshot('tested');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('makes it the project target and runs the lifecycle into it', async () => {
    await openPage(page, 'Settings');
    await choose(page, 'Target', /^Target database EPR staging/);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Project settings saved').waitFor();
    await openPage(page, 'Lifecycle');
    await page.getByLabel('Patients in the generated cohort').fill('20');
    await page.getByRole('button', { name: 'Run all stages' }).click();
    const finished = page.getByTestId('run-finished');
    await finished.waitFor({ timeout: 140_000 });
    expect(await finished.textContent()).toMatch(/^Run succeeded; gate (PASS|FAIL)$/);
    const rows = await loaded();
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });

  it('rolls the load back from the Runs page after a confirmation naming the job and its rows', async () => {
    const [{ job, n }] = (await loaded()) as [{ job: string; n: string }];
    await openPage(page, 'Runs');
    await page.getByRole('button', { name: /^Roll back run / }).click();
    const dialog = page.getByRole('dialog', { name: `Roll back job ${job}?` });
    await dialog.waitFor();
    const counts = dialog.getByRole('table', { name: 'Rows the rollback undoes' });
    await counts.getByRole('row', { name: new RegExp(`^LOAD_PMI ${n} 0$`) }).waitFor();
    expect(await dialog.textContent()).toContain(`Job ${job} in target database EPR staging (completed)`);
    await screenshot('confirm');
    await dialog.getByRole('button', { name: `Roll back job ${job}` }).click();
    await page.getByText(`Job ${job} rolled back`).waitFor();
    await page.getByText('Rolled back', { exact: true }).waitFor();
    await screenshot('rolled-back');
    expect(await loaded()).toEqual([]);
    // The run's page shows the rollback, and its record is among the run's reports.
    await page.getByRole('cell', { name: 'Rolled back', exact: true }).click();
    const notice = page.getByTestId('run-rollback');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`Job ${job} rolled back by ${bootstrapAdmin.email}`);
    await page.getByRole('link', { name: 'Download rollback.json' }).waitFor();
    await screenshot('run-rolled-back');
    expect(unlabelled).toEqual([]);
  });
});

import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it as vitestIt } from 'vitest';
import { type BrowserSession, launchBrowser } from './support/browser.js';
import { browserAvailable } from './support/e2e-guard.js';
import { bootstrapAdmin, type FerryServer, startFerryServer } from './support/ferry-server.js';

/**
 * The journeys people take through the control plane, in one real Chromium against the real `ferry serve` on a
 * fresh embedded database. Each step leaves a screenshot under test-artifacts/web-e2e/.
 * The steps run in order and share the browser: each one starts where the previous one left off.
 */
const viewer = { name: 'Rita Viewer', email: 'rita.viewer@northshire.example', password: 'Kestrel-Meadow-Lantern-7' };

async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user-menu').waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

/** Picks an option of a Mantine Select by its label. */
async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page
    .getByLabel(new RegExp(`^${label}`))
    .first()
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Journey steps build on each other: once one fails, the rest are skipped rather than timing out one by one. */
let broken: string | null = null;
let onFailure: ((step: string) => Promise<void>) | undefined;
function it(name: string, fn: () => Promise<void> | void): void {
  vitestIt(name, async (context) => {
    if (broken) context.skip(`an earlier step failed: ${broken}`);
    try {
      await fn();
    } catch (e) {
      broken = name;
      await onFailure?.(name).catch(() => undefined);
      throw e;
    }
  });
}

describe.runIf(browserAvailable())('web control plane journeys (Chromium)', () => {
  let server: FerryServer;
  let browser: BrowserSession;
  let page: Page;
  const state: { projectId?: string } = {};

  beforeAll(async () => {
    [server, browser] = await Promise.all([startFerryServer(), launchBrowser()]);
    page = browser.page;
    onFailure = async (step) => {
      await browser.screenshot(`FAILED-${step.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
    };
  }, 90_000);

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
    await browser.screenshot('login-refused');
    await signIn(page, server.url, bootstrapAdmin.email, bootstrapAdmin.password);
    await expect.poll(() => page.url()).toContain('/onboarding');
    expect(await page.getByTestId('user-menu').textContent()).toContain('super admin');
  });

  it('creates an organisation, a workspace and a project on the nhs-pas pack', async () => {
    await page.getByLabel('New organisation name').fill('Northshire Hospitals NHS Trust');
    await page.getByLabel('Code').fill('northshire');
    await browser.screenshot('onboarding');
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
    await browser.screenshot('project-created');
  });

  it('lets a person request access, and an org admin approve them as a viewer', async () => {
    await page.goto(`${server.url}/register`);
    await page.getByLabel('Full name').fill(viewer.name);
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel(/^Password/).fill(viewer.password);
    await page.getByLabel('Organisation code').fill('northshire');
    await browser.screenshot('register');
    await page.getByRole('button', { name: 'Request access' }).click();
    await page.getByText('Pending approval').waitFor();
    await browser.screenshot('register-pending');

    await page.goto(`${server.url}/admin/registrations`);
    const row = page.getByTestId(`registration-${viewer.email}`);
    await row.waitFor();
    await browser.screenshot('registrations');
    await row.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => row.count()).toBe(0);

    await page.getByRole('link', { name: 'Users' }).click();
    const user = page.getByTestId(`user-${viewer.email}`);
    await user.waitFor();
    expect(await user.textContent()).toContain('viewer');
    await browser.screenshot('users');
  });

  it('shows and exports the audit trail of those changes', async () => {
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('table', { name: 'Audit events' }).getByText('registration.approve').waitFor();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText('The chain is intact').waitFor();
    await browser.screenshot('audit');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toContain('action');
    expect(csv).toContain('registration.approve');
  });

  it('shows the role-permission matrix', async () => {
    await page.getByRole('link', { name: 'Roles' }).click();
    await page.getByRole('checkbox', { name: 'viewer has contract.read', exact: true }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'viewer has contract.approve', exact: true }).isChecked()).toBe(
      false,
    );
    expect(
      await page.getByRole('checkbox', { name: 'mapping_analyst has contract.approve', exact: true }).isChecked(),
    ).toBe(true);
    await browser.screenshot('roles');
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
    await browser.screenshot('viewer-refused');
  });

  it('raised no uncaught error in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});

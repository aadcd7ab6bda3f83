import type { Page } from 'playwright-core';
import { expect, it as vitestIt } from 'vitest';

/** Signs in through the login page and waits for the signed-in shell. */
export async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user-menu').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

/**
 * Reads the one-time password code the Users page shows after creating a user or resetting a password, and closes
 * its dialog.
 */
export async function takePasswordCode(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog', { name: /^One-time code for/ });
  const code = (await dialog.getByTestId('password-code').textContent())!.trim();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
  return code;
}

/** Sets a user's own password with their one-time code, through the set-password page (no session needed). */
export async function setPasswordWithCode(page: Page, base: string, code: string, password: string): Promise<void> {
  await page.goto(`${base}/set-password?code=${encodeURIComponent(code)}`);
  await page.getByLabel(/^New password/).fill(password);
  await page.getByLabel(/^Repeat the new password/).fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await page.getByText('You can sign in now').waitFor();
}

/** Opens a page from the sidebar. */
export async function openPage(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

/** Picks an option of a Mantine Select by its label. */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  const field = page.getByRole('combobox', { name: new RegExp(`^${label}`) }).first();
  const choice = page.getByRole('option', { name: option }).first();
  // A page still settling its data can re-render a select closed under the click: open it until the option shows.
  await expect
    .poll(
      async () => {
        if ((await field.getAttribute('aria-expanded')) !== 'true') await field.click();
        return choice.isVisible();
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBe(true);
  await choice.click();
}

/**
 * Steps of one journey build on each other: once one fails, the rest are skipped rather than timing out one by one.
 * `onFailure` runs once for the failing step (e.g. to take a screenshot).
 *
 * @example
 * const journey = journeySteps();
 * journey.onFailure = (step) => browser.screenshot(`FAILED-${step}`);
 * journey.step('signs in', async () => { ... });
 */
export function journeySteps(): {
  step(name: string, fn: () => Promise<void> | void): void;
  onFailure?: (step: string) => Promise<void>;
} {
  let broken: string | null = null;
  const journey: ReturnType<typeof journeySteps> = {
    step(name, fn) {
      // A step may wait on a whole lifecycle run on a busy CI machine.
      vitestIt(name, { timeout: 400_000 }, async (context) => {
        if (broken) context.skip(`an earlier step failed: ${broken}`);
        try {
          await fn();
        } catch (e) {
          broken = name;
          await journey.onFailure?.(name).catch(() => undefined);
          throw e;
        }
      });
    },
  };
  return journey;
}

/**
 * Clicks a bulk or destructive action's button, reads the confirmation it opens (which must name what changes) and
 * confirms it. Answers the confirmation's text (title, summary, the rows or entries listed).
 */
export async function confirmedAction(page: Page, button: string, title: string | RegExp): Promise<string> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  const body = dialog.getByTestId('confirm-change');
  await body.waitFor();
  const text = `${typeof title === 'string' ? title : ''}${(await body.textContent()) ?? ''}`;
  await body.getByRole('button').last().click();
  await dialog.waitFor({ state: 'detached' });
  return text;
}

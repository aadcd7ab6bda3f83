import { existsSync } from 'node:fs';
import { chromiumPath } from './browser.js';

/**
 * Whether the browser journeys can run here. Without Chromium they skip with a message, except under CI=true,
 * where a missing browser is a failure (CI installs it).
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  const message = `Chromium is not installed at ${chromiumPath} (apt-get install -y chromium): browser journeys skipped`;
  if (process.env.CI === 'true') throw new Error(message.replace('skipped', 'cannot run under CI=true'));
  console.warn(message);
  return false;
}

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type ProfileReport, profileReportSchema } from './profile-model.js';

/**
 * The canonical JSON text of a profile: validated, keys in schema order, two-space indent, final newline.
 * The same report always gives the same bytes.
 */
export function formatProfileJson(report: ProfileReport): string {
  return `${JSON.stringify(profileReportSchema.parse(report), null, 2)}\n`;
}

/**
 * Writes `profile.json` (creating its folder).
 *
 * @example
 * await writeProfileJson(report, 'run/profile/profile.json');
 */
export async function writeProfileJson(report: ProfileReport, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, formatProfileJson(report), 'utf8');
}

import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { FerryError } from '@ferry/core';

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/**
 * Checks the folder a csv-directory connector names, without touching the disk: it must lie under one of the
 * server's source roots (FERRY_SOURCE_ROOTS). A relative path is taken from the first root. `..` segments are refused
 * outright, never resolved.
 *
 * @example
 * checkSourceDirectory(['/srv/extracts'], 'trust-a/2026-11') // '/srv/extracts/trust-a/2026-11'
 */
export function checkSourceDirectory(roots: readonly string[], path: string): string {
  if (roots.length === 0) {
    throw new FerryError(
      'FERRY_ERR_INPUT',
      'This server reads no source directories: its administrator has not set FERRY_SOURCE_ROOTS',
      { field: 'config.path' },
    );
  }
  if (path.split(/[/\\]/).includes('..') || path.includes('\u0000')) {
    throw new FerryError('FERRY_ERR_INPUT', 'The path may not contain ".." segments', { field: 'config.path' });
  }
  const full = isAbsolute(path) ? resolve(path) : resolve(roots[0]!, path);
  if (!roots.some((root) => inside(root, full))) {
    throw new FerryError('FERRY_ERR_INPUT', `The path must be inside a source root: ${roots.join(', ')}`, {
      field: 'config.path',
    });
  }
  return full;
}

/**
 * The folder a csv-directory connector reads, checked on disk: it exists, is a folder, and after resolving symbolic
 * links still lies under a source root (a link may not lead out).
 */
export async function openSourceDirectory(roots: readonly string[], path: string): Promise<string> {
  const full = checkSourceDirectory(roots, path);
  let real: string;
  try {
    real = await realpath(full);
  } catch (e) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', `The folder ${full} does not exist`, {}, { cause: e });
  }
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => r)));
  if (!realRoots.some((root) => inside(root, real)))
    throw new FerryError('FERRY_ERR_INPUT', `The folder ${full} leads outside the source roots`, {
      field: 'config.path',
    });
  if (!(await stat(real)).isDirectory()) throw new FerryError('FERRY_ERR_INPUT', `${full} is not a folder`);
  return real;
}

import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { FerryError } from '@ferry/core';

/** Where an organisation's csv-directory connectors may read. */
export interface SourceFolderPolicy {
  /** The operator's ceiling for every organisation: the server's FERRY_SOURCE_ROOTS (absolute; none: no folders). */
  ceiling: readonly string[];
  /** The folders the operator (a super admin) allowed this organisation (absolute; none by default). */
  roots: readonly string[];
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

const refuse = (message: string, field = 'config.path') => new FerryError('FERRY_ERR_INPUT', message, { field });

const noCeiling = 'This server reads no source directories: its administrator has not set FERRY_SOURCE_ROOTS';

const hasDotDot = (path: string) => path.split(/[/\\]/).includes('..') || /\p{Cc}/u.test(path);

/** The organisation's folders that lie inside the server's ceiling (a folder outside it is not usable). */
export function usableSourceRoots(policy: SourceFolderPolicy): string[] {
  return policy.roots.filter((root) => policy.ceiling.some((c) => inside(c, root)));
}

/**
 * Checks a folder the operator allows an organisation (`PUT /api/orgs/:orgId/source-folders`): an absolute path
 * without `..` segments, inside the server's FERRY_SOURCE_ROOTS. Returns it normalised.
 *
 * @example
 * checkAllowedSourceFolder(['/srv/extracts'], '/srv/extracts/trust-a/') // '/srv/extracts/trust-a'
 */
export function checkAllowedSourceFolder(ceiling: readonly string[], path: string, field = 'folders'): string {
  if (ceiling.length === 0) throw refuse(noCeiling, field);
  if (!isAbsolute(path)) throw refuse('A source folder must be an absolute path', field);
  if (hasDotDot(path)) throw refuse('A source folder may not contain ".." segments or control characters', field);
  const full = resolve(path);
  if (!ceiling.some((c) => inside(c, full)))
    throw refuse(`A source folder must be inside the server's FERRY_SOURCE_ROOTS: ${ceiling.join(', ')}`, field);
  return full;
}

/** The organisation's usable folders; refused when there are none. */
function usableRootsOrRefuse(policy: SourceFolderPolicy): string[] {
  if (policy.ceiling.length === 0) throw refuse(noCeiling);
  const roots = usableSourceRoots(policy);
  if (roots.length === 0)
    throw refuse(
      'This organisation may read no source folders yet: the operator (a super admin) has not allowed it any folder',
    );
  return roots;
}

/**
 * Checks the folder a csv-directory connector names, without touching the disk: it must lie inside one of the
 * folders the operator allowed the connector's organisation, themselves inside the server's FERRY_SOURCE_ROOTS. A
 * relative path is taken from the organisation's first folder. `..` segments are refused outright, never resolved.
 *
 * @example
 * checkSourceDirectory({ ceiling: ['/srv/extracts'], roots: ['/srv/extracts/trust-a'] }, '2026-11')
 * // '/srv/extracts/trust-a/2026-11'
 */
export function checkSourceDirectory(policy: SourceFolderPolicy, path: string): string {
  if (policy.ceiling.length === 0) throw refuse(noCeiling);
  if (hasDotDot(path)) throw refuse('The path may not contain ".." segments');
  const roots = usableRootsOrRefuse(policy);
  const full = isAbsolute(path) ? resolve(path) : resolve(roots[0]!, path);
  if (!roots.some((root) => inside(root, full)))
    throw refuse(`The path must be inside one of the organisation's source folders: ${roots.join(', ')}`);
  return full;
}

/** Whether `real` (a resolved path) lies inside one of the organisation's usable folders and the server's roots. */
async function resolvesInside(policy: SourceFolderPolicy, real: string): Promise<boolean> {
  const realOf = (paths: readonly string[]) => Promise.all(paths.map((p) => realpath(p).catch(() => p)));
  const [realRoots, realCeiling] = await Promise.all([realOf(usableSourceRoots(policy)), realOf(policy.ceiling)]);
  return realRoots.some((root) => inside(root, real)) && realCeiling.some((root) => inside(root, real));
}

const leadsOut = (full: string) => refuse(`The folder ${full} leads outside the organisation's source folders`);

/**
 * The folder a csv-directory connector is configured with, for storing: checked as `checkSourceDirectory` does and,
 * when it exists already, after resolving symbolic links (a link may not lead out, nor into another organisation's
 * folder). A folder that does not exist yet is accepted (it is checked again whenever it is read).
 */
export async function resolveSourceDirectory(policy: SourceFolderPolicy, path: string): Promise<string> {
  const full = checkSourceDirectory(policy, path);
  const real = await realpath(full).catch(() => undefined);
  if (real !== undefined && !(await resolvesInside(policy, real))) throw leadsOut(full);
  return full;
}

/**
 * The folder a csv-directory connector reads, checked on disk: it exists, is a folder, and after resolving symbolic
 * links still lies inside one of its organisation's folders and the server's roots (a link may not lead out, nor
 * into another organisation's folder).
 */
export async function openSourceDirectory(policy: SourceFolderPolicy, path: string): Promise<string> {
  const full = checkSourceDirectory(policy, path);
  let real: string;
  try {
    real = await realpath(full);
  } catch (e) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', `The folder ${full} does not exist`, {}, { cause: e });
  }
  if (!(await resolvesInside(policy, real))) throw leadsOut(full);
  if (!(await stat(real)).isDirectory()) throw new FerryError('FERRY_ERR_INPUT', `${full} is not a folder`);
  return real;
}

/**
 * Checks again a folder already resolved when a run was started (a real path, which need not lie lexically under a
 * root whose own path holds a link): it still exists and, resolved, lies inside one of the organisation's folders and
 * the server's roots as they are now.
 */
export async function recheckResolvedSourceDirectory(policy: SourceFolderPolicy, dir: string): Promise<void> {
  usableRootsOrRefuse(policy);
  let real: string;
  try {
    real = await realpath(dir);
  } catch (e) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', `The folder ${dir} does not exist`, {}, { cause: e });
  }
  if (!(await resolvesInside(policy, real))) throw leadsOut(dir);
}

/**
 * A file or folder a connector reads (an .xlsx workbook, a dump's layout file, a JSON folder), checked on disk as
 * `openSourceDirectory` checks a folder: it exists and, links resolved, lies inside one of the organisation's folders
 * and the server's roots.
 */
export async function openSourcePath(policy: SourceFolderPolicy, path: string): Promise<string> {
  const full = checkSourceDirectory(policy, path);
  let real: string;
  try {
    real = await realpath(full);
  } catch (e) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', `${full} does not exist`, {}, { cause: e });
  }
  if (!(await resolvesInside(policy, real))) throw leadsOut(full);
  return real;
}

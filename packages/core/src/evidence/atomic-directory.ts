import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The name prefix of `dir`'s sibling work folders: `.NAME.tmp-*` (being written) and `.NAME.old-*` (being replaced). */
function siblingPrefix(dir: string): string {
  return `.${basename(dir)}.`;
}

/**
 * A new, empty folder beside `dir` (same parent, so same file system) to write a replacement of `dir` into:
 * `PARENT/.NAME.tmp-<random>`. Hand it to {@link replaceDirectory} when complete.
 */
export async function makeStagingDirectory(dir: string): Promise<string> {
  const staging = join(dirname(dir), `${siblingPrefix(dir)}tmp-${randomBytes(4).toString('hex')}`);
  await mkdir(staging, { recursive: true });
  return staging;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Replaces `dir` with the complete folder `staging` (made by {@link makeStagingDirectory}) by renames only: the old
 * `dir` is moved aside, `staging` takes its name, then the old one is removed. A reader sees the old folder whole or
 * the new one whole, never a mix; a kill between the two renames leaves no `dir` but both folders whole under their
 * sibling names, which {@link recoverDirectory} puts right. If the second rename fails the old folder is put back.
 */
export async function replaceDirectory(staging: string, dir: string): Promise<void> {
  let aside: string | undefined;
  if (await exists(dir)) {
    aside = join(dirname(dir), `${siblingPrefix(dir)}old-${randomBytes(4).toString('hex')}`);
    await rename(dir, aside);
  }
  try {
    await rename(staging, dir);
  } catch (e) {
    if (aside) await rename(aside, dir);
    throw e;
  }
  if (aside) await rm(aside, { recursive: true, force: true });
}

/** Removes `dir` in one step (renamed aside first, then deleted): it never stands half deleted. */
export async function retireDirectory(dir: string): Promise<void> {
  if (!(await exists(dir))) return;
  const aside = join(dirname(dir), `${siblingPrefix(dir)}gone-${randomBytes(4).toString('hex')}`);
  await rename(dir, aside);
  await rm(aside, { recursive: true, force: true });
}

/**
 * After a kill: removes `dir`'s unfinished sibling work folders, and when `dir` itself is missing because the kill
 * fell between the two renames of {@link replaceDirectory}, puts the folder that was being replaced back (whole).
 * Returns true when it put one back.
 */
export async function recoverDirectory(dir: string): Promise<boolean> {
  const prefix = siblingPrefix(dir);
  const names = await readdir(dirname(dir)).catch(() => [] as string[]);
  const siblings = names.filter((n) => n.startsWith(prefix)).sort();
  let restored = false;
  if (!(await exists(dir))) {
    const old = siblings.find((n) => n.startsWith(`${prefix}old-`));
    if (old) {
      await rename(join(dirname(dir), old), dir);
      restored = true;
    }
  }
  for (const name of siblings) await rm(join(dirname(dir), name), { recursive: true, force: true });
  return restored;
}

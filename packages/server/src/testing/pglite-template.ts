import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PgliteDatabase } from '@ferry/core';

const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
const pgliteVersion = (
  JSON.parse(readFileSync(join(dirname(pgliteEntry), '..', 'package.json'), 'utf8')) as { version: string }
).version;
const templatesDir = join(tmpdir(), 'ferry-pglite-templates');

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * A file-backed PGlite copied from a template data directory. Creating a PGlite cluster (initdb in WASM) takes
 * seconds; copying a prepared one takes a fraction of that. The template is built once per key (include what it
 * depends on, e.g. migration checksums) by `build`, then only ever copied, never opened.
 *
 * @example
 * const { db, drop } = await pgliteFromTemplate('empty', async () => {});
 */
export async function pgliteFromTemplate(
  key: string,
  build: (db: PgliteDatabase) => Promise<void>,
): Promise<{ db: PgliteDatabase; dir: string; drop: () => Promise<void> }> {
  const template = await templateDir(key, build);
  const dir = await mkdtemp(join(tmpdir(), 'ferry-pglite-'));
  await cp(template, dir, { recursive: true });
  const db = await PgliteDatabase.open(dir);
  return {
    db,
    dir,
    drop: async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The template data directory for `key`, built once by `build` (concurrent builders: the first rename wins). */
async function templateDir(key: string, build: (db: PgliteDatabase) => Promise<void>): Promise<string> {
  const name = createHash('sha256').update(`${pgliteVersion}\n${key}`).digest('hex').slice(0, 20);
  const template = join(templatesDir, name);
  if (!(await exists(template))) {
    await mkdir(templatesDir, { recursive: true });
    const building = `${template}.building-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const db = await PgliteDatabase.open(building);
    await build(db);
    await db.close();
    await rename(building, template).catch(async () => {
      // Another worker finished the same template first; theirs is as good as ours.
      await rm(building, { recursive: true, force: true });
    });
  }
  return template;
}

/**
 * Puts an empty, initialised PGlite data directory at `dir` (copied from the template), so a lifecycle whose target
 * is `pglite:dir` opens it in a fraction of a second instead of creating a cluster.
 */
export async function seedEmptyPglite(dir: string): Promise<void> {
  await cp(await templateDir('empty', async () => {}), dir, { recursive: true });
}

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkSourceDirectory, openSourceDirectory } from './source-directory.js';

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'ferry-roots-'));
  root = join(base, 'extracts');
  await mkdir(join(root, 'trust-a'), { recursive: true });
  await mkdir(join(base, 'secret'));
  await writeFile(join(root, 'file.csv'), 'A\n1\n');
  await symlink(join(base, 'secret'), join(root, 'escape'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

it('takes relative paths from the first root and keeps every path inside a root', () => {
  expect(checkSourceDirectory([root], 'trust-a')).toBe(join(root, 'trust-a'));
  expect(checkSourceDirectory([root], join(root, 'trust-a'))).toBe(join(root, 'trust-a'));
  for (const bad of ['../../x', 'trust-a/../../secret', '..\\x', '/etc', join(base, 'secret')]) {
    expect(() => checkSourceDirectory([root], bad), bad).toThrow(/"\.\." segments|inside a source root/);
  }
  expect(() => checkSourceDirectory([], 'trust-a')).toThrow(/FERRY_SOURCE_ROOTS/);
});

it('refuses on disk a missing folder, a file, and a link that leads out of the roots', async () => {
  expect(await openSourceDirectory([root], 'trust-a')).toMatch(/trust-a$/);
  await expect(openSourceDirectory([root], 'missing')).rejects.toMatchObject({ code: 'FERRY_ERR_NOT_FOUND' });
  await expect(openSourceDirectory([root], 'file.csv')).rejects.toThrow(/not a folder/);
  await expect(openSourceDirectory([root], 'escape')).rejects.toThrow(/leads outside the source roots/);
});

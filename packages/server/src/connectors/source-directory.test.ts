import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  checkAllowedSourceFolder,
  checkSourceDirectory,
  openSourceDirectory,
  recheckResolvedSourceDirectory,
  resolveSourceDirectory,
  type SourceFolderPolicy,
} from './source-directory.js';

let base: string;
let ceiling: string;
let mine: string;
let policy: SourceFolderPolicy;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'ferry-roots-'));
  ceiling = join(base, 'extracts');
  mine = join(ceiling, 'trust-a');
  await mkdir(join(mine, '2026-11'), { recursive: true });
  await mkdir(join(ceiling, 'trust-b'), { recursive: true });
  await mkdir(join(base, 'secret'));
  await writeFile(join(mine, 'file.csv'), 'A\n1\n');
  await symlink(join(base, 'secret'), join(mine, 'escape'));
  // A link from this organisation's folder into another organisation's folder, both under the server's roots.
  await symlink(join(ceiling, 'trust-b'), join(mine, 'neighbour'));
  policy = { ceiling: [ceiling], roots: [mine] };
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

it("takes relative paths from the organisation's first folder and keeps every path inside its folders", () => {
  expect(checkSourceDirectory(policy, '2026-11')).toBe(join(mine, '2026-11'));
  expect(checkSourceDirectory(policy, join(mine, '2026-11'))).toBe(join(mine, '2026-11'));
  for (const bad of ['../../x', '2026-11/../../trust-b', '..\\x', '/etc', join(base, 'secret')]) {
    expect(() => checkSourceDirectory(policy, bad), bad).toThrow(
      /"\.\." segments|inside one of the organisation's source folders/,
    );
  }
  // Another organisation's folder under the same server-wide root is outside this organisation's folders.
  expect(() => checkSourceDirectory(policy, join(ceiling, 'trust-b'))).toThrow(
    `The path must be inside one of the organisation's source folders: ${mine}`,
  );
  expect(() => checkSourceDirectory(policy, ceiling)).toThrow(/inside one of the organisation's source folders/);
});

it('reads no folder without the server ceiling, nor for an organisation allowed none (or only outside the ceiling)', () => {
  expect(() => checkSourceDirectory({ ceiling: [], roots: [mine] }, mine)).toThrow(
    'This server reads no source directories: its administrator has not set FERRY_SOURCE_ROOTS',
  );
  const none =
    'This organisation may read no source folders yet: the operator (a super admin) has not allowed it any folder';
  expect(() => checkSourceDirectory({ ceiling: [ceiling], roots: [] }, mine)).toThrow(none);
  // A folder allowed once but no longer inside FERRY_SOURCE_ROOTS (the operator narrowed it) is not usable.
  expect(() => checkSourceDirectory({ ceiling: [join(ceiling, 'trust-b')], roots: [mine] }, mine)).toThrow(none);
});

it('refuses on disk a missing folder, a file, and a link that leads out or into another organisation', async () => {
  expect(await openSourceDirectory(policy, '2026-11')).toMatch(/2026-11$/);
  await expect(openSourceDirectory(policy, 'missing')).rejects.toMatchObject({ code: 'FERRY_ERR_NOT_FOUND' });
  await expect(openSourceDirectory(policy, 'file.csv')).rejects.toThrow(/not a folder/);
  for (const link of ['escape', 'neighbour'])
    await expect(openSourceDirectory(policy, link), link).rejects.toThrow(
      `The folder ${join(mine, link)} leads outside the organisation's source folders`,
    );
});

it('checks the folders an operator allows: absolute, no "..", inside the server roots, normalised', () => {
  expect(checkAllowedSourceFolder([ceiling], `${mine}/`)).toBe(mine);
  expect(() => checkAllowedSourceFolder([ceiling], 'trust-a', 'folders.0')).toThrow(
    expect.objectContaining({ message: 'A source folder must be an absolute path', context: { field: 'folders.0' } }),
  );
  expect(() => checkAllowedSourceFolder([ceiling], `${ceiling}/trust-a/../../secret`)).toThrow(/"\.\." segments/);
  expect(() => checkAllowedSourceFolder([ceiling], join(base, 'secret'))).toThrow(
    `A source folder must be inside the server's FERRY_SOURCE_ROOTS: ${ceiling}`,
  );
  expect(() => checkAllowedSourceFolder([], mine)).toThrow(/has not set FERRY_SOURCE_ROOTS/);
});

it('stores a folder that does not exist yet, but not one whose link leads out', async () => {
  expect(await resolveSourceDirectory(policy, 'next-month')).toBe(join(mine, 'next-month'));
  expect(await resolveSourceDirectory(policy, '2026-11')).toBe(join(mine, '2026-11'));
  await expect(resolveSourceDirectory(policy, 'neighbour')).rejects.toThrow(/leads outside the organisation's/);
});

it('checks a resolved run folder again by where it leads, also under a root named through a link', async () => {
  const linkedRoot = join(base, 'linked-extracts');
  await symlink(ceiling, linkedRoot);
  // The operator named the folders through a link; the run recorded the real path.
  const viaLink: SourceFolderPolicy = { ceiling: [linkedRoot], roots: [join(linkedRoot, 'trust-a')] };
  await expect(recheckResolvedSourceDirectory(viaLink, join(mine, '2026-11'))).resolves.toBeUndefined();
  await expect(recheckResolvedSourceDirectory(viaLink, join(ceiling, 'trust-b'))).rejects.toThrow(
    /leads outside the organisation's source folders/,
  );
  await expect(recheckResolvedSourceDirectory({ ...viaLink, roots: [] }, join(mine, '2026-11'))).rejects.toThrow(
    /may read no source folders yet/,
  );
  await expect(recheckResolvedSourceDirectory(viaLink, join(mine, 'gone'))).rejects.toMatchObject({
    code: 'FERRY_ERR_NOT_FOUND',
  });
});

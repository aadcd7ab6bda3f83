import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeStagingDirectory, recoverDirectory, replaceDirectory, retireDirectory } from './atomic-directory.js';

async function folderWith(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

describe('replaceDirectory', () => {
  it('swaps a complete staging folder in, leaving no sibling behind', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ferry-atomic-'));
    const dir = join(parent, 'evidence');
    await folderWith(dir, { 'a.txt': 'old a', 'b.txt': 'old b' });
    const staging = await makeStagingDirectory(dir);
    expect(staging.startsWith(join(parent, '.evidence.tmp-'))).toBe(true);
    await folderWith(staging, { 'a.txt': 'new a' });
    await replaceDirectory(staging, dir);
    expect(await readdir(dir)).toEqual(['a.txt']);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('new a');
    expect(await readdir(parent)).toEqual(['evidence']);
  });

  it('puts the old folder back when the new one cannot take its name', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ferry-atomic-'));
    const dir = join(parent, 'evidence');
    await folderWith(dir, { 'a.txt': 'old a' });
    await expect(replaceDirectory(join(parent, 'no-such-staging'), dir)).rejects.toThrow(/ENOENT/);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('old a');
    expect(await readdir(parent)).toEqual(['evidence']);
  });
});

describe('recoverDirectory', () => {
  it('after a kill between the two renames, puts the replaced folder back whole and drops the unfinished copy', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ferry-atomic-'));
    const dir = join(parent, 'evidence');
    // The state a kill leaves: the old package moved aside, a staging copy part written, no `evidence`.
    await folderWith(join(parent, '.evidence.old-1234abcd'), { 'a.txt': 'old a', 'manifest.json': '{}' });
    await folderWith(join(parent, '.evidence.tmp-5678ef01'), { 'a.txt': 'half' });
    expect(await recoverDirectory(dir)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'manifest.json']);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('old a');
    expect(await readdir(parent)).toEqual(['evidence']);
  });

  it('leaves a present folder as it is and only removes unfinished copies beside it', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ferry-atomic-'));
    const dir = join(parent, 'evidence');
    await folderWith(dir, { 'a.txt': 'current' });
    await folderWith(join(parent, '.evidence.tmp-00000000'), { 'a.txt': 'half' });
    await folderWith(join(parent, 'other'), { 'x.txt': 'x' });
    expect(await recoverDirectory(dir)).toBe(false);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('current');
    expect((await readdir(parent)).sort()).toEqual(['evidence', 'other']);
  });

  it('retireDirectory removes a folder in one step and accepts one that is not there', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ferry-atomic-'));
    const dir = join(parent, 'evidence');
    await folderWith(dir, { 'a.txt': 'x' });
    await retireDirectory(dir);
    await retireDirectory(dir);
    expect(await readdir(parent)).toEqual([]);
  });
});

import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type EvidenceFile,
  type EvidenceSource,
  evidenceFiles,
  publishEvidencePackage,
  readEvidenceManifest,
  verifyEvidencePackage,
  writeEvidencePackage,
} from './evidence-package.js';

/** Sources for every evidence file: written content, marked with `tag`. */
function sources(tag: string): Record<EvidenceFile, EvidenceSource> {
  return Object.fromEntries(evidenceFiles.map((f) => [f, { content: `${tag} ${f}\n` }])) as Record<
    EvidenceFile,
    EvidenceSource
  >;
}

describe('writeEvidencePackage', () => {
  it('writes every file and a manifest of their sha256, with the counts note', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ferry-evp-'));
    const dir = join(parent, 'evidence');
    const counts = { rejects: { rejectedRows: 2, rejectLines: 3, agree: true, explanation: 'one line per problem' } };
    const manifest = await writeEvidencePackage(dir, sources('run-a'), counts);
    expect(Object.keys(manifest.files)).toEqual([...evidenceFiles]);
    expect(manifest.counts).toEqual(counts);
    expect(await readEvidenceManifest(dir)).toEqual(manifest);
    expect(await verifyEvidencePackage(dir, manifest)).toEqual([]);
    expect(await readdir(parent)).toEqual(['evidence']);
  });

  it('leaves the previous package whole when the copy fails part way (a missing artefact)', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ferry-evp-'));
    const dir = join(parent, 'evidence');
    const before = await writeEvidencePackage(dir, sources('run-a'));
    // The seventh file's artefact is gone: six files were copied when the copy fails.
    const broken = { ...sources('run-b'), [evidenceFiles[6]]: join(parent, 'gone.csv') };
    await expect(writeEvidencePackage(dir, broken)).rejects.toMatchObject({ code: 'FERRY_ERR_ARTEFACT_MISSING' });
    expect(await readEvidenceManifest(dir)).toEqual(before);
    expect(await verifyEvidencePackage(dir, before)).toEqual([]);
    expect(await readFile(join(dir, 'summary.html'), 'utf8')).toBe('run-a summary.html\n');
    expect(await readdir(parent)).toEqual(['evidence']);
  });
});

describe('publishEvidencePackage', () => {
  it('replaces the published package with a complete copy of another', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ferry-evp-'));
    await writeEvidencePackage(join(parent, 'run-a'), sources('run-a'));
    const b = await writeEvidencePackage(join(parent, 'run-b'), sources('run-b'));
    const out = join(parent, 'out', 'evidence');
    await mkdir(join(parent, 'out'));
    await publishEvidencePackage(join(parent, 'run-a'), out);
    await publishEvidencePackage(join(parent, 'run-b'), out);
    expect(await readEvidenceManifest(out)).toEqual(b);
    expect(await verifyEvidencePackage(out, b)).toEqual([]);
    expect(await readdir(join(parent, 'out'))).toEqual(['evidence']);
  });

  it('keeps the published package when the source package is incomplete or changed, and says which file', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ferry-evp-'));
    const a = await writeEvidencePackage(join(parent, 'run-a'), sources('run-a'));
    await writeEvidencePackage(join(parent, 'run-b'), sources('run-b'));
    const out = join(parent, 'evidence');
    await publishEvidencePackage(join(parent, 'run-a'), out);
    // A file of run-b changed after its manifest was written: publishing it is refused.
    await writeFile(join(parent, 'run-b', 'rejects.csv'), 'tampered\n');
    await expect(publishEvidencePackage(join(parent, 'run-b'), out)).rejects.toMatchObject({
      code: 'FERRY_ERR_INPUT',
      message: expect.stringMatching(/rejects\.csv/),
    });
    expect(await readEvidenceManifest(out)).toEqual(a);
    expect(await verifyEvidencePackage(out, a)).toEqual([]);
    expect((await readdir(parent)).sort()).toEqual(['evidence', 'run-a', 'run-b']);
  });
});

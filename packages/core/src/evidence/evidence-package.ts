import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { FerryError } from '../errors.js';

/** The files of an evidence package, in the order a board reads them. */
export const evidenceFiles = [
  'lifecycle_run.json',
  'mapping_contract.csv',
  'migration_report.json',
  'rejects.csv',
  'quality_report.json',
  'issues.csv',
  'release_gate_report.json',
  'reconciliation_report.json',
] as const;
export type EvidenceFile = (typeof evidenceFiles)[number];

export const evidenceManifestSchema = z.object({
  version: z.literal(1),
  files: z.record(z.string(), z.object({ sha256: z.string(), bytes: z.number().int() })),
});
export type EvidenceManifest = z.infer<typeof evidenceManifestSchema>;

export async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Where an evidence file comes from: an artefact file to copy, or content to write. */
export type EvidenceSource = string | { content: string };

/**
 * Assembles an evidence package: copies (or writes) each named artefact into `dir` (emptied first) and writes
 * `manifest.json` mapping each file name to its sha256, so a board can verify that what it signs is what the run
 * produced.
 */
export async function writeEvidencePackage(
  dir: string,
  sources: Record<EvidenceFile, EvidenceSource>,
): Promise<EvidenceManifest> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const manifest: EvidenceManifest = { version: 1, files: {} };
  for (const name of evidenceFiles) {
    const from = sources[name];
    if (typeof from !== 'string') {
      await writeFile(join(dir, name), from.content);
    } else {
      try {
        await copyFile(from, join(dir, name));
      } catch (e) {
        throw new FerryError(
          'FERRY_ERR_ARTEFACT_MISSING',
          `Evidence file ${name} has no artefact (${basename(from)})`,
          { file: from, stage: 'evidence' },
          { cause: e },
        );
      }
    }
    manifest.files[name] = await sha256File(join(dir, name));
  }
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Checks every file of a package against its manifest; returns the names that differ or are missing. */
export async function verifyEvidencePackage(dir: string, manifest: EvidenceManifest): Promise<string[]> {
  const present = new Set(await readdir(dir));
  const bad: string[] = [];
  for (const [name, want] of Object.entries(manifest.files)) {
    if (!present.has(name)) {
      bad.push(name);
      continue;
    }
    const got = await sha256File(join(dir, name));
    if (got.sha256 !== want.sha256) bad.push(name);
  }
  return bad;
}

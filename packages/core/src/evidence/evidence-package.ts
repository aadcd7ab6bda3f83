import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { FerryError } from '../errors.js';
import { makeStagingDirectory, replaceDirectory } from './atomic-directory.js';

/**
 * The files of an evidence package, in the order a board reads them: the human-readable summary first (HTML and PDF,
 * both rendered from `evidence_summary.json`), then the run record, the inputs' hashes, and the artefacts.
 */
export const evidenceFiles = [
  'summary.html',
  'summary.pdf',
  'evidence_summary.json',
  'lifecycle_run.json',
  'inputs.json',
  'mapping_contract.csv',
  'crosswalks.csv',
  'migration_report.json',
  'rejects.csv',
  'quality_report.json',
  'issues.csv',
  'release_gate_report.json',
  'reconciliation_report.json',
] as const;
export type EvidenceFile = (typeof evidenceFiles)[number];

/** How the rejected-row count of `migration_report.json` and the lines of `rejects.csv` relate. */
export const rejectCountsNoteSchema = z.object({
  /** Rejected source rows (migration_report.json totals.rejected). */
  rejectedRows: z.number().int(),
  /** Lines of rejects.csv below its header: one per problem, so a row with several problems has several. */
  rejectLines: z.number().int(),
  /** Whether rejects.csv names exactly the rejected rows the report counts, table by table. */
  agree: z.boolean(),
  explanation: z.string(),
});
export type RejectCountsNote = z.infer<typeof rejectCountsNoteSchema>;

export const evidenceManifestSchema = z.object({
  version: z.literal(1),
  files: z.record(z.string(), z.object({ sha256: z.string(), bytes: z.number().int() })),
  /** Figures that differ between files by design, with why (added with the board summary; absent in older packages). */
  counts: z.object({ rejects: rejectCountsNoteSchema }).optional(),
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
export type EvidenceSource = string | { content: string | Uint8Array };

async function placeFile(name: string, from: EvidenceSource, to: string): Promise<void> {
  if (typeof from !== 'string') {
    await writeFile(to, from.content);
    return;
  }
  try {
    await copyFile(from, to);
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_ARTEFACT_MISSING',
      `Evidence file ${name} has no artefact (${basename(from)})`,
      { file: from, stage: 'evidence' },
      { cause: e },
    );
  }
}

/**
 * Assembles an evidence package into `dir`: copies (or writes) each named artefact and writes `manifest.json` mapping
 * each file name to its sha256, so a board can verify that what it signs is what the run produced. The package is
 * written into a sibling folder and then renamed over `dir`, so `dir` holds the previous package whole until the new
 * one is complete (a failure or a kill part way leaves the previous package as it was).
 */
export async function writeEvidencePackage(
  dir: string,
  sources: Record<EvidenceFile, EvidenceSource>,
  counts?: EvidenceManifest['counts'],
): Promise<EvidenceManifest> {
  const staging = await makeStagingDirectory(dir);
  try {
    const manifest: EvidenceManifest = { version: 1, files: {}, ...(counts ? { counts } : {}) };
    for (const name of evidenceFiles) {
      await placeFile(name, sources[name], join(staging, name));
      manifest.files[name] = await sha256File(join(staging, name));
    }
    await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await replaceDirectory(staging, dir);
    return manifest;
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}

/** Reads and validates a package's `manifest.json`. */
export async function readEvidenceManifest(dir: string): Promise<EvidenceManifest> {
  const path = join(dir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new FerryError('FERRY_ERR_ARTEFACT_MISSING', `No evidence manifest at ${path}`, { file: path }, { cause: e });
  }
  return evidenceManifestSchema.parse(JSON.parse(text));
}

/**
 * Copies the complete package in `from` (its manifest's files and the manifest) to `to`, replacing what is there in
 * one step: the copy is made beside `to` and checked against the manifest before it takes `to`'s name. A failure part
 * way (a missing or changed file, a full disk) leaves `to` as it was.
 */
export async function publishEvidencePackage(from: string, to: string): Promise<EvidenceManifest> {
  const manifest = await readEvidenceManifest(from);
  const staging = await makeStagingDirectory(to);
  try {
    for (const name of [...Object.keys(manifest.files), 'manifest.json'])
      await placeFile(name, join(from, name), join(staging, name));
    const bad = await verifyEvidencePackage(staging, manifest);
    if (bad.length) {
      throw new FerryError(
        'FERRY_ERR_INPUT',
        `Evidence in ${from} does not match its manifest (${bad.join(', ')}); it was not published`,
        { file: from, stage: 'evidence' },
      );
    }
    await replaceDirectory(staging, to);
    return manifest;
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
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

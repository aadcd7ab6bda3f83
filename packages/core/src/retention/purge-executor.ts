import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { PurgeVerdict } from './purge-plan.js';
import { retentionKinds } from './retention-policy.js';

export const purgedItemSchema = z.object({
  kind: z.enum(retentionKinds),
  owner: z.string(),
  /** The path removed, relative to the folder the record lies in. */
  path: z.string(),
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  anchor: z.string(),
  anchorKind: z.string(),
  due: z.string(),
  purgedAt: z.string(),
});
export type PurgedItem = z.infer<typeof purgedItemSchema>;

/** A folder's record of what retention removed from it, appended to by every purge. */
export const purgeRecordSchema = z.object({ version: z.literal(1), purged: z.array(purgedItemSchema) });

async function measure(path: string): Promise<{ files: number; bytes: number }> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return { files: 0, bytes: 0 };
  if (!info.isDirectory()) return { files: 1, bytes: info.size };
  let files = 0;
  let bytes = 0;
  for (const name of await readdir(path)) {
    const m = await measure(join(path, name));
    files += m.files;
    bytes += m.bytes;
  }
  return { files, bytes };
}

/**
 * Removes what the plan says to purge, and nothing else: each verdict with `purge` is measured (files, bytes) and
 * removed; the others are not touched. Returns what was removed, for the audit trail and the purge records.
 */
export async function executePurge(plan: readonly PurgeVerdict[], now: Date): Promise<PurgedItem[]> {
  const removed: PurgedItem[] = [];
  for (const v of plan) {
    if (!v.purge || !v.due) continue;
    const { files, bytes } = await measure(v.path);
    await rm(v.path, { recursive: true, force: true });
    removed.push({
      kind: v.kind,
      owner: v.owner,
      path: v.path,
      files,
      bytes,
      anchor: v.anchor,
      anchorKind: v.anchorKind,
      due: v.due,
      purgedAt: now.toISOString(),
    });
  }
  return removed;
}

/**
 * Appends purged items to a folder's `purge-record.json` (written beside and renamed, so a kill leaves the old record
 * or the new one), with paths made relative to the record's folder.
 */
export async function appendPurgeRecord(recordFile: string, items: readonly PurgedItem[]): Promise<void> {
  if (items.length === 0) return;
  const dir = dirname(recordFile);
  const old = await readFile(recordFile, 'utf8').then(
    (t) => purgeRecordSchema.parse(JSON.parse(t)).purged,
    () => [] as PurgedItem[],
  );
  const relative = items.map((i) => ({
    ...i,
    path: i.path.startsWith(`${dir}/`) ? i.path.slice(dir.length + 1) : i.path,
  }));
  const partial = `${recordFile}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify({ version: 1, purged: [...old, ...relative] }, null, 2)}\n`);
  await rename(partial, recordFile);
}

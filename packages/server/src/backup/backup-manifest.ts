import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { z } from 'zod';

/** The manifest of a platform backup (`manifest.json`): every artefact with its size and SHA-256. */
export const backupManifestSchema = z.object({
  format: z.literal('ferry-platform-backup/1'),
  createdAt: z.string(),
  database: z.object({ kind: z.enum(['postgres', 'pglite']) }),
  /** The platform migrations applied when the backup was taken; a restore needs exactly these. */
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  /** One NDJSON file per platform table (`db/<table>.ndjson`, one row as JSON a line), in restore order. */
  tables: z.array(z.object({ table: z.string(), rows: z.number().int().min(0), file: z.string(), sha256: z.string() })),
  /** Every file of the data folder, copied to `data/<path>`. */
  files: z.array(z.object({ path: z.string(), bytes: z.number().int().min(0), sha256: z.string() })),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** SHA-256 (hex) and size of a file, streamed. */
export async function fileDigest(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

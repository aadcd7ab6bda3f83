import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { SourceInputHash } from './source-connector.js';

/** sha256 and size of a file, streamed. */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * The input hashes of a file source: each table's file by its name (not its folder) and content hash, in table order.
 * Tables read from the same file (the sheets of a workbook) each name it.
 */
export async function fileInputHashes(
  tables: readonly string[],
  fileOf: (table: string) => string,
): Promise<SourceInputHash[]> {
  const out: SourceInputHash[] = [];
  const seen = new Map<string, { sha256: string; bytes: number }>();
  for (const table of tables) {
    const path = fileOf(table);
    let h = seen.get(path);
    if (!h) {
      h = await hashFile(path);
      seen.set(path, h);
    }
    out.push({ table, file: basename(path), ...h });
  }
  return out;
}

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FerryError } from '@ferry/core';

/** One versioned platform migration: `NNNN_name.up.sql` and its `NNNN_name.down.sql`. */
export interface MigrationFile {
  /** `0002_tenancy`: the files' common stem; migrations run in name order. */
  name: string;
  upFile: string;
  downFile: string;
  up: string;
  down: string;
  /** sha256 of the up script (line endings normalised): an applied migration must keep it. */
  checksum: string;
}

/** The migrations shipped with the server (`packages/server/migrations/`, beside `src/` and `dist/`). */
export const defaultMigrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url));

const namePattern = /^(\d{4}_[a-z0-9_]+)\.(up|down)\.sql$/;

/** sha256 of a script with CRLF turned into LF, so a checkout's line endings do not change it. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replaceAll('\r\n', '\n')).digest('hex');
}

/**
 * Reads a migrations folder. Every up script needs its down script and the other way round; a file that does not
 * follow `NNNN_name.(up|down).sql` is an error, so a typo cannot silently skip a migration.
 *
 * @example
 * const migrations = await readMigrationFiles(); // [{ name: '0001_app_role', ... }, ...]
 */
export async function readMigrationFiles(dir: string = defaultMigrationsDir): Promise<MigrationFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_NOT_FOUND',
      `Cannot read the migrations folder: ${(e as Error).message}`,
      { file: dir },
      { cause: e },
    );
  }
  const stems = new Map<string, { up?: string; down?: string }>();
  for (const file of names) {
    const match = namePattern.exec(file);
    if (!match) {
      throw new FerryError('FERRY_ERR_INPUT', 'A migration file must be named NNNN_name.up.sql or NNNN_name.down.sql', {
        file,
      });
    }
    const entry = stems.get(match[1]!) ?? {};
    entry[match[2] as 'up' | 'down'] = file;
    stems.set(match[1]!, entry);
  }
  const migrations: MigrationFile[] = [];
  for (const [name, files] of [...stems].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!files.up || !files.down) {
      throw new FerryError('FERRY_ERR_INPUT', `Migration ${name} needs both an up and a down script`, {
        file: files.up ?? files.down,
      });
    }
    const up = await readFile(join(dir, files.up), 'utf8');
    const down = await readFile(join(dir, files.down), 'utf8');
    migrations.push({ name, upFile: files.up, downFile: files.down, up, down, checksum: migrationChecksum(up) });
  }
  return migrations;
}

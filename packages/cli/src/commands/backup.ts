import { resolve } from 'node:path';
import { backupPlatform, loadDatabaseConfig, openPlatformDatabase, restorePlatform } from '@ferry/server';
import type { Command } from 'commander';
import { action } from '../run-command.js';

/**
 * The embedded database's folder and its lock file, when they lie in the data folder: the database is backed up as
 * tables, not as files.
 */
function embeddedDatabaseFolder(databaseUrl: string): string[] {
  if (!databaseUrl.startsWith('pglite:')) return [];
  const folder = resolve(databaseUrl.slice('pglite:'.length));
  return [folder, `${folder}.lock`];
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'Back up the platform (DATABASE_URL, or the embedded .ferry/platform) and its data folder (FERRY_DATA_DIR) ' +
        'into a new folder: every table as NDJSON from one consistent snapshot, every data file, and manifest.json ' +
        'with the SHA-256 of each. Stop the server (or its runs) for files that match the database exactly',
    )
    .requiredOption('--out <dir>', 'a new or empty folder')
    .option('--json', 'print the manifest as JSON')
    .action(
      action(async (flags: { out: string; json?: boolean }) => {
        const config = loadDatabaseConfig(process.env);
        const db = await openPlatformDatabase(config.databaseUrl, { poolSize: 1 });
        try {
          const manifest = await backupPlatform({
            db,
            dataDir: config.dataDir,
            exclude: embeddedDatabaseFolder(config.databaseUrl),
            outDir: flags.out,
          });
          if (flags.json) process.stdout.write(`${JSON.stringify(manifest)}\n`);
          else {
            const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
            process.stdout.write(
              `Backed up ${manifest.tables.length} tables (${rows} rows) and ${manifest.files.length} data files to ${resolve(flags.out)} (schema ${manifest.migrations.at(-1)?.name ?? 'none'})\n`,
            );
          }
          return 0;
        } finally {
          await db.close();
        }
      }),
    );
  program
    .command('restore')
    .description(
      'Restore a `ferry backup` folder into an empty platform database (DATABASE_URL, or the embedded one) and data ' +
        'folder (FERRY_DATA_DIR): every artefact is checked against manifest.json first; the migrations are applied ' +
        "and must be the backup's; refused when the database has rows or a data file differs. Then run ferry audit verify",
    )
    .requiredOption('--from <dir>', 'the backup folder')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (flags: { from: string; json?: boolean }) => {
        const config = loadDatabaseConfig(process.env);
        const db = await openPlatformDatabase(config.databaseUrl, { poolSize: 1 });
        try {
          const result = await restorePlatform({ db, dataDir: config.dataDir, backupDir: flags.from });
          if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
          else {
            const rows = result.tables.reduce((n, t) => n + t.rows, 0);
            process.stdout.write(
              `Restored ${result.tables.length} tables (${rows} rows) and ${result.files} data files from ${resolve(flags.from)}\n`,
            );
          }
          return 0;
        } finally {
          await db.close();
        }
      }),
    );
}

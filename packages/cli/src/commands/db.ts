import { loadDatabaseConfig, type MigrationStep, openPlatformDatabase, PlatformMigrator } from '@ferry/server';
import type { Command } from 'commander';
import { action } from '../run-command.js';

interface DbFlags {
  target?: string;
  all?: boolean;
  json?: boolean;
}

/** Opens the platform database named by DATABASE_URL (or the embedded one under FERRY_DATA_DIR) and runs `fn`. */
async function withMigrator<T>(fn: (migrator: PlatformMigrator) => Promise<T>): Promise<T> {
  const config = loadDatabaseConfig(process.env);
  const db = await openPlatformDatabase(config.databaseUrl, { poolSize: 2 });
  try {
    return await fn(await PlatformMigrator.create(db));
  } finally {
    await db.close();
  }
}

function printSteps(steps: MigrationStep[], json: boolean | undefined, nothing: string): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(steps)}\n`);
    return;
  }
  if (!steps.length) process.stdout.write(`${nothing}\n`);
  for (const s of steps)
    process.stdout.write(`${s.direction === 'up' ? 'applied' : 'rolled back'} ${s.name} (${s.ms} ms)\n`);
}

export function registerDb(program: Command): void {
  const db = program
    .command('db')
    .description('Platform database schema: versioned migrations (DATABASE_URL, or the embedded .ferry/platform)');
  db.command('migrate')
    .description('Apply pending migrations in order, in one transaction, under the migration lock')
    .option('--target <name>', 'stop after this migration')
    .option('--json', 'print JSON')
    .action(
      action(async (flags: DbFlags) => {
        printSteps(
          await withMigrator((m) => m.migrate({ target: flags.target })),
          flags.json,
          'Nothing to migrate: the schema is up to date',
        );
        return 0;
      }),
    );
  db.command('status')
    .description('List migrations: applied (with time), pending, or changed since applied')
    .option('--json', 'print JSON')
    .action(
      action(async (flags: DbFlags) => {
        const status = await withMigrator((m) => m.status());
        if (flags.json) process.stdout.write(`${JSON.stringify(status)}\n`);
        else
          for (const s of status)
            process.stdout.write(
              `${s.name.padEnd(32)} ${s.state.padEnd(8)} ${s.appliedAt ?? ''}\n`.trimEnd().concat('\n'),
            );
        return status.some((s) => s.state === 'changed') ? 2 : 0;
      }),
    );
  db.command('rollback')
    .description('Roll back the last migration, every one after --target, or --all, with the down scripts')
    .option('--target <name>', 'roll back every migration after this one (it stays applied)')
    .option('--all', 'roll back every migration')
    .option('--json', 'print JSON')
    .action(
      action(async (flags: DbFlags) => {
        printSteps(
          await withMigrator((m) => m.rollback({ target: flags.target, all: flags.all })),
          flags.json,
          'Nothing to roll back',
        );
        return 0;
      }),
    );
}

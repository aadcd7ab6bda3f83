import { basename } from 'node:path';
import type { SqlDatabase } from '@ferry/core';
import {
  assertDestructionAllowed,
  loadDatabaseConfig,
  type MigrationStep,
  openPlatformDatabase,
  PlatformMigrator,
  type RollbackPlan,
} from '@ferry/server';
import type { Command } from 'commander';
import { confirmTyped } from '../confirm-typed.js';
import { action } from '../run-command.js';

interface DbFlags {
  target?: string;
  all?: boolean;
  json?: boolean;
  dropAuditTrail?: boolean;
  dropPracticeRecords?: boolean;
  dropUsers?: boolean;
  yes?: boolean;
}

/** Opens the platform database named by DATABASE_URL (or the embedded one under FERRY_DATA_DIR) and runs `fn`. */
async function withMigrator<T>(fn: (migrator: PlatformMigrator, db: SqlDatabase) => Promise<T>): Promise<T> {
  const config = loadDatabaseConfig(process.env);
  const db = await openPlatformDatabase(config.databaseUrl, { poolSize: 2 });
  try {
    return await fn(await PlatformMigrator.create(db), db);
  } finally {
    await db.close();
  }
}

/** The name a person types to confirm: the server database's name, or the embedded database's folder name. */
async function databaseName(db: SqlDatabase): Promise<string> {
  if (db.kind === 'postgres') {
    const [row] = await db.query<{ name: string }>('SELECT current_database() AS name');
    return row?.name ?? 'postgres';
  }
  return basename(db.displayUrl.replace(/^pglite:/, '')) || 'platform';
}

function describePlan(plan: RollbackPlan, name: string): string {
  const n = plan.migrations.length;
  const drops = plan.destroys.map((d) => `the ${d.what.replaceAll('-', ' ')} (${d.table}: ${d.rows} rows)`);
  return `Roll back ${n} migration${n === 1 ? '' : 's'} of database ${name} (${plan.migrations.map((m) => m.name).join(', ')})${drops.length ? `, dropping ${drops.join(' and ')}` : ''}`;
}

/** Plans the rollback, refuses what was not named, confirms on a terminal (or by --yes), then rolls back. */
async function confirmedRollback(flags: DbFlags): Promise<MigrationStep[]> {
  const allowDestroying = [
    ...(flags.dropAuditTrail ? ['audit-trail'] : []),
    ...(flags.dropUsers ? ['users'] : []),
    ...(flags.dropPracticeRecords ? ['practice-records'] : []),
  ];
  const options = { target: flags.target, all: flags.all };
  return withMigrator(async (m, db) => {
    const plan = await m.planRollback(options);
    if (!plan.migrations.length) return [];
    assertDestructionAllowed(plan.destroys, allowDestroying);
    const name = await databaseName(db);
    await confirmTyped({ what: describePlan(plan, name), expected: name, yes: flags.yes });
    return m.rollback({ ...options, allowDestroying });
  });
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
    .description(
      'Roll back the last migration, every one after --target, or --all, with the down scripts. Asks to type the ' +
        "database's name on a terminal (--yes elsewhere); dropping the audit trail, users or practice records must be named by a flag",
    )
    .option('--target <name>', 'roll back every migration after this one (it stays applied)')
    .option('--all', 'roll back every migration')
    .option('--drop-audit-trail', 'allow rolling back the audit migration, which deletes the whole audit trail')
    .option('--drop-users', 'allow rolling back the identity migration, which deletes every user, session and token')
    .option(
      '--drop-practice-records',
      'allow rolling back the practice import migration, which deletes every imported practice record',
    )
    .option('--yes', 'confirm without a prompt (needed when not on a terminal)')
    .option('--json', 'print JSON')
    .action(
      action(async (flags: DbFlags) => {
        printSteps(await confirmedRollback(flags), flags.json, 'Nothing to roll back');
        return 0;
      }),
    );
}

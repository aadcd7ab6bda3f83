import { FerryError, openDatabase, rollbackJob } from '@ferry/core';
import type { Command } from 'commander';
import { action } from '../run-command.js';

export function registerRollback(program: Command): void {
  program
    .command('rollback <job>')
    .description("Remove exactly one job's rows from a database target, children first, in one transaction")
    .requiredOption('--target <url>', 'pglite:PATH or postgres://URL')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (job: string, flags: { target: string; json?: boolean }) => {
        if (flags.target.startsWith('csv:')) {
          throw new FerryError(
            'FERRY_ERR_USAGE',
            'A CSV target is a folder of files: delete it, or rerun the job; rollback works on database targets',
          );
        }
        const db = await openDatabase(flags.target);
        try {
          const result = await rollbackJob(db, job);
          if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
          else {
            const total = result.removed.reduce((n, r) => n + r.rows, 0);
            process.stdout.write(`Rolled back ${job}: ${total} rows removed from ${result.removed.length} tables\n`);
            for (const r of result.removed) if (r.rows) process.stdout.write(`  ${r.table.padEnd(24)} ${r.rows}\n`);
          }
          return 0;
        } finally {
          await db.close();
        }
      }),
    );
}

import { FerryError, openDatabase, rollbackJob } from '@ferry/core';
import type { Command } from 'commander';
import { action } from '../run-command.js';

export function registerRollback(program: Command): void {
  program
    .command('rollback <job>')
    .description(
      'Undo exactly one job in a database target, children first, in one transaction: remove the rows it inserted, ' +
        'restore the rows it updated (--on-duplicate update) to their before-images. Refused while a later job has ' +
        "updated the job's rows: roll that one back first",
    )
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
            const restored = result.removed.reduce((n, r) => n + r.restored, 0);
            process.stdout.write(
              `Rolled back ${job}: ${total} rows removed, ${restored} rows restored, in ${result.removed.length} tables\n`,
            );
            for (const r of result.removed) {
              if (r.rows || r.restored) {
                process.stdout.write(
                  `  ${r.table.padEnd(24)} ${r.rows} removed${r.restored ? `, ${r.restored} restored` : ''}\n`,
                );
              }
            }
          }
          return 0;
        } finally {
          await db.close();
        }
      }),
    );
}

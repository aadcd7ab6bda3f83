import { writeFile } from 'node:fs/promises';
import { diffKeyedTables, formatCsvRow, openDatabase, type SqlDatabase } from '@ferry/core';
import type { Command } from 'commander';
import { action } from '../run-command.js';

interface TableDiffFlags {
  left: string;
  leftTable: string;
  right: string;
  rightTable: string;
  key: string;
  rightKey?: string;
  columns: string;
  rightColumns?: string;
  leftWhere?: string;
  rightWhere?: string;
  leafRows?: string;
  out?: string;
  json?: boolean;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function registerTableDiff(program: Command): void {
  program
    .command('table-diff')
    .description('Reconcile two keyed tables at scale: checksums of key ranges, bisected down to the mismatched keys')
    .requiredOption('--left <url>', 'database of the left table (pglite:PATH or postgres://URL)')
    .requiredOption('--left-table <name>', 'left table')
    .requiredOption('--right <url>', 'database of the right table')
    .requiredOption('--right-table <name>', 'right table')
    .requiredOption('--key <cols>', 'key column(s) of the left table, comma-separated (compound keys allowed)')
    .option('--right-key <cols>', 'key column(s) of the right table (default: as --key)')
    .requiredOption('--columns <cols>', 'value columns compared, comma-separated')
    .option('--right-columns <cols>', 'value columns of the right table (default: as --columns)')
    .option('--left-where <sql>', 'condition on the left rows, e.g. a job id')
    .option('--right-where <sql>', 'condition on the right rows')
    .option('--leaf-rows <n>', 'compare row by row below this many rows per range', '1000')
    .option('--out <file>', 'write the mismatched keys as CSV')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (flags: TableDiffFlags) => {
        const open: SqlDatabase[] = [];
        try {
          const left = await openDatabase(flags.left);
          open.push(left);
          const right = flags.right === flags.left ? left : await openDatabase(flags.right);
          if (right !== left) open.push(right);
          const result = await diffKeyedTables(
            {
              db: left,
              table: flags.leftTable,
              key: list(flags.key),
              columns: list(flags.columns),
              where: flags.leftWhere,
            },
            {
              db: right,
              table: flags.rightTable,
              key: list(flags.rightKey ?? flags.key),
              columns: list(flags.rightColumns ?? flags.columns),
              where: flags.rightWhere,
            },
            { leafRows: Number(flags.leafRows) },
          );
          if (flags.out) {
            let csv = formatCsvRow(['key', 'kind']);
            for (const m of result.mismatches) csv += formatCsvRow([m.key.map((k) => k ?? '').join('|'), m.kind]);
            await writeFile(flags.out, csv);
          }
          if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
          else {
            process.stdout.write(
              `left ${result.leftRows} rows, right ${result.rightRows} rows: ${result.matched ? 'MATCH' : `${result.mismatchCount} mismatched key(s)`} ` +
                `(${result.segments} range checksums, ${result.rowsPulled} rows compared one by one)\n`,
            );
            for (const m of result.mismatches.slice(0, 50))
              process.stdout.write(`  ${m.kind.padEnd(17)} ${m.key.map((k) => k ?? 'NULL').join(' | ')}\n`);
            if (result.mismatchCount > 50)
              process.stdout.write(`  ... ${result.mismatchCount - 50} more${flags.out ? ` in ${flags.out}` : ''}\n`);
          }
          return result.matched ? 0 : 1;
        } finally {
          for (const db of open) await db.close();
        }
      }),
    );
}

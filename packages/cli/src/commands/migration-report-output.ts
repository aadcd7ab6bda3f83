import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MappingContract, MigrationReport } from '@ferry/core';

/**
 * Writes `migration_report.json` into `out` and prints the report (a table per line, or JSON with `json`).
 * Returns the exit code: 0 when conservation holds, 3 when it does not.
 */
export async function writeMigrationReport(
  report: MigrationReport,
  options: { out: string; json?: boolean; into: string; policyTables?: ReadonlySet<string> },
): Promise<number> {
  const { out } = options;
  await writeFile(join(out, 'migration_report.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    process.stdout.write(`Job ${report.jobId} into ${options.into}\n`);
    for (const t of report.tables) {
      // Tables under a natural-key policy show what it did, zeros included.
      const policy = options.policyTables?.has(t.targetTable) || t.updated > 0 || t.duplicatesSkipped > 0;
      const within = t.updatedWithinJob ? `, ${t.updatedWithinJob} of them within the job` : '';
      const loaded = policy ? ` (${t.inserted} inserted, ${t.updated} updated${within})` : '';
      const skipped = [
        policy ? `${t.duplicatesSkipped} duplicates skipped` : '',
        t.blankLines ? `${t.blankLines} blank line${t.blankLines === 1 ? '' : 's'}` : '',
      ].filter(Boolean);
      const skippedText = skipped.length ? ` (${skipped.join(', ')})` : '';
      process.stdout.write(
        `  ${t.sourceTable.padEnd(16)} -> ${t.targetTable.padEnd(24)} read ${t.read} loaded ${t.loaded}${loaded} rejected ${t.rejected} out of scope ${t.outOfScope}${skippedText}${t.balanced ? '' : '  UNBALANCED'}\n`,
      );
    }
    const x = report.totals;
    process.stdout.write(
      `  total read ${x.read} loaded ${x.loaded} (${x.inserted} inserted, ${x.updated} updated) rejected ${x.rejected} out of scope ${x.outOfScope}${x.duplicatesSkipped ? ` (${x.duplicatesSkipped} duplicates skipped)` : ''}; conservation ${report.balanced ? 'holds' : 'BROKEN'}\n`,
    );
    for (const f of report.sourceFiles ?? []) {
      // Only what a reader could not assume: an encoding other than UTF-8, a delimiter other than comma, CR line ends.
      const notes = [
        f.encoding !== 'utf-8' ? `read as ${f.encoding} (${f.encodingSource})` : '',
        f.delimiter !== 'comma' ? `${f.delimiter}-delimited (${f.delimiterSource})` : '',
        f.lineEnding === 'cr' ? 'lines end with CR' : '',
      ].filter(Boolean);
      if (notes.length) process.stdout.write(`  source ${f.file}: ${notes.join(', ')}\n`);
    }
    process.stdout.write(`  report and rejects in ${out}\n`);
  }
  return report.balanced ? 0 : 3;
}

/** The target tables a natural-key policy applies to (those with a natural key, when a policy is given). */
export function policyTables(contract: MappingContract, onDuplicate: string | undefined): Set<string> {
  return new Set(onDuplicate ? contract.tables.filter((t) => t.naturalKey?.length).map((t) => t.target) : []);
}

import { readFile } from 'node:fs/promises';
import {
  appendPurgeRecord,
  executePurge,
  FerryError,
  planPurge,
  purgeRecordPath,
  type RetentionPolicy,
  RunStore,
  retentionPolicySchema,
  runStoreCandidates,
} from '@ferry/core';
import type { Command } from 'commander';
import { action } from '../run-command.js';

interface PurgeFlags {
  out: string;
  policy?: string;
  extractDays?: string;
  runFolderDays?: string;
  evidenceDays?: string;
  now?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** A day count flag: a whole number of days, or `keep`. */
function daysFlag(name: string, raw: string): number | null {
  if (raw === 'keep') return null;
  if (!/^\d{1,5}$/.test(raw)) {
    throw new FerryError('FERRY_ERR_INPUT', `--${name} must be a whole number of days or 'keep', not '${raw}'`, {
      field: name,
    });
  }
  return Number(raw);
}

/** The policy: a JSON file (validated), with any day flags given on the command line over it. */
async function loadPolicy(flags: PurgeFlags): Promise<RetentionPolicy> {
  let base: unknown = { version: 1 };
  if (flags.policy) {
    const text = await readFile(flags.policy, 'utf8').catch((e: unknown) => {
      throw new FerryError(
        'FERRY_ERR_INPUT',
        `Cannot read the retention policy ${flags.policy}`,
        { file: flags.policy },
        { cause: e },
      );
    });
    try {
      base = JSON.parse(text);
    } catch (e) {
      throw new FerryError('FERRY_ERR_INPUT', 'The retention policy is not JSON', { file: flags.policy }, { cause: e });
    }
  }
  const parsed = retentionPolicySchema.safeParse(base);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FerryError(
      'FERRY_ERR_INPUT',
      `The retention policy is invalid: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      {
        ...(flags.policy ? { file: flags.policy } : {}),
        field: issue.path.join('.'),
      },
    );
  }
  const p = { ...parsed.data };
  if (flags.extractDays !== undefined) p.extractDays = daysFlag('extract-days', flags.extractDays);
  if (flags.runFolderDays !== undefined) p.runFolderDays = daysFlag('run-folder-days', flags.runFolderDays);
  if (flags.evidenceDays !== undefined) p.evidenceDays = daysFlag('evidence-days', flags.evidenceDays);
  return p;
}

export function registerPurge(program: Command): void {
  program
    .command('purge')
    .description(
      "Remove what retention says is due from a lifecycle folder's runs: extracts, run folders, evidence (each run's purge-record.json lists what went)",
    )
    .requiredOption('--out <dir>', 'the lifecycle folder (its runs/)')
    .option(
      '--policy <file>',
      'retention policy JSON: {"version":1,"extractDays":30,"runFolderDays":null,"evidenceDays":null}',
    )
    .option('--extract-days <n>', "days after the run's end to keep its extract (or 'keep')")
    .option('--run-folder-days <n>', "days after the run's end to keep its working folders (or 'keep')")
    .option('--evidence-days <n>', "days after the run's end to keep its evidence (or 'keep')")
    .option('--now <iso>', 'the moment retention is judged at (default: now)')
    .option('--dry-run', 'list what is due, remove nothing')
    .option('--json', 'print the plan and what was removed as JSON')
    .action(
      action(async (flags: PurgeFlags) => {
        const policy = await loadPolicy(flags);
        const now = flags.now ? new Date(flags.now) : new Date();
        if (Number.isNaN(now.getTime())) {
          throw new FerryError('FERRY_ERR_INPUT', `--now '${flags.now}' is not a date-time`, { field: 'now' });
        }
        const store = new RunStore(flags.out);
        const plan = planPurge(policy, await runStoreCandidates(store), now);
        const removed = flags.dryRun ? [] : await executePurge(plan, now);
        for (const owner of new Set(removed.map((r) => r.owner))) {
          await appendPurgeRecord(
            purgeRecordPath(store, owner),
            removed.filter((r) => r.owner === owner),
          );
        }
        const due = plan.filter((v) => v.purge);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ policy, dryRun: flags.dryRun === true, due, removed })}\n`);
        } else {
          for (const v of due) {
            const r = removed.find((x) => x.path === v.path);
            const what = r ? `removed ${r.files} files, ${r.bytes} bytes` : 'due (dry run)';
            process.stdout.write(`  ${v.owner} ${v.kind.padEnd(10)} ${what}\n`);
          }
          process.stdout.write(`  ${due.length} due, ${removed.length} removed, ${plan.length - due.length} kept\n`);
        }
        return 0;
      }),
    );
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DefectLevel, defectLevels, FerryError, type GenerateResult, parseCsvText } from '@ferry/core';
import type { Command } from 'commander';
import { loadPack } from '../packs.js';
import { StageProgress } from '../progress.js';
import { action } from '../run-command.js';

interface GenerateFlags {
  pack: string;
  patients: string;
  seed: string;
  defects: string;
  out: string;
  json?: boolean;
}

function integerFlag(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new FerryError('FERRY_ERR_USAGE', `${name} must be an integer from ${min} to ${max}, got '${value}'`);
  }
  return n;
}

/** Defects listed in defects.csv, counted per kind. */
async function defectCounts(outDir: string): Promise<Record<string, number>> {
  const [, ...rows] = parseCsvText(await readFile(join(outDir, 'defects.csv'), 'utf8'));
  const counts: Record<string, number> = {};
  for (const r of rows) if (r[2]) counts[r[2]] = (counts[r[2]] ?? 0) + 1;
  return counts;
}

const group = (files: Record<string, number>, prefix: string) =>
  Object.entries(files).filter(([f]) => f.startsWith(prefix));
const n = (x: number) => x.toLocaleString('en-GB');

function summary(
  result: GenerateResult,
  flags: GenerateFlags,
  patients: number,
  defects: Record<string, number>,
): string {
  const lines = [
    `Generated ${n(patients)} patients of pack ${flags.pack} (seed ${flags.seed}, defects ${flags.defects}) in ${flags.out}`,
  ];
  if (result.extractDate) lines.push(`Extract date ${result.extractDate}`);
  for (const [prefix, title] of [
    ['source/', 'Legacy extract (source/)'],
    ['expected/', 'Expected target rows (expected/)'],
  ] as const) {
    const files = group(result.files, prefix);
    const total = files.reduce((s, [, rows]) => s + rows, 0);
    lines.push('', `${title}: ${files.length} files, ${n(total)} rows`);
    const width = Math.max(...files.map(([f]) => f.length - prefix.length - 4));
    for (const [file, rows] of files)
      lines.push(`  ${file.slice(prefix.length, -4).padEnd(width)}  ${n(rows).padStart(9)}`);
  }
  const kinds = Object.entries(defects);
  lines.push('', `Defects (defects.csv): ${n(result.defects)}`);
  for (const [kind, count] of kinds) lines.push(`  ${kind.padEnd(28)}  ${n(count).padStart(6)}`);
  return `${lines.join('\n')}\n`;
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('Generate a synthetic cohort: the legacy extract, the expected target rows and the injected defects')
    .requiredOption('--pack <name>', 'pack whose generator to run, e.g. nhs-pas')
    .requiredOption('--patients <n>', 'number of patients')
    .requiredOption('--seed <n>', 'random seed: the same seed and arguments give byte-identical files')
    .option('--defects <level>', `defects to inject: ${defectLevels.join(', ')}`, 'none')
    .requiredOption('--out <dir>', 'folder for source/, expected/ and defects.csv')
    .option('--json', 'print the result as one JSON object instead of text')
    .action(
      action(async (flags: GenerateFlags) => {
        const patients = integerFlag('--patients', flags.patients, 1, 10_000_000);
        const seed = integerFlag('--seed', flags.seed, 0, 0xffffffff);
        if (!defectLevels.includes(flags.defects as DefectLevel)) {
          throw new FerryError(
            'FERRY_ERR_USAGE',
            `--defects must be one of ${defectLevels.join(', ')}, got '${flags.defects}'`,
          );
        }
        const pack = loadPack(flags.pack);
        const progress = new StageProgress(!flags.json);
        progress.start('generate', patients);
        let result: GenerateResult;
        try {
          result = await pack.generate({
            patients,
            seed,
            defects: flags.defects as DefectLevel,
            outDir: flags.out,
            onProgress: (done, total) => progress.update(done, total, 'patients'),
          });
          progress.stop(`${patients.toLocaleString('en-GB')} patients`);
        } finally {
          progress.fail();
        }
        const defects = await defectCounts(flags.out);
        if (flags.json) process.stdout.write(`${JSON.stringify({ ...result, defectsByKind: defects }, null, 2)}\n`);
        else process.stdout.write(summary(result, flags, patients, defects));
        return 0;
      }),
    );
}

import { FerryError, RunStore, runLifecycle } from '@ferry/core';
import type { Command } from 'commander';
import { loadPack } from '../packs.js';
import { action, exitCodes } from '../run-command.js';
import { ferryVersion } from '../version.js';

export function registerEvidence(program: Command): void {
  program
    .command('evidence')
    .description(
      "Rebuild the evidence package from the latest run's artefacts (a new run, reusing every stage before evidence)",
    )
    .requiredOption('--out <dir>', 'the lifecycle --out folder')
    .action(
      action(async (flags: { out: string }) => {
        const latest = await new RunStore(flags.out).latest();
        if (!latest)
          throw new FerryError(
            'FERRY_ERR_ARTEFACT_MISSING',
            `No runs under ${flags.out}/runs: run ferry lifecycle first`,
          );
        const { record, evidenceDir } = await runLifecycle({
          pack: loadPack(latest.arguments.pack),
          source: latest.arguments.source,
          releaseProfile: latest.arguments.releaseProfile as 'development' | 'pre_production' | 'cutover_ready',
          target: latest.arguments.target,
          outDir: flags.out,
          from: 'evidence',
          versions: { ferry: ferryVersion },
        });
        process.stdout.write(`Evidence of ${record.runId} (${record.outcome}) in ${evidenceDir}\n`);
        return record.outcome === 'PASS' ? exitCodes.ok : exitCodes.gateBlocked;
      }),
    );
}

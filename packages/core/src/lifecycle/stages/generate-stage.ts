import { join } from 'node:path';
import type { LifecycleContext } from '../lifecycle-context.js';

/** Generates the synthetic cohort into the run (`generate/source`, `generate/expected`, `generate/defects.csv`). */
export async function generateStage(ctx: LifecycleContext): Promise<{ rows: number }> {
  const src = ctx.record.arguments.source;
  if (src.kind !== 'generated') return { rows: 0 };
  const outDir = ctx.dir('generate');
  const result = await ctx.options.pack.generate({
    patients: src.patients,
    seed: src.seed,
    defects: src.defects,
    outDir,
    onProgress: (done, total) => ctx.progress('generate', done, total, 'patients'),
  });
  ctx.record.sourceDir = join(outDir, 'source');
  if (result.extractDate && !ctx.record.arguments.asOfDate) ctx.record.arguments.asOfDate = result.extractDate;
  let rows = 0;
  for (const [file, n] of Object.entries(result.files)) if (file.startsWith('source/')) rows += n;
  return { rows };
}

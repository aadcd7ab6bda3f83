import { catalogIdentifierColumns } from '../../profile/identifier-columns.js';
import { writeProfileCsv } from '../../profile/profile-csv-writer.js';
import { writeProfileJson } from '../../profile/profile-json-writer.js';
import { profileSource } from '../../profile/profile-source.js';
import { artefactPath, type LifecycleContext } from '../lifecycle-context.js';
import { runSource } from '../run-source.js';

/** Profiles every source table: `profile/profile.json` (for machines) and `profile/profile.csv` (for people). */
export async function profileStage(ctx: LifecycleContext): Promise<{ rows: number }> {
  const report = await profileSource(await runSource(ctx), {
    // Keys and identifiers never show their values, however often they are seen.
    identifierColumns: catalogIdentifierColumns(ctx.pack.sourceCatalog),
    onProgress: (p) => ctx.progress('profile', p.tableIndex + (p.done ? 1 : 0), p.tableCount, p.table),
  });
  await writeProfileJson(report, artefactPath(ctx, 'profile', 'profile.json'));
  await writeProfileCsv(report, artefactPath(ctx, 'profile', 'profile.csv'));
  return { rows: report.tables.reduce((n, t) => n + t.rows, 0) };
}

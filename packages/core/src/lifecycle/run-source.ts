import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import type { SourceConnector } from '../connectors/source-connector.js';
import { openSourceSpec, redactSourceSpec } from '../connectors/source-connector-registry.js';
import type { LifecycleContext } from './lifecycle-context.js';

/**
 * The run's source, opened once per run through the connector registry and shared by its stages (profile, migrate,
 * reconcile): a database source holds one snapshot for the whole run, so every stage reads the same rows. A connector
 * spec is opened from the caller's own spec (which may carry a password the record does not); a folder or generated
 * source is its CSV folder. The lifecycle closes it when the run ends (`closeRunSource`).
 */
export function runSource(ctx: LifecycleContext): Promise<SourceConnector> {
  if (!ctx.source) {
    const recorded = ctx.record.arguments.source;
    const opening =
      recorded.kind === 'connector'
        ? openSourceSpec(callerSpecOf(ctx, recorded.spec))
        : CsvSourceConnector.open(ctx.record.sourceDir);
    // A failed open is not kept: a later stage tries again (and fails the same way).
    opening.catch(() => {
      if (ctx.source === opening) ctx.source = undefined;
    });
    ctx.source = opening;
  }
  return ctx.source;
}

/**
 * The caller's own spec (with its password) when it names the recorded source, else the recorded spec: a rerun whose
 * caller gave the spec of another source still reads the source the reused stages read.
 */
function callerSpecOf(ctx: LifecycleContext, recorded: string): string {
  const given = ctx.options.source;
  return given?.kind === 'connector' && redactSourceSpec(given.spec) === recorded ? given.spec : recorded;
}

/** Closes the run's source, if a stage opened it. */
export async function closeRunSource(ctx: LifecycleContext): Promise<void> {
  const opened = ctx.source;
  ctx.source = undefined;
  if (!opened) return;
  const source = await opened.catch(() => undefined);
  await source?.close();
}

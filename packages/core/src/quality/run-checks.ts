import { FerryError } from '../errors.js';
import { compareCodeUnits } from '../profile/code-unit-order.js';
import { readLoadedJob } from '../provenance/loaded-job.js';
import type { SqlExecutor } from '../store/sql-database.js';
import { parseUkOrIsoDate } from '../validation/dates.js';
import {
  buildCheckStatements,
  checkCodeTypes,
  checkColumnRefs,
  type ResolvedCheck,
  resolveCheck,
} from './check-compiler.js';
import type { CheckRunContext } from './check-kind.js';
import type { CheckDefinition } from './check-model.js';
import type { CodeSets } from './code-sets.js';
import { domainKpis, rollUpKpi } from './quality-kpis.js';
import type { CheckResult, QualityReportV2 } from './quality-report.js';

export interface RunChecksOptions {
  jobId: string;
  /** yyyy-mm-dd: ages and "not in the future" are measured at this date. */
  asOfDate: string;
  codeSets: CodeSets;
  /** Offending rows kept per check (default 1000); counts are always exact. */
  offendingLimit?: number;
  /** Called after each check with the number done, the total and the check id. */
  onProgress?: (done: number, total: number, checkId: string) => void;
  /** ISO timestamp for the report's `generatedAt` (default: now). */
  generatedAt?: string;
  /** The pack the checks come from, recorded so that the gate applies the same pack's thresholds. */
  pack?: string;
}

/** The tables and columns visible on the search path, as `TABLE.COLUMN`. */
async function visibleColumns(db: SqlExecutor): Promise<{ tables: Set<string>; columns: Set<string> }> {
  const rows = await db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns
      WHERE table_schema = ANY (current_schemas(false))`,
  );
  const tables = new Set<string>();
  const columns = new Set<string>();
  for (const r of rows) {
    tables.add(r.table_name);
    columns.add(`${r.table_name}.${r.column_name}`);
  }
  return { tables, columns };
}

/** Why a check cannot run on this target, or undefined when everything it reads exists. */
function missingReason(
  check: ResolvedCheck,
  visible: { tables: Set<string>; columns: Set<string> },
): string | undefined {
  const refs = checkColumnRefs(check);
  for (const table of new Set(refs.map((r) => r.table))) {
    if (!visible.tables.has(table)) return `table ${table} is not in the target`;
  }
  const lineage = ['ferry_job_id', 'ferry_source_table', 'ferry_source_key'].map((c) => ({
    table: check.def.table,
    column: c,
  }));
  for (const r of [...refs, ...lineage]) {
    if (!visible.columns.has(`${r.table}.${r.column}`)) return `column ${r.table}.${r.column} is not in the target`;
  }
  return undefined;
}

function baseResult(
  check: ResolvedCheck,
): Omit<CheckResult, 'executed' | 'numerator' | 'denominator' | 'rate' | 'offending' | 'offendingTruncated'> {
  const { def, kind, params } = check;
  return {
    id: def.id,
    domain: def.domain,
    dimension: def.dimension,
    severity: def.severity,
    table: def.table,
    kind: def.kind,
    description: def.description,
    message: kind.message(params),
    tags: [...(def.tags ?? [])].sort(compareCodeUnits),
  };
}

async function runOne(
  db: SqlExecutor,
  check: ResolvedCheck,
  ctx: CheckRunContext,
  limit: number,
): Promise<CheckResult> {
  const st = buildCheckStatements(check, ctx, limit);
  let counts: { denominator: string; numerator: string } | undefined;
  let offending: Array<{ target_key: string; source_table: string | null; source_key: string | null }>;
  try {
    [counts] = await db.query<{ denominator: string; numerator: string }>(st.countSql, st.countValues);
    offending = await db.query(st.offendingSql, st.offendingValues);
  } catch (e) {
    // The database's own message may quote a value (e.g. a failed cast): keep it in `cause`, report the SQLSTATE only.
    const sqlState = (e as { code?: unknown }).code;
    throw new FerryError(
      'FERRY_ERR_CHECK_INVALID',
      `Check ${check.def.id} (${check.def.kind}) failed on the target${typeof sqlState === 'string' ? ` with SQLSTATE ${sqlState}` : ''}; check its columns' types`,
      { table: check.def.table, stage: 'check' },
      { cause: e },
    );
  }
  const numerator = Number(counts?.numerator ?? 0);
  const denominator = Number(counts?.denominator ?? 0);
  const field = check.kind.field(check.params);
  return {
    ...baseResult(check),
    executed: true,
    numerator,
    denominator,
    rate: denominator === 0 ? 0 : numerator / denominator,
    offending: offending.map((r) => ({
      targetKey: r.target_key,
      sourceTable: r.source_table,
      sourceKey: r.source_key,
      field,
    })),
    offendingTruncated: numerator > offending.length,
  };
}

/**
 * Runs quality checks against the rows one job loaded into a PostgreSQL target and returns the raw results.
 * Definitions are validated first (kind, params, code types); then the job itself (`readLoadedJob`): an unknown job,
 * one that did not complete and one with no rows in the target are refused (FERRY_ERR_NOTHING_TO_JUDGE), since a
 * check over nothing would pass. A check whose table or columns are not in the target is reported as not run rather
 * than failing the whole run.
 *
 * @example
 * const report = await runChecks(db, await pack.qualityChecks(), { jobId: 'J1', asOfDate: '2025-03-31', codeSets });
 */
export async function runChecks(
  db: SqlExecutor,
  checks: readonly CheckDefinition[],
  options: RunChecksOptions,
): Promise<QualityReportV2> {
  if (parseUkOrIsoDate(options.asOfDate) !== options.asOfDate) {
    throw new FerryError('FERRY_ERR_INPUT', `As-of date must be a real date written yyyy-mm-dd`, { field: 'asOfDate' });
  }
  const limit = options.offendingLimit ?? 1000;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new FerryError('FERRY_ERR_INPUT', 'The offending-row limit must be a positive integer', {
      field: 'offendingLimit',
    });
  }
  const ids = new Set<string>();
  const resolved = checks.map((def) => {
    if (ids.has(def.id))
      throw new FerryError('FERRY_ERR_CHECK_INVALID', `Check id ${def.id} is defined twice`, { field: 'id' });
    ids.add(def.id);
    const r = resolveCheck(def);
    for (const codeType of checkCodeTypes(r)) {
      if (!options.codeSets[codeType]) {
        throw new FerryError(
          'FERRY_ERR_CHECK_INVALID',
          `Check ${def.id} needs code type '${codeType}', which no code set defines`,
          {
            field: 'params.codeType',
          },
        );
      }
    }
    return r;
  });
  resolved.sort((a, b) => compareCodeUnits(a.def.id, b.def.id));

  const job = await readLoadedJob(db, options.jobId);
  const ctx: CheckRunContext = { jobId: options.jobId, asOfDate: options.asOfDate, codeSets: options.codeSets };
  const visible = await visibleColumns(db);
  const results: CheckResult[] = [];
  for (const check of resolved) {
    const reason = missingReason(check, visible);
    results.push(
      reason
        ? {
            ...baseResult(check),
            executed: false,
            notRunReason: reason,
            numerator: 0,
            denominator: 0,
            rate: 0,
            offending: [],
            offendingTruncated: false,
          }
        : await runOne(db, check, ctx, limit),
    );
    options.onProgress?.(results.length, resolved.length, check.def.id);
  }
  return {
    version: 2,
    jobId: options.jobId,
    asOfDate: options.asOfDate,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    offendingLimit: limit,
    checks: results,
    kpis: domainKpis(results),
    totals: rollUpKpi(results),
    subject: job.subject,
    rowsLoaded: job.rowsByTable,
    pack: options.pack ?? null,
  };
}

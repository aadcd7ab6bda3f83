import { FerryError } from '../errors.js';
import { quoteIdent } from '../store/sql-database.js';
import { type CheckColumnRef, type CheckKind, type CheckRunContext, col, SqlParams } from './check-kind.js';
import { type CheckDefinition, checkDefinitionSchema, checkKeyColumn } from './check-model.js';
import { checkKinds } from './checks/index.js';

/** A check definition whose kind exists and whose params that kind accepts. */
export interface ResolvedCheck {
  def: CheckDefinition;
  kind: CheckKind<unknown>;
  params: unknown;
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Validates one check definition: known kind, valid params. Throws `FERRY_ERR_CHECK_INVALID` naming the check
 * and the field.
 */
export function resolveCheck(def: CheckDefinition): ResolvedCheck {
  const kind = checkKinds.get(def.kind);
  if (!kind) {
    throw new FerryError(
      'FERRY_ERR_CHECK_INVALID',
      `Check ${def.id} has unknown kind '${def.kind}'; known kinds: ${[...checkKinds.keys()].join(', ')}`,
      { field: 'kind' },
    );
  }
  const parsed = kind.paramsSchema.safeParse(def.params);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first?.path.length ? `params.${issuePath(first.path)}` : 'params';
    throw new FerryError(
      'FERRY_ERR_CHECK_INVALID',
      `Check ${def.id} (${def.kind}): ${first?.message ?? 'invalid params'}`,
      {
        field,
      },
    );
  }
  return { def, kind, params: parsed.data };
}

/**
 * Parses and resolves a list of check definitions (e.g. a pack's `checks.json`): every entry must follow
 * `checkDefinitionSchema`, ids must be unique, kinds and params must be valid.
 *
 * @example
 * const checks = resolveChecks(JSON.parse(readFileSync('checks.json', 'utf8')), 'checks.json');
 */
export function resolveChecks(input: unknown, file = 'checks'): ResolvedCheck[] {
  if (!Array.isArray(input)) throw new FerryError('FERRY_ERR_CHECK_INVALID', 'Checks must be a JSON array', { file });
  const seen = new Set<string>();
  return input.map((raw, i) => {
    const parsed = checkDefinitionSchema.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new FerryError('FERRY_ERR_CHECK_INVALID', `Check #${i + 1}: ${first?.message ?? 'invalid'}`, {
        file,
        field: first ? `[${i}].${issuePath(first.path)}` : `[${i}]`,
      });
    }
    if (seen.has(parsed.data.id)) {
      throw new FerryError('FERRY_ERR_CHECK_INVALID', `Check id ${parsed.data.id} is defined twice`, {
        file,
        field: `[${i}].id`,
      });
    }
    seen.add(parsed.data.id);
    try {
      return resolveCheck(parsed.data);
    } catch (e) {
      if (e instanceof FerryError) throw new FerryError(e.code, e.message, { ...e.context, file }, { cause: e });
      throw e;
    }
  });
}

/** Every table column a check reads: its table's key and lineage columns, then the kind's own columns. */
export function checkColumnRefs(check: ResolvedCheck): CheckColumnRef[] {
  const { def } = check;
  const refs: CheckColumnRef[] = [
    { table: def.table, column: checkKeyColumn(def) },
    ...check.kind.columns(def, check.params),
  ];
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.table}.${r.column}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The code types a check needs. */
export function checkCodeTypes(check: ResolvedCheck): string[] {
  return check.kind.codeTypes?.(check.params) ?? [];
}

/** The two statements of one check with their parameter values. */
export interface CheckStatements {
  /** One row: `denominator`, `numerator` (text, exact counts). */
  countSql: string;
  countValues: unknown[];
  /** Up to `limit` offending rows: `target_key`, `source_table`, `source_key` (text), in key order. */
  offendingSql: string;
  offendingValues: unknown[];
}

/**
 * Builds the SQL of one check for one job.
 *
 * @example
 * const { countSql, values } = buildCheckStatements(resolveCheck(def), { jobId: 'J1', asOfDate: '2025-03-31', codeSets: {} }, 1000);
 */
export function buildCheckStatements(check: ResolvedCheck, ctx: CheckRunContext, limit: number): CheckStatements {
  const sql = new SqlParams(ctx.jobId);
  const key = checkKeyColumn(check.def);
  const lineage = `${col('t', key)} AS target_key, t.ferry_source_table AS source_table, t.ferry_source_key AS source_key`;
  const rows = check.kind.rowsSql({
    def: check.def,
    params: check.params,
    ctx,
    sql,
    table: quoteIdent(check.def.table),
    lineage,
  });
  const countValues = [...sql.values];
  const limitParam = sql.add(limit);
  return {
    countSql: `SELECT count(*)::text AS denominator, count(*) FILTER (WHERE c.failed IS TRUE)::text AS numerator FROM (${rows}) c`,
    countValues,
    offendingSql: `SELECT c.target_key::text AS target_key, c.source_table::text AS source_table, c.source_key::text AS source_key FROM (${rows}) c WHERE c.failed IS TRUE ORDER BY c.target_key, c.source_table, c.source_key LIMIT ${limitParam}`,
    offendingValues: sql.values,
  };
}

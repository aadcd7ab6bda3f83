import type { MappingContract } from '../contract/contract-model.js';
import { FerryError } from '../errors.js';
import type { FieldDateDecision } from '../transform/table-date-formats.js';
import { TableDateCensus } from '../transform/table-date-formats.js';
import type { FieldDateFormat } from './migration-report.js';
import type { MigrationSource } from './run-migration.js';

/** Per target table, per target field: the source date format the load decided from the whole column. */
export type ContractDateFormats = Record<string, Record<string, string[]>>;

/** One sentence naming a field whose format could not be decided, and why (counts and format names, no values). */
function refusal(d: FieldDateDecision): string | undefined {
  const where = `${d.sourceTable}.${d.source.join('+') || '(constant)'} (mapped to ${d.targetTable}.${d.target})`;
  if (d.decision.status === 'ambiguous') {
    return `${where}: ${d.decision.reason}; choose its source_format (${d.decision.candidates.join(' or ')})`;
  }
  if (d.decision.status === 'undated') {
    return `${where}: none of its ${d.counts.values} values is a date in a known format; declare its source_format or fix the mapping`;
  }
  return undefined;
}

/**
 * The load's pre-pass: reads each source table that has a date field with no declared `sourceFormat`, and decides each
 * such field's format from all of its column's values. Every field that cannot be decided (ambiguous, or no value is a
 * date) is listed in one FERRY_ERR_CONTRACT_INVALID error, naming table and column, before anything is loaded: a
 * person must choose its format in the contract row. Deterministic: a resumed job decides the same.
 *
 * @example
 * const formats = await decideSourceDateFormats(contract, source);
 * formats.LOAD_PMI.DATE_OF_BIRTH // => ['mm/dd/yyyy']
 */
export async function decideSourceDateFormats(
  contract: MappingContract,
  source: Pick<MigrationSource, 'header' | 'rows' | 'rowBatches'>,
): Promise<{ formats: ContractDateFormats; decisions: FieldDateDecision[]; ledger: FieldDateFormat[] }> {
  const formats: ContractDateFormats = {};
  const decisions: FieldDateDecision[] = [];
  for (const table of contract.tables) {
    const census = new TableDateCensus(table, await source.header(table.source));
    if (!census.needed) continue;
    if (source.rowBatches) {
      for await (const batch of source.rowBatches(table.source)) for (const r of batch) census.add(r.fields);
    } else {
      for await (const r of source.rows(table.source)) census.add(r.fields);
    }
    const decided: Record<string, string[]> = {};
    for (const d of census.decisions()) {
      decisions.push(d);
      // A column with no value needs no format: every row's value is blank.
      if (d.decision.status === 'decided') decided[d.target] = [d.decision.format];
      else if (d.decision.status === 'empty') decided[d.target] = ['yyyy-mm-dd'];
    }
    formats[table.target] = decided;
  }
  const problems = decisions.map(refusal).filter((p): p is string => p !== undefined);
  if (problems.length > 0) {
    const first = decisions.find((d) => refusal(d) !== undefined)!;
    throw new FerryError(
      'FERRY_ERR_CONTRACT_INVALID',
      `The load cannot start: the date ${problems.length === 1 ? 'format of a column is' : `formats of ${problems.length} columns are`} not decided. ${problems.join('. ')}.`,
      { table: first.targetTable, field: first.target, stage: 'migrate' },
    );
  }
  return { formats, decisions, ledger: dateFormatLedger(contract, decisions) };
}

/** How each date field of a contract is read: its declared format, or the one decided from its column. */
function dateFormatLedger(contract: MappingContract, decisions: readonly FieldDateDecision[]): FieldDateFormat[] {
  const decided = new Map(decisions.map((d) => [`${d.targetTable}\u0000${d.target}`, d]));
  const out: FieldDateFormat[] = [];
  for (const t of contract.tables)
    for (const f of t.fields) {
      if (!f.transform.some((s) => s === 'date' || s === 'datetime')) continue;
      const where = { sourceTable: t.source, source: f.source, targetTable: t.target, field: f.target };
      if (f.sourceFormat) {
        out.push({ ...where, format: [...f.sourceFormat], basis: 'declared' });
        continue;
      }
      const d = decided.get(`${t.target}\u0000${f.target}`);
      if (d?.decision.status === 'decided') {
        out.push({ ...where, format: [d.decision.format], basis: 'decided', values: d.counts.values });
      }
    }
  return out;
}

import type { CatalogColumn, CatalogTable } from '../catalog/catalog-model.js';
import type { ContractField, ContractTable, ReleaseProfile } from '../contract/contract-model.js';
import type { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { FerryError } from '../errors.js';
import { columnDateStep, dateStepNames } from './column-date-step.js';
import { conflictsWithin, type DateFormatName, isDateFormatName } from './date-formats.js';
import { fieldInput } from './field-input.js';
import type { RowProblem } from './reject-reasons.js';
import { lengthProblem, targetTypeProblem } from './target-type-check.js';
import { isKnownStep, type StringStep, stringSteps } from './transform-steps.js';

/** The column type each step's output is canonical for. */
const stepProducesType: Record<string, string> = {
  date: 'date',
  datetime: 'datetime',
  integer: 'integer',
  decimal: 'decimal',
};

/** The outcome of mapping one source row. */
export type MappedRow =
  | { status: 'loaded'; key: string; values: string[] }
  | { status: 'rejected'; key: string; problems: RowProblem[] }
  | { status: 'out_of_scope'; key: string };

interface CompiledField {
  target: string;
  column: CatalogColumn;
  compute: (row: readonly string[], problems: RowProblem[]) => string;
}

export interface CompileContext {
  /** Header of the source table, as read. */
  sourceHeader: readonly string[];
  targetTable: CatalogTable;
  crosswalks: CrosswalkIndex;
  releaseProfile: ReleaseProfile;
  /**
   * Per target field of this table, the source date format decided from the whole column (`decideTableDateFormats`),
   * for the fields with a `date` / `datetime` step and no declared `sourceFormat`.
   */
  dateFormats?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The date format(s) a field's date step reads: declared in the contract row, else decided from the column.
 * FERRY_ERR_CONTRACT_INVALID when neither, or when declared formats read some text two ways.
 */
function fieldDateFormats(field: ContractField, table: ContractTable, ctx: CompileContext): DateFormatName[] {
  const where = `${table.source}.${field.source.join('+') || '(constant)'} (mapped to ${table.target}.${field.target})`;
  const context = { table: table.target, field: field.target };
  const formats = field.sourceFormat ?? ctx.dateFormats?.[field.target];
  if (!formats) {
    throw new FerryError(
      'FERRY_ERR_CONTRACT_INVALID',
      `The date format of ${where} is not decided: declare its source_format in the contract row, or let the load decide it from the whole column`,
      context,
    );
  }
  const known = formats.filter(isDateFormatName);
  const clash = conflictsWithin(known)[0];
  if (known.length !== formats.length || known.length === 0 || clash) {
    throw new FerryError(
      'FERRY_ERR_CONTRACT_INVALID',
      clash
        ? `The source_format of ${where} lists ${clash[0]} and ${clash[1]}, which read some dates differently: choose one`
        : `The source_format of ${where} names an unknown date format`,
      context,
    );
  }
  return known;
}

export function columnIndex(header: readonly string[], name: string, table: ContractTable, field: string): number {
  const i = header.indexOf(name);
  if (i < 0) {
    throw new FerryError(
      'FERRY_ERR_CONTRACT_INVALID',
      `Source column ${table.source}.${name} (mapped to ${table.target}.${field}) is not in the source file header`,
      { table: table.source, field: name },
    );
  }
  return i;
}

function compileField(
  field: ContractField,
  column: CatalogColumn,
  table: ContractTable,
  ctx: CompileContext,
): CompiledField {
  const sources = field.source.map((s) => columnIndex(ctx.sourceHeader, s, table, field.target));
  let dateSteps = 0;
  const steps: StringStep[] = field.transform.map((name) => {
    if (dateStepNames.has(name)) {
      // The first date step reads the column's format; a later one reads the ISO text the first one wrote.
      const formats: DateFormatName[] = dateSteps++ === 0 ? fieldDateFormats(field, table, ctx) : ['yyyy-mm-dd'];
      return columnDateStep(name as 'date' | 'datetime', formats, field.source.join('+') || field.target);
    }
    if (!isKnownStep(name)) {
      throw new FerryError(
        'FERRY_ERR_CONTRACT_INVALID',
        `Unknown transform '${name}' on ${table.target}.${field.target}`,
        {
          table: table.target,
          field: field.target,
        },
      );
    }
    return stringSteps[name]!;
  });
  const { crosswalk, mandatory, onInvalid } = field;
  if (crosswalk && !ctx.crosswalks.hasType(crosswalk)) {
    throw new FerryError(
      'FERRY_ERR_CONTRACT_INVALID',
      `Crosswalk '${crosswalk}' used by ${table.target}.${field.target} has no approved entries`,
      {
        table: table.target,
        field: field.target,
      },
    );
  }
  const fallback = ctx.releaseProfile === 'cutover_ready' ? undefined : field.defaults[ctx.releaseProfile];
  // A value that went through a step producing the column's type is already in canonical form; only a default,
  // a constant, or an untransformed value needs the full type check (length is always checked).
  const last = field.transform[field.transform.length - 1];
  const typedByStep = !crosswalk && last !== undefined && stepProducesType[last] === column.dataType;
  const name = field.target;

  const raw = fieldInput(field, sources);

  /** Computes the target value; at most one problem per field (the first rule it breaks). */
  const compute = (row: readonly string[], problems: RowProblem[]): string => {
    const original = raw(row);
    let value = original;
    if (value.trim() !== '') {
      for (let s = 0; s < steps.length; s++) {
        const r = steps[s]!(value);
        if (typeof r === 'string') {
          value = r;
          continue;
        }
        if (onInvalid === 'reject') {
          problems.push({ reasonCode: r.code, field: name, message: r.reason });
          return '';
        }
        value = onInvalid === 'blank' ? '' : original;
        break;
      }
    } else {
      value = '';
    }
    if (crosswalk && value !== '') {
      const code = ctx.crosswalks.translate(crosswalk, value);
      if (code === undefined) {
        problems.push({
          reasonCode: 'CROSSWALK_MISS',
          field: name,
          message: `no approved ${crosswalk} crosswalk entry`,
        });
        return '';
      }
      value = code;
    }
    if (value === '' && fallback !== undefined) value = fallback;
    if (value === '') {
      if (mandatory)
        problems.push({ reasonCode: 'MISSING_MANDATORY', field: name, message: 'mandatory field is blank' });
      return '';
    }
    const typeProblem =
      typedByStep && value !== fallback ? lengthProblem(column, value) : targetTypeProblem(column, value);
    if (typeProblem) problems.push({ reasonCode: 'INVALID_VALUE', field: name, message: typeProblem });
    return value;
  };
  return { target: name, column, compute };
}

/**
 * A contract table compiled against the source header, target catalog and crosswalks: maps one source row to the
 * target row (in target catalog column order) or to the problems that reject it.
 *
 * @example
 * const compiled = compileContractTable(contract.tables[0], { sourceHeader, targetTable, crosswalks, releaseProfile: 'pre_production' });
 * const result = compiled.map(record.fields);
 */
export class CompiledTable {
  readonly targetColumns: string[];
  private readonly fields: CompiledField[];
  private readonly keyIndexes: number[];
  private readonly scope?: { index: number; values: Set<string> };

  constructor(
    readonly table: ContractTable,
    ctx: CompileContext,
  ) {
    this.targetColumns = ctx.targetTable.columns.map((c) => c.name);
    const byTarget = new Map(table.fields.map((f) => [f.target, f]));
    this.fields = [];
    for (const column of ctx.targetTable.columns) {
      const field = byTarget.get(column.name);
      if (field) this.fields.push(compileField(field, column, table, ctx));
      else this.fields.push({ target: column.name, column, compute: () => '' });
    }
    for (const f of table.fields) {
      if (!ctx.targetTable.columns.some((c) => c.name === f.target)) {
        throw new FerryError(
          'FERRY_ERR_CONTRACT_INVALID',
          `Target column ${table.target}.${f.target} is not in the target catalog`,
          {
            table: table.target,
            field: f.target,
          },
        );
      }
    }
    this.keyIndexes = table.sourceKey.map((k) => columnIndex(ctx.sourceHeader, k, table, table.targetKey));
    if (table.outOfScope) {
      this.scope = {
        index: columnIndex(ctx.sourceHeader, table.outOfScope.column, table, '(scope filter)'),
        values: new Set(table.outOfScope.outOfScopeValues),
      };
    }
  }

  /** The lineage key of a source row: its source key columns joined with '|'. */
  sourceKey(row: readonly string[]): string {
    if (this.keyIndexes.length === 1) return (row[this.keyIndexes[0]!] ?? '').trim();
    return this.keyIndexes.map((i) => (row[i] ?? '').trim()).join('|');
  }

  map(row: readonly string[]): MappedRow {
    const key = this.sourceKey(row);
    if (this.scope?.values.has((row[this.scope.index] ?? '').trim())) {
      return { status: 'out_of_scope', key };
    }
    const problems: RowProblem[] = [];
    const values = new Array<string>(this.fields.length);
    for (let i = 0; i < this.fields.length; i++) values[i] = this.fields[i]!.compute(row, problems);
    return problems.length ? { status: 'rejected', key, problems } : { status: 'loaded', key, values };
  }
}

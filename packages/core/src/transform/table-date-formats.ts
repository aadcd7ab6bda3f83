import type { ContractTable } from '../contract/contract-model.js';
import { dateStepNames } from './column-date-step.js';
import { columnIndex } from './compiled-table.js';
import {
  DateFormatCensus,
  type DateFormatCounts,
  type DateFormatDecision,
  decideDateFormat,
} from './date-format-census.js';
import { fieldInput } from './field-input.js';
import { type StringStep, stringSteps } from './transform-steps.js';

/** A field whose date format the load must decide from its column, and what its column's values said. */
export interface FieldDateDecision {
  targetTable: string;
  target: string;
  sourceTable: string;
  source: string[];
  counts: DateFormatCounts;
  decision: DateFormatDecision;
}

interface Watched {
  target: string;
  source: string[];
  input: (row: readonly string[]) => string;
  /** The steps before the first date step (the date step sees their output). */
  before: StringStep[];
  census: DateFormatCensus;
}

/**
 * The fields of a contract table whose first date step has no declared `sourceFormat`, with what each would read: the
 * value as the date step will see it (after the steps before it).
 */
function watchedFields(table: ContractTable, header: readonly string[]): Watched[] {
  const watched: Watched[] = [];
  for (const field of table.fields) {
    const at = field.transform.findIndex((s) => dateStepNames.has(s));
    if (at < 0 || field.sourceFormat) continue;
    const sources = field.source.map((s) => columnIndex(header, s, table, field.target));
    watched.push({
      target: field.target,
      source: field.source,
      input: fieldInput(field, sources),
      before: field.transform.slice(0, at).map((s) => stringSteps[s]!),
      census: new DateFormatCensus(),
    });
  }
  return watched;
}

/**
 * Counts, over every row of a source table, the date formats of each contract field whose format is not declared,
 * and decides each field's format from its whole column (`decideDateFormat`). A streaming load cannot decide row by
 * row: the load runs this over the table first (a pre-pass), then maps with the decisions.
 *
 * @example
 * const census = new TableDateCensus(contractTable, header);
 * for (const row of rows) census.add(row.fields);
 * const decisions = census.decisions(); // [{ target: 'DOB', decision: { status: 'decided', format: 'mm/dd/yyyy' }, ... }]
 */
export class TableDateCensus {
  private readonly watched: Watched[];

  constructor(
    private readonly table: ContractTable,
    private readonly header: readonly string[],
  ) {
    this.watched = watchedFields(table, header);
  }

  /** Whether any field needs a decision (otherwise the table need not be read). */
  get needed(): boolean {
    return this.watched.length > 0;
  }

  /** Adds one source row; a ragged row (it will be rejected) is not counted. */
  add(fields: readonly string[]): void {
    if (fields.length !== this.header.length) return;
    for (const w of this.watched) {
      let value = w.input(fields);
      if (value.trim() === '') continue;
      let failed = false;
      for (const step of w.before) {
        const r = step(value);
        if (typeof r !== 'string') {
          failed = true;
          break;
        }
        value = r;
      }
      // A value an earlier step refuses is rejected before its date is read.
      if (!failed) w.census.add(value);
    }
  }

  decisions(): FieldDateDecision[] {
    return this.watched.map((w) => {
      const counts = w.census.counts();
      return {
        targetTable: this.table.target,
        target: w.target,
        sourceTable: this.table.source,
        source: w.source,
        counts,
        decision: decideDateFormat(counts),
      };
    });
  }
}

import { parseUkOrIsoDate, parseUkOrIsoDateTime } from '../validation/dates.js';
import type { DataType } from './catalog-model.js';

/** What a sample of values says about a column. */
export interface InferredColumn {
  dataType: DataType;
  /** Longest value seen, for `string` and `code` columns (undefined when all are blank). */
  maxLength?: number;
  /** True when a value was blank (or there were no values at all). */
  nullable: boolean;
}

const integerPattern = /^[+-]?\d{1,15}$/;
const decimalPattern = /^[+-]?(\d{1,15}(\.\d+)?|\.\d+)$/;
const leadingZero = /^[+-]?0\d/;
const booleanWords = new Set(['Y', 'N', 'YES', 'NO', 'TRUE', 'FALSE']);
const codePattern = /^[A-Z0-9][A-Z0-9_\-/.]*$/;
/** Code values are at most this long... */
const codeMaxLength = 10;
/** ...take at most this many distinct values... */
const codeMaxDistinct = 50;
/** ...and each distinct value appears on average at least this often in the sample. */
const codeMinRepeat = 2;

/**
 * Infers a catalog type from sampled values, one `add` per value. Values are trimmed for the tests;
 * the first type every non-blank value fits wins:
 * 1. `integer`: up to 15 digits, no leading zero (a leading zero means an identifier, e.g. `0113`);
 * 2. `decimal`: a number with a decimal point;
 * 3. `date`: dd/mm/yyyy or yyyy-mm-dd, a real calendar date (validation/dates.ts);
 * 4. `datetime`: a date with hh:mm[:ss];
 * 5. `boolean`: Y/N, yes/no, true/false (any case);
 * 6. `code`: short (<= 10) upper-case values from a small set (<= 50 distinct, each seen twice on average);
 * 7. otherwise `string`.
 *
 * @example
 * const c = new ColumnTypeInference();
 * for (const v of ['03/02/1961', '', '1999-12-31']) c.add(v);
 * c.result(); // => { dataType: 'date', nullable: true }
 */
export class ColumnTypeInference {
  private values = 0;
  private blanks = 0;
  private longest = 0;
  private integer = true;
  private decimal = true;
  private date = true;
  private datetime = true;
  private boolean = true;
  private code = true;
  private readonly distinct = new Set<string>();

  add(raw: string): void {
    this.values++;
    if (raw.length > this.longest) this.longest = raw.length;
    const v = raw.trim();
    if (v === '') {
      this.blanks++;
      return;
    }
    if (this.integer && !(integerPattern.test(v) && !leadingZero.test(v))) this.integer = false;
    if (this.decimal && !(decimalPattern.test(v) && !leadingZero.test(v))) this.decimal = false;
    if (this.date && parseUkOrIsoDate(v) === undefined) this.date = false;
    if (this.datetime && parseUkOrIsoDateTime(v) === undefined) this.datetime = false;
    if (this.boolean && !booleanWords.has(v.toUpperCase())) this.boolean = false;
    if (this.code) {
      if (v.length > codeMaxLength || !codePattern.test(v)) this.code = false;
      else {
        this.distinct.add(v);
        if (this.distinct.size > codeMaxDistinct) this.code = false;
      }
    }
  }

  result(): InferredColumn {
    const filled = this.values - this.blanks;
    const nullable = this.blanks > 0 || this.values === 0;
    let dataType: DataType = 'string';
    if (filled > 0) {
      if (this.integer) dataType = 'integer';
      else if (this.decimal) dataType = 'decimal';
      else if (this.date) dataType = 'date';
      else if (this.datetime) dataType = 'datetime';
      else if (this.boolean) dataType = 'boolean';
      else if (this.code && filled >= codeMinRepeat * this.distinct.size) dataType = 'code';
    }
    const out: InferredColumn = { dataType, nullable };
    if ((dataType === 'string' || dataType === 'code') && this.longest > 0) out.maxLength = this.longest;
    return out;
  }
}

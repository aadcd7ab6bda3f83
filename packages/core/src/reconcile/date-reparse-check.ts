import type { CatalogTable } from '../catalog/catalog-model.js';
import type { ContractTable } from '../contract/contract-model.js';
import { DateFormatCensus, decideDateFormat } from '../transform/date-format-census.js';
import { conflictsWithin, type DateFormatName } from '../transform/date-formats.js';
import { readDateIndependently } from './independent-date-reader.js';
import type { DateReparseResult } from './reconciliation-report.js';

interface Watched {
  target: string;
  sourceColumn: string;
  sourceIndex: number;
  targetIndex: number;
  declared?: string[];
  census: DateFormatCensus;
  /** Raw source value by source key, for rows that map. */
  raw: Map<string, string>;
}

/** Steps that may come before the date step without changing what it reads (it trims itself). */
const neutralBefore = new Set(['trim']);

/**
 * The date fields of a contract table that the reconciliation re-reads apart from the load: one source column, no
 * constant or crosswalk, and a `date` / `datetime` step with nothing but `trim` before it.
 */
function watchedFields(table: ContractTable, header: readonly string[], targetTable: CatalogTable): Watched[] {
  const out: Watched[] = [];
  for (const f of table.fields) {
    const at = f.transform.findIndex((s) => s === 'date' || s === 'datetime');
    if (at < 0 || f.source.length !== 1 || f.constant !== undefined || f.crosswalk) continue;
    if (!f.transform.slice(0, at).every((s) => neutralBefore.has(s))) continue;
    const sourceIndex = header.indexOf(f.source[0]!);
    const targetIndex = targetTable.columns.findIndex((c) => c.name === f.target);
    if (sourceIndex < 0 || targetIndex < 0) continue;
    out.push({
      target: f.target,
      sourceColumn: f.source[0]!,
      sourceIndex,
      targetIndex,
      ...(f.sourceFormat ? { declared: [...f.sourceFormat] } : {}),
      census: new DateFormatCensus(),
      raw: new Map(),
    });
  }
  return out;
}

/**
 * A check of a table's loaded dates that shares nothing with the load's date transform: it decides each date column's
 * format from the whole raw source column (or, when the values cannot tell, takes the format the contract declares),
 * re-reads each raw value with an independent reader (`independent-date-reader.ts`) and compares it with the target
 * value. A load that read dates in the wrong format (a declared format the values contradict, a broken step) shows
 * as disagreements even when the ordinary reconciliation, which re-derives rows through the same contract, matches.
 *
 * @example
 * const check = new DateReparseCheck(contractTable, header, targetTable);
 * for (const r of sourceRows) check.addSource(r.fields, mapsToATargetRow ? key : undefined);
 * for (const t of targetRows) check.addTarget(t.sourceKey, t.values);
 * check.results(100); // [{ field: 'BIRTH_DATE', basis: 'detected', format: ['mm/dd/yyyy'], disagreed: 382, ... }]
 */
export class DateReparseCheck {
  private readonly watched: Watched[];
  private readonly formats = new Map<string, { basis: DateReparseResult['basis']; format: string[] }>();
  private readonly tallies = new Map<string, { compared: number; agreed: number; keys: string[]; more: boolean }>();

  constructor(
    private readonly table: ContractTable,
    header: readonly string[],
    targetTable: CatalogTable,
    private readonly maxListed = 1000,
  ) {
    this.watched = watchedFields(table, header, targetTable);
  }

  /**
   * A source row (every one: the column's format is judged from all of them, loaded or not), with its source key when
   * the contract maps it to a target row.
   */
  addSource(fields: readonly string[], mappedKey: string | undefined): void {
    for (const w of this.watched) {
      const v = fields[w.sourceIndex] ?? '';
      if (v.trim() === '') continue;
      w.census.add(v);
      if (mappedKey !== undefined) w.raw.set(mappedKey, v);
    }
  }

  private formatOf(w: Watched): { basis: DateReparseResult['basis']; format: string[] } {
    let f = this.formats.get(w.target);
    if (!f) {
      const d = decideDateFormat(w.census.counts());
      // The detected format first; declared formats too (a person may declare several), save one that reads some
      // text otherwise than the detected format (the contradiction this check is for).
      f =
        d.status === 'decided'
          ? {
              basis: 'detected',
              format: [
                d.format,
                ...(w.declared ?? []).filter(
                  (x) => x !== d.format && conflictsWithin([x, d.format] as DateFormatName[]).length === 0,
                ),
              ],
            }
          : w.declared
            ? { basis: 'declared', format: w.declared }
            : { basis: 'undecided', format: [] };
      this.formats.set(w.target, f);
    }
    return f;
  }

  /** A target row of the job, after every source row was added. */
  addTarget(sourceKey: string, values: readonly string[]): void {
    for (const w of this.watched) {
      const loaded = values[w.targetIndex] ?? '';
      const raw = w.raw.get(sourceKey);
      if (raw === undefined && loaded === '') continue;
      const { format } = this.formatOf(w);
      let expected: string | undefined;
      for (const f of format) {
        expected = raw === undefined ? undefined : readDateIndependently(f, raw);
        if (expected !== undefined) break;
      }
      // A date target holds the day; a date-time target the day and time.
      const agrees = expected !== undefined && (loaded.length === 10 ? expected.slice(0, 10) : expected) === loaded;
      let t = this.tallies.get(w.target);
      if (!t) {
        t = { compared: 0, agreed: 0, keys: [], more: false };
        this.tallies.set(w.target, t);
      }
      t.compared++;
      if (agrees) t.agreed++;
      else if (t.keys.length < this.maxListed) t.keys.push(sourceKey);
      else t.more = true;
    }
  }

  results(): DateReparseResult[] {
    return this.watched.map((w) => {
      const { basis, format } = this.formatOf(w);
      const t = this.tallies.get(w.target) ?? { compared: 0, agreed: 0, keys: [], more: false };
      return {
        sourceTable: this.table.source,
        sourceColumn: w.sourceColumn,
        targetTable: this.table.target,
        field: w.target,
        basis,
        format,
        compared: t.compared,
        agreed: t.agreed,
        disagreed: t.compared - t.agreed,
        disagreedKeys: [...t.keys].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
        disagreedKeysTruncated: t.more,
      };
    });
  }
}

import type { SourceRecord } from '../connectors/source-connector.js';
import { CompiledTable } from '../transform/compiled-table.js';
import type { ImportedRecord, ImportReject } from './practice-import-model.js';
import type { PracticePreset, PracticePresetTable } from './practice-preset.js';

/** A batch of source records mapped: what imports, what is rejected, how many the scope filter left out. */
export interface MappedBatch {
  records: ImportedRecord[];
  rejects: ImportReject[];
  outOfScope: number;
}

/**
 * Maps a preset table's source records to platform records with the preset's reviewed contract (the same compiled
 * field rules as `ferry migrate`, strictest release profile: no defaults), or to rejects with reason codes: a row
 * broken by an unbalanced quote, a row of another width than the header, a blank key, a value its rule refuses.
 *
 * @example
 * const mapper = new TableRecordMapper(preset, preset.tables[0], header, 'patients.csv');
 * const { records, rejects } = mapper.map(batch);
 */
export class TableRecordMapper {
  private readonly compiled: CompiledTable;
  private readonly keyIndex: number;

  constructor(
    preset: PracticePreset,
    readonly table: PracticePresetTable,
    private readonly header: readonly string[],
    private readonly sourceFile: string,
  ) {
    this.compiled = new CompiledTable(table.contractTable, {
      sourceHeader: header,
      targetTable: table.target,
      crosswalks: preset.crosswalks,
      releaseProfile: 'cutover_ready',
    });
    this.keyIndex = this.compiled.targetColumns.indexOf(table.contractTable.targetKey);
  }

  private reject(line: number, key: string, reasonCode: ImportReject['reasonCode'], field: string, message: string) {
    return {
      table: this.table.targetTable,
      key,
      sourceFile: this.sourceFile,
      sourceLine: line,
      reasonCode,
      field,
      message,
    } satisfies ImportReject;
  }

  map(batch: readonly SourceRecord[]): MappedBatch {
    const records: ImportedRecord[] = [];
    const rejects: ImportReject[] = [];
    let outOfScope = 0;
    for (const r of batch) {
      if (r.malformed) {
        rejects.push(this.reject(r.line, '', 'MALFORMED_RECORD', '', 'an unbalanced quote spans several lines'));
        continue;
      }
      if (r.fields.length !== this.header.length) {
        const key = this.compiled.sourceKey(r.fields);
        const msg = `the row has ${r.fields.length} fields, the header ${this.header.length}`;
        rejects.push(this.reject(r.line, key, 'RAGGED_ROW', '', msg));
        continue;
      }
      const mapped = this.compiled.map(r.fields);
      if (mapped.status === 'rejected') {
        // One reject per record, under its first problem: rejects group by reason and count records.
        const p = mapped.problems[0]!;
        rejects.push(this.reject(r.line, mapped.key, p.reasonCode, p.field, p.message));
        continue;
      }
      if (mapped.status === 'out_of_scope') {
        outOfScope++;
        continue;
      }
      const key = this.keyIndex < 0 ? mapped.key : (mapped.values[this.keyIndex] ?? '');
      if (key === '' || mapped.key === '') {
        rejects.push(
          this.reject(r.line, mapped.key, 'MISSING_KEY', this.table.contractTable.targetKey, 'the key is blank'),
        );
        continue;
      }
      const values: Record<string, string> = {};
      for (let i = 0; i < mapped.values.length; i++) {
        const v = mapped.values[i]!;
        if (v !== '') values[this.compiled.targetColumns[i]!] = v;
      }
      records.push({ table: this.table.targetTable, key, values, sourceFile: this.sourceFile, sourceLine: r.line });
    }
    return { records, rejects, outOfScope };
  }
}

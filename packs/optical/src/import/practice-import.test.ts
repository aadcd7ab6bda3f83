import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  csvFolderTables,
  groupRejects,
  importFiles,
  importTableRecords,
  jsonSourceRecords,
  loadPracticePreset,
  MemoryRecordSink,
  PackRegistry,
  parseCsvText,
  writeXlsxTables,
} from '@ferry/core';
import { describe, expect, it } from 'vitest';
import { opticalPack } from '../index.js';

const registry = new PackRegistry([opticalPack]);
const csvRows = async (path: string) => parseCsvText(await readFile(path, 'utf8'));

async function generated(vendor: string, patients: number, defects: 'none' | 'typical') {
  const outDir = await mkdtemp(join(tmpdir(), `ferry-imp-${vendor}-`));
  await registry.get(`optical:${vendor}`).generate({ patients, seed: 11, defects, outDir });
  return outDir;
}

describe.each(['optix', 'occuco', 'acuity'])('practice import of a %s export', (vendor) => {
  it('a clean export imports exactly the generator expected rows, each traced to its file and line', async () => {
    const out = await generated(vendor, 30, 'none');
    const preset = await loadPracticePreset(registry.get(`optical:${vendor}`));
    const sink = new MemoryRecordSink();
    const { totals, stopped } = await importFiles(join(out, 'source'), { preset, sink, batchSize: 100 });
    expect(stopped).toBe(false);
    expect(totals.rejected).toBe(0);
    expect(totals.read).toBe(totals.imported);
    let compared = 0;
    for (const table of preset.tables) {
      const [header, ...rows] = await csvRows(join(out, 'expected', `${table.targetTable}.csv`));
      const held = sink.records.get(table.targetTable) ?? new Map();
      expect({ table: table.targetTable, size: held.size }).toEqual({ table: table.targetTable, size: rows.length });
      for (const row of rows) {
        const want = Object.fromEntries(header!.map((c, i) => [c, row[i]!]).filter(([, v]) => v !== ''));
        const got = held.get(row[header!.indexOf('id')]!);
        expect(got?.values).toEqual(want);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
    // Lineage: the first patient is line 2 of the vendor's patients file.
    const first = [...sink.records.get('patient')!.values()][0]!;
    expect(first.sourceLine).toBe(2);
    expect(first.sourceFile).toMatch(/^patients\.csv$/i);
  }, 120_000);

  it('every labelled reject defect is rejected with its source line; importing again skips or rejects duplicates', async () => {
    const out = await generated(vendor, 60, 'typical');
    const preset = await loadPracticePreset(registry.get(`optical:${vendor}`));
    const sink = new MemoryRecordSink();
    const { totals } = await importFiles(join(out, 'source'), { preset, sink, continueOnError: true });
    expect(totals.read).toBe(totals.imported + totals.rejected + totals.skipped + totals.outOfScope);
    const defects = (await csvRows(join(out, 'defects.csv'))).slice(1).filter((d) => d[3] === 'reject');
    expect(defects.length).toBeGreaterThanOrEqual(5);
    const rejected = new Set(sink.rejects.map((r) => `${r.sourceFile.replace(/\.csv$/, '')}|${r.key}`));
    expect(defects.filter(([file, key]) => !rejected.has(`${file}|${key}`))).toEqual([]);
    for (const r of sink.rejects) expect(r.sourceLine).toBeGreaterThan(1);
    const groups = groupRejects(sink.rejects);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(totals.rejected);
    expect(groups.map((g) => g.reasonCode)).toContain('ORPHAN');

    const again = await importFiles(join(out, 'source'), { preset, sink, continueOnError: true, duplicates: 'skip' });
    expect(again.totals.imported).toBe(0);
    expect(again.totals.skipped).toBe(totals.imported);
  }, 120_000);
});

describe('practice import options', () => {
  it('without continue-on-error the import stops at the first batch with a reject and writes none of it', async () => {
    const preset = await loadPracticePreset(registry.get('optical:optix'));
    const table = preset.tables.find((t) => t.recordType === 'patients')!;
    const sink = new MemoryRecordSink();
    const header = table.sourceColumns;
    const blank = Object.fromEntries(header.map((c) => [c, ''])) as Record<string, string>;
    // Only the key: every mandatory field is blank, so each record is rejected.
    const rows = [1, 2, 3].map((id) => ({ ...blank, patient_id: String(id) }));
    const records = jsonSourceRecords(rows, header, 2);
    const result = await importTableRecords(records, { preset, table, header, sourceFile: 'api', sink, batchSize: 2 });
    expect(result.stopped?.sourceLine).toBe(2);
    expect(result.stopped?.reasonCode).toBe('MISSING_MANDATORY');
    expect(sink.records.size).toBe(0);
    expect(result.counts).toEqual({ read: 2, imported: 0, skipped: 0, rejected: 2, outOfScope: 0 });
  });

  it('a JSON record with a column the export does not have is refused, naming the column', async () => {
    expect(() => jsonSourceRecords([{ patient_id: '1', shoe_size: 9 }], ['patient_id'], 1)).toThrow(/shoe_size/);
  });

  it('an Excel workbook of the export (a sheet per file) imports exactly as the CSV files do', async () => {
    const out = await generated('occuco', 20, 'none');
    const book = join(out, 'export.xlsx');
    await writeXlsxTables(book, await csvFolderTables(join(out, 'source')));
    const preset = await loadPracticePreset(registry.get('optical:occuco'));
    const fromCsv = new MemoryRecordSink();
    const fromXlsx = new MemoryRecordSink();
    const csv = await importFiles(join(out, 'source'), { preset, sink: fromCsv });
    const xlsx = await importFiles(book, { preset, sink: fromXlsx });
    expect(xlsx.totals).toEqual(csv.totals);
    expect(xlsx.totals.rejected).toBe(0);
    const values = (sink: MemoryRecordSink) =>
      [...sink.records].map(([table, m]) => [table, [...m.values()].map((r) => r.values)]);
    expect(values(fromXlsx)).toEqual(values(fromCsv));
    const patient = [...fromXlsx.records.get('patient')!.values()][0]!;
    expect(patient).toMatchObject({ sourceFile: 'export.xlsx#Patients', sourceLine: 2 });
  }, 120_000);

  it('a file that is neither CSV nor Excel is refused', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ferry-imp-txt-'));
    await writeFile(join(out, 'x.txt'), 'not an export');
    await expect(
      importFiles(join(out, 'x.txt'), {
        preset: await loadPracticePreset(registry.get('optical:optix')),
        sink: new MemoryRecordSink(),
      }),
    ).rejects.toThrow(/only \.csv and \.xlsx/);
  });
});

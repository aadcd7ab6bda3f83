import { type ImportFileTable, openImportFiles } from './import-files.js';
import { addCounts, emptyCounts, type ImportCounts } from './practice-import-model.js';
import { importTableRecords, type TableImportOptions, type TableImportResult } from './practice-importer.js';
import { presetTableByType, presetTableForFile } from './practice-preset.js';

/** How a file or folder is imported: the table options, less what each file decides. */
export type FileImportOptions = Omit<TableImportOptions, 'table' | 'header' | 'sourceFile' | 'onProgress'> & {
  /** The record type every file holds (`patients`); without it each file's name or header decides. */
  recordType?: string;
  onProgress?: (file: string, counts: ImportCounts) => void;
};

/** What one file (or sheet) did. */
export interface FileImportResult extends TableImportResult {
  sourceFile: string;
  recordType: string;
}

/**
 * Imports a CSV or Excel file, or a folder of them, into a company: each file's (or sheet's) record type from
 * `recordType`, else from its name or header; files in the preset's load order (patients before their examinations),
 * so that children find their parents. Without `continueOnError` it stops at the first file that stopped.
 *
 * @example
 * const { files, totals } = await importFiles('optix-export/', { preset, sink, continueOnError: true });
 */
export async function importFiles(
  path: string,
  options: FileImportOptions,
): Promise<{ files: FileImportResult[]; totals: ImportCounts; stopped: boolean }> {
  const { tables, close } = await openImportFiles(path);
  try {
    const { preset } = options;
    const planned: Array<{ file: ImportFileTable; header: string[]; order: number; recordType: string }> = [];
    for (const file of tables) {
      const header = await file.connector.header(file.table);
      const table = options.recordType
        ? presetTableByType(preset, options.recordType)
        : presetTableForFile(preset, file.name, header);
      planned.push({ file, header, order: preset.tables.indexOf(table), recordType: table.recordType });
    }
    planned.sort((a, b) => a.order - b.order || a.file.sourceFile.localeCompare(b.file.sourceFile));
    const files: FileImportResult[] = [];
    let totals = emptyCounts();
    for (const p of planned) {
      const result = await importTableRecords(
        p.file.connector.rowBatches
          ? flatten(p.file.connector.rowBatches(p.file.table))
          : p.file.connector.rows(p.file.table),
        {
          ...options,
          table: preset.tables[p.order]!,
          header: p.header,
          sourceFile: p.file.sourceFile,
          onProgress: (c) => options.onProgress?.(p.file.sourceFile, c),
        },
      );
      files.push({ ...result, sourceFile: p.file.sourceFile, recordType: p.recordType });
      totals = addCounts(totals, result.counts);
      if (result.stopped) return { files, totals, stopped: true };
    }
    return { files, totals, stopped: false };
  } finally {
    await close();
  }
}

async function* flatten<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const b of batches) yield* b;
}

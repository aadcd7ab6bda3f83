import { z } from 'zod';
import { parseCsvTextRecords } from '../connectors/csv/csv-text-parser.js';
import { FerryError } from '../errors.js';

/** One national code of a code type, as `crosswalks/code-sets.csv` lists it (`code_type,code,label,retired`). */
export const codeSetEntrySchema = z.object({
  codeType: z.string().min(1),
  code: z.string().min(1),
  label: z.string().default(''),
  retired: z.boolean().default(false),
});
export type CodeSetEntry = z.infer<typeof codeSetEntrySchema>;

/** National codes by code type: what `code_in_set` checks read. */
export type CodeSets = Readonly<Record<string, ReadonlyArray<{ code: string; retired: boolean }>>>;

/**
 * Groups code set entries by code type, codes in file order.
 *
 * @example
 * groupCodeSets([{ codeType: 'sex', code: '1', label: 'Male', retired: false }]) // => { sex: [{ code: '1', retired: false }] }
 */
export function groupCodeSets(entries: readonly CodeSetEntry[]): CodeSets {
  const out: Record<string, Array<{ code: string; retired: boolean }>> = {};
  for (const e of entries) {
    const list = out[e.codeType] ?? [];
    list.push({ code: e.code, retired: e.retired });
    out[e.codeType] = list;
  }
  return out;
}

/** The header of a code sets CSV file. */
export const codeSetsCsvHeader = ['code_type', 'code', 'label', 'retired'] as const;

/**
 * Parses a code sets CSV (`code_type,code,label,retired`; retired is Y or N). Errors name the file, line and field.
 *
 * @example
 * parseCodeSetsCsv('code_type,code,label,retired\ngender,1,Male,N\n', 'code-sets.csv')
 * // => [{ codeType: 'gender', code: '1', label: 'Male', retired: false }]
 */
export function parseCodeSetsCsv(text: string, file: string): CodeSetEntry[] {
  const records = parseCsvTextRecords(text, file);
  const header = records[0]?.fields ?? [];
  if (header.join(',') !== codeSetsCsvHeader.join(',')) {
    throw new FerryError('FERRY_ERR_CHECK_INVALID', `Code sets header must be ${codeSetsCsvHeader.join(',')}`, {
      file,
      line: 1,
    });
  }
  const seen = new Set<string>();
  const out: CodeSetEntry[] = [];
  for (const r of records.slice(1)) {
    if (r.fields.length === 1 && r.fields[0] === '') continue;
    if (r.fields.length !== codeSetsCsvHeader.length) {
      throw new FerryError('FERRY_ERR_CHECK_INVALID', `Row has ${r.fields.length} fields, header has 4`, {
        file,
        line: r.line,
      });
    }
    const [codeType = '', code = '', label = '', retired = ''] = r.fields;
    if (!codeType)
      throw new FerryError('FERRY_ERR_CHECK_INVALID', 'code_type is blank', { file, line: r.line, field: 'code_type' });
    if (!code) throw new FerryError('FERRY_ERR_CHECK_INVALID', 'code is blank', { file, line: r.line, field: 'code' });
    if (retired !== 'Y' && retired !== 'N') {
      throw new FerryError('FERRY_ERR_CHECK_INVALID', 'retired must be Y or N', {
        file,
        line: r.line,
        field: 'retired',
      });
    }
    const key = `${codeType}\u0000${code}`;
    if (seen.has(key)) {
      throw new FerryError('FERRY_ERR_CHECK_INVALID', `Code ${code} of ${codeType} is listed twice`, {
        file,
        line: r.line,
        field: 'code',
      });
    }
    seen.add(key);
    out.push({ codeType, code, label, retired: retired === 'Y' });
  }
  return out;
}

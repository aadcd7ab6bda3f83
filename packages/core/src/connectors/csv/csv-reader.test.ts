import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FerryError } from '../../errors.js';
import { readCsvBatches, readCsvRecords, resolveCsvReadOptions } from './csv-reader.js';
import type { CsvReadOptions, CsvRecord } from './csv-record.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-csv-reader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function read(path: string, options?: CsvReadOptions): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of readCsvRecords(path, options)) out.push(r);
  return out;
}

async function readError(path: string, options?: CsvReadOptions): Promise<FerryError> {
  try {
    await read(path, options);
  } catch (e) {
    if (e instanceof FerryError) return e;
    throw e;
  }
  throw new Error('expected a FerryError');
}

describe('readCsvRecords: RFC 4180', () => {
  it('keeps a comma inside a quoted field', async () => {
    const p = await file('comma.csv', 'id,name\n1,"Smith, John"\n');
    expect(await read(p)).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', 'Smith, John'] },
    ]);
  });

  it('turns doubled quotes into one quote', async () => {
    const p = await file('quote.csv', 'id,name\n1,"O""Brien"\n2,""""\n3,""\n');
    expect((await read(p)).map((r) => r.fields)).toEqual([
      ['id', 'name'],
      ['1', 'O"Brien'],
      ['2', '"'],
      ['3', ''],
    ]);
  });

  it('keeps newlines inside a quoted field and counts physical lines', async () => {
    const p = await file('newline.csv', 'id,note\n1,"line one\nline two\r\nline three"\n2,after\n');
    expect(await read(p)).toEqual([
      { line: 1, fields: ['id', 'note'] },
      { line: 2, fields: ['1', 'line one\nline two\r\nline three'] },
      { line: 5, fields: ['2', 'after'] },
    ]);
  });

  it('reads CRLF line endings', async () => {
    const p = await file('crlf.csv', 'a,b\r\n1,2\r\n"x",""\r\n');
    expect(await read(p)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['x', ''] },
    ]);
  });

  it('reads LF line endings', async () => {
    const p = await file('lf.csv', 'a,b\n1,2\n3,4\n');
    expect(await read(p)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('reads mixed CRLF and LF line endings, keeping a lone CR as data', async () => {
    const p = await file('mixed.csv', 'a,b\r\n1,2\n3,"4"\r\n5,x\ry\n');
    expect(await read(p)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
      { line: 4, fields: ['5', 'x\ry'] },
    ]);
  });

  it('strips a UTF-8 byte order mark', async () => {
    const p = await file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n1,Zoë\n')]));
    expect(await read(p)).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', 'Zoë'] },
    ]);
  });

  it('counts a last line without a newline as a record', async () => {
    const p = await file('truncated.csv', 'a,b\n1,2\n3,4');
    expect(await read(p)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('counts a quoted last field without a newline, and a trailing CR', async () => {
    const p = await file('truncated-quoted.csv', 'a,b\r\n1,"x,y"\r');
    expect((await read(p)).map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', 'x,y'],
    ]);
  });

  it('keeps empty trailing fields and blank lines (a blank line is one empty field)', async () => {
    const p = await file('blank.csv', 'a,b,c\n1,,\n\n,,\n');
    expect(await read(p)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '', ''] },
      { line: 3, fields: [''] },
      { line: 4, fields: ['', '', ''] },
    ]);
  });

  it('keeps text after a closing quote rather than dropping it, and a quote inside an unquoted field', async () => {
    const p = await file('lenient.csv', 'a,b\n"x"y,ab"c\n');
    expect((await read(p))[1]?.fields).toEqual(['xy', 'ab"c']);
  });

  it('reports ragged rows as they are, with their line numbers', async () => {
    const p = await file('ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n"multi\nline",x,y\n10,11\n');
    const records = await read(p);
    expect(records.map((r) => [r.line, r.fields.length])).toEqual([
      [1, 3],
      [2, 3],
      [3, 2],
      [4, 4],
      [5, 3],
      [7, 2],
    ]);
  });

  it('reads an empty file as no records', async () => {
    const p = await file('empty.csv', '');
    expect(await read(p)).toEqual([]);
  });

  it('reads a header-only file as one record, with or without a final newline', async () => {
    expect(await read(await file('header-nl.csv', 'id,name\n'))).toEqual([{ line: 1, fields: ['id', 'name'] }]);
    expect(await read(await file('header.csv', 'id,name'))).toEqual([{ line: 1, fields: ['id', 'name'] }]);
  });
});

describe('readCsvRecords: errors', () => {
  it('names the file and the line where an unterminated quoted field starts', async () => {
    const p = await file('unterminated.csv', 'a,b\n1,2\n3,"never\nclosed\n4,5\n');
    const e = await readError(p);
    expect(e.code).toBe('FERRY_ERR_CSV_UNTERMINATED_QUOTE');
    expect(e.context).toEqual({ file: p, line: 3 });
    expect(e.describe()).toBe(
      `${p}:3: a quoted field that starts on this line is not closed before the end of the file`,
    );
  });

  it('locates an unterminated quote in a later field of a multi-line record', async () => {
    const p = await file('unterminated2.csv', 'a,b\n"x\ny","z\n');
    const e = await readError(p);
    expect(e.code).toBe('FERRY_ERR_CSV_UNTERMINATED_QUOTE');
    expect(e.context.line).toBe(3);
  });

  it('yields the records before an unterminated quote', async () => {
    const p = await file('unterminated3.csv', 'a,b\n1,2\n3,"x\n');
    const seen: number[] = [];
    await expect(async () => {
      for await (const r of readCsvRecords(p)) seen.push(r.line);
    }).rejects.toThrow(FerryError);
    expect(seen).toEqual([1, 2]);
  });

  it('refuses a missing file with FERRY_ERR_NOT_FOUND', async () => {
    const e = await readError(join(dir, 'nope.csv'));
    expect(e.code).toBe('FERRY_ERR_NOT_FOUND');
    expect(e.context.file).toBe(join(dir, 'nope.csv'));
  });

  it('refuses a folder', async () => {
    const e = await readError(dir);
    expect(e.code).toBe('FERRY_ERR_INPUT');
    expect(e.message).toContain('is a folder');
  });

  it('validates its options', () => {
    expect(() => resolveCsvReadOptions({ encoding: 'utf-16' as never })).toThrow(/Invalid CSV read option encoding/);
    expect(() => resolveCsvReadOptions({ maxFieldBytes: 0 })).toThrow(FerryError);
    expect(() => resolveCsvReadOptions({ delimiter: ':' as never })).toThrow(/delimiter/);
    expect(resolveCsvReadOptions({})).toEqual({
      encoding: 'auto',
      maxFieldBytes: 16 * 1024 * 1024,
      delimiter: ',',
      headed: false,
    });
  });
});

describe('readCsvRecords: field size', () => {
  it('parses a 10 MB quoted field under the default limit', async () => {
    const big = `${'x'.repeat(5_000_000)},"\n${'y'.repeat(5_000_000)}`;
    const p = await file('big-field.csv', `id,note\n1,"${big.replaceAll('"', '""')}"\n2,small\n`);
    const records = await read(p);
    expect(records).toHaveLength(3);
    expect(records[1]?.fields[1]).toBe(big);
    expect(records[2]).toEqual({ line: 4, fields: ['2', 'small'] });
  });

  it('parses a 10 MB unquoted field under the default limit', async () => {
    const big = 'z'.repeat(10_000_000);
    const p = await file('big-unquoted.csv', `id,note\n1,${big}\n`);
    const records = await read(p);
    expect(records[1]?.fields[1]?.length).toBe(10_000_000);
  });

  it('refuses a field over a configured limit, naming file and line', async () => {
    const p = await file('limit.csv', 'id,note\n1,short\n2,"this field is longer than twenty bytes"\n');
    const e = await readError(p, { maxFieldBytes: 20 });
    expect(e.code).toBe('FERRY_ERR_CSV_FIELD_TOO_LARGE');
    expect(e.context).toEqual({ file: p, line: 3 });
    expect(e.message).toContain('field 2');
    expect(e.message).toContain('20 bytes');
  });

  it('counts the limit in bytes of the encoding, not characters', async () => {
    // 'é' is 2 bytes in UTF-8: 8 characters, 16 bytes.
    const p = await file('limit-bytes.csv', 'a\néééééééé\n');
    await expect(read(p, { maxFieldBytes: 16 })).resolves.toHaveLength(2);
    expect((await readError(p, { maxFieldBytes: 15 })).code).toBe('FERRY_ERR_CSV_FIELD_TOO_LARGE');
  });

  it('stops an unbounded field without reading the whole file into memory', async () => {
    // One open quoted field of 3 MB; the limit is 64 KiB: the error comes long before the end.
    const p = await file('runaway.csv', `a\n"${'q'.repeat(3_000_000)}`);
    const e = await readError(p, { maxFieldBytes: 65_536 });
    expect(e.code).toBe('FERRY_ERR_CSV_FIELD_TOO_LARGE');
    expect(e.context.line).toBe(2);
    expect(e.message).toContain('a quoted field still open: is its quote unbalanced?');
    // Headed (as sources are read), it is the same error: a runaway quote is not split into lines past the limit.
    expect((await readError(p, { maxFieldBytes: 65_536, headed: true })).code).toBe('FERRY_ERR_CSV_FIELD_TOO_LARGE');
  });
});

describe('readCsvRecords: chunking', () => {
  it('gives the same records whatever the chunk boundaries', async () => {
    // Records of varied shapes repeated past many chunk boundaries (1 MiB, then every 64 KiB).
    const rows: string[][] = [];
    let text = 'id,name,note\r\n';
    for (let i = 0; text.length < 3_500_000; i++) {
      const note = i % 7 === 0 ? `multi\nline ${i}, "q"` : i % 5 === 0 ? 'é£€ ünïcödé' : `plain ${i}`;
      const name = i % 3 === 0 ? `Name, ${i}` : `N${i}`;
      rows.push([String(i), name, note]);
      const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
      text += `${i},${q(name)},${q(note)}${i % 2 ? '\n' : '\r\n'}`;
    }
    const p = await file('chunks.csv', text);
    const records = await read(p);
    expect(records.slice(1).map((r) => r.fields)).toEqual(rows);
    // Physical lines: every multi-line note adds one.
    let line = 2;
    for (let i = 0; i < rows.length; i++) {
      expect(records[i + 1]?.line).toBe(line);
      line += 1 + (rows[i]![2]!.split('\n').length - 1);
    }
  });

  it('yields batches that concatenate to the record stream', async () => {
    const p = await file('batches.csv', `a\n${Array.from({ length: 300_000 }, (_, i) => i).join('\n')}\n`);
    let count = 0;
    let batches = 0;
    for await (const batch of readCsvBatches(p)) {
      batches++;
      count += batch.length;
    }
    expect(count).toBe(300_001);
    expect(batches).toBeGreaterThan(1);
  });
});

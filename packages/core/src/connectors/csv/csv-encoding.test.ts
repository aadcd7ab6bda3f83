import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FerryError } from '../../errors.js';
import { CsvChunkDecoder, decodeWindows1252 } from './csv-chunk-decoder.js';
import { detectCsvEncoding } from './csv-encoding-detector.js';
import { csvChunkBytes, detectCsvFileEncoding, readCsvRecords } from './csv-reader.js';
import type { CsvReadOptions, CsvRecord } from './csv-record.js';
import { completeUtf8Length, firstInvalidUtf8 } from './utf8-validation.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-csv-encoding-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: Buffer): Promise<string> {
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

// "£" is 0xA3 and "é" 0xE9 in both Windows-1252 and Latin-1; "€" is 0x80 and "’" 0x92 in Windows-1252 only.
const cp1252 = Buffer.from([
  ...Buffer.from('id,name,fee\r\n1,Ren'),
  0xe9,
  ...Buffer.from(',"'),
  0xa3,
  ...Buffer.from('12.50"\r\n2,O'),
  0x92,
  ...Buffer.from('Neill,'),
  0x80,
  ...Buffer.from('5\r\n'),
]);

describe('Windows-1252 and Latin-1', () => {
  it('detects a Windows-1252 file and decodes £, é, € and a curly apostrophe', async () => {
    const p = await file('cp1252.csv', cp1252);
    expect((await read(p)).map((r) => r.fields)).toEqual([
      ['id', 'name', 'fee'],
      ['1', 'René', '£12.50'],
      ['2', 'O’Neill', '€5'],
    ]);
    expect((await detectCsvFileEncoding(p)).encoding).toBe('windows-1252');
    expect((await detectCsvFileEncoding(p)).source).toBe('not-utf-8');
  });

  it('reads the same file when windows-1252 is declared', async () => {
    const p = await file('cp1252-declared.csv', cp1252);
    expect((await read(p, { encoding: 'windows-1252' }))[1]?.fields).toEqual(['1', 'René', '£12.50']);
  });

  it('reads a declared Latin-1 file, where 0x80–0x9F are C1 control characters', async () => {
    const p = await file('latin1.csv', Buffer.from([...Buffer.from('a,b\n'), 0xa3, 0x2c, 0xe9, 0x80, 0x0a]));
    expect((await read(p, { encoding: 'latin1' }))[1]?.fields).toEqual(['£', 'é\u0080']);
    expect((await read(p, { encoding: 'windows-1252' }))[1]?.fields).toEqual(['£', 'é€']);
  });

  it('decodes every Windows-1252 byte as iconv-lite does', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const ours = decodeWindows1252(all);
    const theirs = iconv.decode(all, 'windows-1252');
    for (let i = 0; i < 256; i++) {
      // iconv-lite leaves the five unassigned bytes as U+FFFD; we keep their C1 code point (as WHATWG does).
      if ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(i)) expect(ours.charCodeAt(i)).toBe(i);
      else expect(ours[i]).toBe(theirs[i]);
    }
  });
});

describe('UTF-8', () => {
  it('detects plain UTF-8 (and ASCII) as UTF-8', async () => {
    const p = await file('utf8.csv', Buffer.from('a,b\nZoë,£3\n'));
    expect(await detectCsvFileEncoding(p)).toEqual({ encoding: 'utf-8', bomLength: 0, source: 'valid-utf-8' });
    expect((await read(p))[1]?.fields).toEqual(['Zoë', '£3']);
  });

  it('refuses invalid UTF-8 in a file declared UTF-8, naming the line', async () => {
    const p = await file(
      'bad-declared.csv',
      Buffer.from([...Buffer.from('a,b\n1,2\n3,'), 0xa3, ...Buffer.from('4\n5,6\n')]),
    );
    const e = await readError(p, { encoding: 'utf-8' });
    expect(e.code).toBe('FERRY_ERR_CSV_ENCODING');
    expect(e.context).toEqual({ file: p, line: 3 });
    expect(e.message).toContain('windows-1252');
  });

  it('decides from the whole file: a stray byte after the first chunk of an ASCII file makes it Windows-1252', async () => {
    // The first 1 MiB is clean ASCII; the only non-ASCII byte, 0xE9, sits far later: the file is Windows-1252 throughout.
    const lines = Math.ceil(csvChunkBytes / 9) + 5;
    const head = 'id,name\n'.concat('1,ABCDEF\n'.repeat(lines - 1));
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from('2,x\n3,Ren'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const p = await file('late-cp1252.csv', bytes);
    expect(await detectCsvFileEncoding(p)).toEqual({ encoding: 'windows-1252', bomLength: 0, source: 'not-utf-8' });
    const records = await read(p);
    expect(records.at(-1)).toEqual({ line: lines + 2, fields: ['3', 'Ren\u00e9'] });
  });

  it('refuses a file mixing UTF-8 and other bytes, naming the first line that is not UTF-8 (never read as cp1252)', async () => {
    // A valid UTF-8 "Ní Bhriain" early, and one stray Windows-1252 byte after the first chunk.
    const lines = Math.ceil(csvChunkBytes / 9) + 5;
    const bytes = Buffer.concat([
      Buffer.from('id,name\n1,N\u00ed Bhriain\n'),
      Buffer.from('1,ABCDEF\n'.repeat(lines)),
      Buffer.from('2,CAF'),
      Buffer.from([0xc9]),
      Buffer.from('\n3,x\n'),
    ]);
    const p = await file('mixed-late.csv', bytes);
    const seen: number[] = [];
    const e = await (async () => {
      try {
        for await (const r of readCsvRecords(p)) seen.push(r.line);
      } catch (err) {
        return err as FerryError;
      }
      throw new Error('expected an error');
    })();
    expect(e.code).toBe('FERRY_ERR_CSV_ENCODING');
    expect(e.context).toEqual({ file: p, line: lines + 3 });
    expect(e.message).toContain('mixes encodings');
    expect(e.message).toContain('line 2 holds UTF-8');
    // Decided before any record is read: nothing was delivered.
    expect(seen).toEqual([]);
  });

  it('refuses a mixed file inside the first chunk too (the old rule read it all as Windows-1252)', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id,name\n1,N\u00ed Bhriain\n2,CAF'),
      Buffer.from([0xc9]),
      Buffer.from('\n'),
    ]);
    const e = await readError(await file('mixed.csv', bytes));
    expect(e.code).toBe('FERRY_ERR_CSV_ENCODING');
    expect(e.context.line).toBe(3);
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252 unless an encoding is declared', async () => {
    const bytes = Buffer.concat([Buffer.from('id,name\n1,a'), Buffer.from([0x81]), Buffer.from('\n')]);
    const p = await file('neither.csv', bytes);
    const e = await readError(p);
    expect(e.code).toBe('FERRY_ERR_CSV_ENCODING');
    expect(e.describe()).toMatch(/neither\.csv:2: the file is not UTF-8/);
    expect((await read(p, { encoding: 'latin1' }))[1]!.fields).toEqual(['1', 'a\u0081']);
  });

  it('refuses a UTF-8 character cut off by the end of the file', async () => {
    const p = await file('cut.csv', Buffer.from([...Buffer.from('a\nb\nx'), 0xc3]));
    const e = await readError(p, { encoding: 'utf-8' });
    expect(e.code).toBe('FERRY_ERR_CSV_ENCODING');
    expect(e.context.line).toBe(3);
  });

  it('reads a multi-byte character that straddles a chunk boundary', async () => {
    const pad = 'a'.repeat(csvChunkBytes - 3);
    const p = await file('straddle.csv', Buffer.from(`h\n${pad}€\n`));
    expect((await read(p))[1]?.fields[0]).toBe(`${pad}€`);
  });

  it('refuses UTF-16 (byte order mark) and NUL bytes with a clear error', async () => {
    const u16 = await file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]));
    const e = await readError(u16);
    expect(e.code).toBe('FERRY_ERR_CSV_ENCODING');
    expect(e.message).toContain('UTF-16');
    const nul = await file('utf16-nobom.csv', Buffer.from('a,b\n1,2\n', 'utf16le'));
    expect((await readError(nul)).message).toContain('NUL');
  });

  it('refuses a UTF-8 BOM on a file declared windows-1252', async () => {
    const p = await file('bom-1252.csv', Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('a\n')]));
    const e = await readError(p, { encoding: 'windows-1252' });
    expect(e.code).toBe('FERRY_ERR_CSV_ENCODING');
    expect(e.message).toContain('declared windows-1252');
  });
});

describe('encoding helpers', () => {
  it('detectCsvEncoding honours a declared encoding and a BOM', () => {
    expect(detectCsvEncoding(Buffer.from('a\n'), 'latin1', 'x', true)).toEqual({
      encoding: 'latin1',
      bomLength: 0,
      source: 'declared',
    });
    expect(detectCsvEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 'auto', 'x', true).source).toBe('bom');
    // A sample cut inside a character is still UTF-8 when more of the file follows.
    expect(detectCsvEncoding(Buffer.from([0x61, 0xe2, 0x82]), 'auto', 'x', false).encoding).toBe('utf-8');
    expect(detectCsvEncoding(Buffer.from([0x61, 0xe2, 0x82]), 'auto', 'x', true).encoding).toBe('windows-1252');
  });

  it('completeUtf8Length finds where an incomplete character starts', () => {
    expect(completeUtf8Length(Buffer.from('ab'))).toBe(2);
    expect(completeUtf8Length(Buffer.from('a€'))).toBe(4);
    expect(completeUtf8Length(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1);
    expect(completeUtf8Length(Buffer.from([0x61, 0xf0, 0x9f, 0x98]))).toBe(1);
    expect(completeUtf8Length(Buffer.from([0x61, 0xc3]))).toBe(1);
  });

  it('firstInvalidUtf8 finds overlong forms, surrogates, stray continuation bytes and bad leads', () => {
    expect(firstInvalidUtf8(Buffer.from('héllo €😀'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xf5, 0x80, 0x80, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x28, 0xa1]))).toBe(1);
  });

  it('CsvChunkDecoder carries a split character into the next chunk', () => {
    const d = new CsvChunkDecoder('utf-8');
    const euro = Buffer.from('€');
    expect(d.decode(Buffer.from([0x61, euro[0]!]))).toEqual({ text: 'a', invalid: false });
    expect(d.decode(Buffer.from([euro[1]!, euro[2]!, 0x62]))).toEqual({ text: '€b', invalid: false });
    expect(d.end()).toEqual({ text: '', invalid: false });
    const bad = new CsvChunkDecoder('utf-8');
    expect(bad.decode(Buffer.from([0x61, 0x62, 0xff, 0x63]))).toEqual({ text: 'ab', invalid: true });
  });
});

import { describe, expect, it } from 'vitest';
import { FerryError } from '../../errors.js';
import type { CsvRecord } from './csv-record.js';
import { CsvRecordParser } from './csv-record-parser.js';
import { parseCsvText, parseCsvTextRecords } from './csv-text-parser.js';

describe('parseCsvText', () => {
  it('parses RFC 4180 text', () => {
    expect(parseCsvText('id,name\r\n1,"O""Brien, Pat"\r\n2,"a\nb"\n')).toEqual([
      ['id', 'name'],
      ['1', 'O"Brien, Pat'],
      ['2', 'a\nb'],
    ]);
  });

  it('drops a BOM and keeps line numbers', () => {
    expect(parseCsvTextRecords('\ufeffa\n"x\n\ny"\nz')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['x\n\ny'] },
      { line: 5, fields: ['z'] },
    ]);
  });

  it('parses empty text as no rows', () => {
    expect(parseCsvText('')).toEqual([]);
  });

  it('throws on an unterminated quote, naming the given file', () => {
    expect(() => parseCsvTextRecords('a\n"b', 'cat.csv')).toThrow(FerryError);
    try {
      parseCsvTextRecords('a\n"b', 'cat.csv');
    } catch (e) {
      expect((e as FerryError).describe()).toMatch(/^cat\.csv:2: /);
    }
  });
});

describe('CsvRecordParser fed one character at a time', () => {
  it('gives the same records as one push, for every tricky shape', () => {
    const text = 'a,"b,c","d""e"\r\n"x\r\ny",,\n"q"r,s"t\n,\r\n"",""""\n"end"\r';
    const whole = parseCsvTextRecords(text);
    const p = new CsvRecordParser({ file: 't', maxFieldBytes: 1000 });
    const out: CsvRecord[] = [];
    for (const ch of text) p.push(ch, out);
    p.end(out);
    expect(out).toEqual(whole);
    expect(whole).toEqual([
      { line: 1, fields: ['a', 'b,c', 'd"e'] },
      { line: 2, fields: ['x\r\ny', '', ''] },
      { line: 4, fields: ['qr', 's"t'] },
      { line: 5, fields: ['', ''] },
      { line: 6, fields: ['', '"'] },
      { line: 7, fields: ['end'] },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { CsvRecord } from './csv-record.js';
import { CsvRecordParser } from './csv-record-parser.js';
import { CsvRecordSplitter } from './csv-record-splitter.js';

const limits = { file: 't.csv', maxFieldBytes: 1 << 20 };

function parseWhole(text: string): CsvRecord[] {
  const p = new CsvRecordParser(limits);
  const out: CsvRecord[] = [];
  p.push(text, out);
  p.end(out);
  return out.slice(1);
}

/** Splits the text (pushed in the given pieces), then parses each chunk on its own from its first line. */
function parseSplit(pieces: Buffer[], recordsPerChunk: number): { records: CsvRecord[]; counts: number[] } {
  const s = new CsvRecordSplitter({ recordsPerChunk, file: 't.csv', maxRecordChars: 1 << 26 });
  const chunks = pieces.flatMap((p) => s.push(p));
  chunks.push(...s.end());
  const records: CsvRecord[] = [];
  const counts: number[] = [];
  for (const c of chunks) {
    const p = new CsvRecordParser({ ...limits, firstLine: c.firstLine });
    const out: CsvRecord[] = [];
    const text = Buffer.from(c.bytes.buffer, c.bytes.byteOffset, c.bytes.byteLength).toString('utf8');
    p.push(text, out);
    p.end(out);
    expect(out.length, JSON.stringify(text)).toBe(c.records);
    counts.push(out.length);
    records.push(...out);
  }
  return { records, counts };
}

describe('CsvRecordSplitter', () => {
  it('cuts whole records, header left out, numbered by physical line', () => {
    const text = 'id,note\r\n1,"a\r\nb"\r\n2,x\r\n3,"say ""hi"", then"\r\n4,last';
    const { records, counts } = parseSplit([Buffer.from(text)], 2);
    expect(counts).toEqual([2, 2]);
    expect(records).toEqual([
      { line: 2, fields: ['1', 'a\r\nb'] },
      { line: 4, fields: ['2', 'x'] },
      { line: 5, fields: ['3', 'say "hi", then'] },
      { line: 6, fields: ['4', 'last'] },
    ]);
  });

  it('agrees with the parser on random CSV text cut at random places', () => {
    let seed = 5;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const atoms = ['a', 'bc', ',', ',', '"', '""', '\n', '\r\n', '\r', ' ', 'é', '"x,y"', '"p\nq"', 'z"w'];
    for (let round = 0; round < 3000; round++) {
      let text = 'h1,h2\n';
      const n = rnd(60);
      for (let i = 0; i < n; i++) text += atoms[rnd(atoms.length)];
      // Unterminated quotes are the parser's error to raise; keep texts it can read whole.
      let whole: CsvRecord[];
      try {
        whole = parseWhole(text);
      } catch {
        continue;
      }
      // Cut anywhere, inside a character's bytes too.
      const bytes = Buffer.from(text);
      const pieces: Buffer[] = [];
      for (let at = 0; at < bytes.length; ) {
        const step = 1 + rnd(7);
        pieces.push(bytes.subarray(at, at + step));
        at += step;
      }
      const { records } = parseSplit(pieces, 1 + rnd(4));
      expect(records, JSON.stringify(text)).toEqual(whole);
    }
  });

  it('agrees with the headed parser (malformed records, any delimiter and line end) on random text', () => {
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (const [delimiter, newline] of [
      [',', 'lf'],
      [';', 'cr'],
      ['\t', 'lf'],
    ] as const) {
      const nl = newline === 'cr' ? '\r' : '\n';
      const atoms = ['a', 'bc', delimiter, delimiter, '"', '""', nl, nl, ' ', 'é', `"x${delimiter}y"`, `"p${nl}q"`];
      for (let round = 0; round < 1500; round++) {
        let text = `h1${delimiter}h2${nl}`;
        const n = rnd(60);
        for (let i = 0; i < n; i++) text += atoms[rnd(atoms.length)];
        const options = { file: 't.csv', maxFieldBytes: 1 << 20, delimiter, newline };
        const p = new CsvRecordParser({ ...options, headed: true });
        const whole: CsvRecord[] = [];
        p.push(text, whole);
        p.end(whole);
        const bytes = Buffer.from(text);
        const s = new CsvRecordSplitter({
          recordsPerChunk: 1 + rnd(3),
          file: 't.csv',
          maxRecordChars: 1 << 26,
          delimiter,
          newline,
        });
        const chunks = [];
        for (let at = 0; at < bytes.length; ) {
          const step = 1 + rnd(7);
          chunks.push(...s.push(bytes.subarray(at, at + step)));
          at += step;
        }
        chunks.push(...s.end());
        const split: CsvRecord[] = [];
        for (const c of chunks) {
          const q = new CsvRecordParser({ ...options, firstLine: c.firstLine, expectedFields: 2 });
          q.push(Buffer.from(c.bytes).toString('utf8'), split);
          q.end(split);
        }
        expect(split, JSON.stringify(text)).toEqual(whole.slice(1));
      }
    }
  });

  it('keeps the line of the last character reached, for errors', () => {
    const s = new CsvRecordSplitter({ recordsPerChunk: 10, file: 't.csv', maxRecordChars: 100 });
    s.push(Buffer.from('h\n1\n"a\nb'));
    expect(s.currentLine()).toBe(4);
  });

  it('refuses a record with no end within the limit, naming the line it starts on', () => {
    const s = new CsvRecordSplitter({ recordsPerChunk: 10, file: 't.csv', maxRecordChars: 50 });
    s.push(Buffer.from('h\n1\n'));
    expect(() => s.push(Buffer.from(`"${'x'.repeat(60)}`))).toThrow(
      expect.objectContaining({ code: 'FERRY_ERR_CSV_FIELD_TOO_LARGE' }),
    );
  });
});

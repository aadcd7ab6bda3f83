import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';
import { csvFileOfSource, formatTable, previewKeys } from './preview.js';

/** `ferry ARGS` in-process through the real `main()`: same parsing, output and exit codes. */
const ferry = runFerry;

async function json(...args: string[]): Promise<unknown> {
  const r = await ferry(...args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

let dir: string;
const f = (name: string) => `csv:${join(dir, name)}`;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-cli-preview-'));
  const files: Record<string, string | Buffer> = {
    'quoted.csv': 'id,name,note\n1,"Smith, John","He said ""hi"""\n2,"O\'Brien","line one\nline two"\n',
    'crlf.csv': 'id,name\r\n1,A\r\n2,B\r\n',
    'mixed.csv': 'id,name\r\n1,A\n2,B\r\n',
    'bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n1,Zoë\n')]),
    'cp1252.csv': Buffer.concat([
      Buffer.from('id,name,fee\n1,Ren'),
      Buffer.from([0xe9]),
      Buffer.from(','),
      Buffer.from([0xa3]),
      Buffer.from('5\n'),
    ]),
    'ragged.csv': 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n',
    'truncated.csv': 'a,b\n1,2\n3,4',
    'header-only.csv': 'a,b\n',
    'empty.csv': '',
    'unterminated.csv': 'a,b\n1,"open\n2,3\n',
    'bad-utf8.csv': Buffer.concat([Buffer.from('a\nok\nbad '), Buffer.from([0xff]), Buffer.from('\n')]),
    'dup-header.csv': 'ID,NAME,NAME\n1,x,y\n',
    'many.csv': `n\n${Array.from({ length: 25 }, (_, i) => i + 1).join('\n')}\n`,
  };
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ferry preview --json', () => {
  it('keeps quoted commas, doubled quotes and newlines exactly', async () => {
    expect(await json('preview', '--source', f('quoted.csv'), '--json')).toEqual([
      { id: '1', name: 'Smith, John', note: 'He said "hi"' },
      { id: '2', name: "O'Brien", note: 'line one\nline two' },
    ]);
  });

  it('reads CRLF, mixed line endings and a last line without newline', async () => {
    const ab = [
      { id: '1', name: 'A' },
      { id: '2', name: 'B' },
    ];
    expect(await json('preview', '--source', f('crlf.csv'), '--json')).toEqual(ab);
    expect(await json('preview', '--source', f('mixed.csv'), '--json')).toEqual(ab);
    expect(await json('preview', '--source', f('truncated.csv'), '--json')).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });

  it('strips a BOM and decodes Windows-1252 (detected or declared)', async () => {
    expect(await json('preview', '--source', f('bom.csv'), '--json')).toEqual([{ id: '1', name: 'Zoë' }]);
    const cp = [{ id: '1', name: 'René', fee: '£5' }];
    expect(await json('preview', '--source', f('cp1252.csv'), '--json')).toEqual(cp);
    expect(await json('preview', '--source', f('cp1252.csv'), '--json', '--encoding', 'windows-1252')).toEqual(cp);
  });

  it('shows ragged rows and reports them on stderr with their lines', async () => {
    const r = await ferry('preview', '--source', f('ragged.csv'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { a: '1', b: '2', c: '3' },
      { a: '4', b: '5' },
      { a: '6', b: '7', c: '8', _extra_1: '9' },
    ]);
    const file = join(dir, 'ragged.csv');
    expect(r.stderr).toBe(
      `ferry: warning: ${file}:3: record has 2 fields, header has 3\n` +
        `ferry: warning: ${file}:4: record has 4 fields, header has 3\n`,
    );
  });

  it('gives an empty array for a header-only file, and keys repeated names apart', async () => {
    expect(await json('preview', '--source', f('header-only.csv'), '--json')).toEqual([]);
    expect(await json('preview', '--source', f('dup-header.csv'), '--json')).toEqual([
      { ID: '1', NAME: 'x', NAME_2: 'y' },
    ]);
  });

  it('shows 10 rows by default, or --limit N', async () => {
    expect(await json('preview', '--source', f('many.csv'), '--json')).toHaveLength(10);
    expect(await json('preview', '--source', f('many.csv'), '--json', '--limit', '3')).toEqual([
      { n: '1' },
      { n: '2' },
      { n: '3' },
    ]);
    expect(await json('preview', '--source', f('many.csv'), '--json', '--limit', '0')).toEqual([]);
  });
});

describe('ferry preview (table)', () => {
  it('prints an aligned table with line numbers and cut long cells', async () => {
    const r = await ferry('preview', '--source', f('quoted.csv'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'line  id  name         note',
        '----  --  -----------  -----------------',
        '2     1   Smith, John  He said "hi"',
        "3     2   O'Brien      line one↵line two",
        '(2 rows shown; encoding utf-8)',
        '',
      ].join('\n'),
    );
    expect(formatTable(['h'], [['x'.repeat(5)]])).toBe('h\n-----\nxxxxx\n');
  });
});

describe('ferry preview errors (exit 2, clear message)', () => {
  it('a missing file', async () => {
    const r = await ferry('preview', '--source', f('nope.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ferry: ${join(dir, 'nope.csv')}: file not found\n`);
  });

  it('an unknown scheme or no scheme', async () => {
    const r = await ferry('preview', '--source', 'xlsx:book.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ferry: unknown source scheme 'xlsx:' (preview reads csv:FILE)\n");
    expect((await ferry('preview', '--source', 'book.csv')).stderr).toContain('--source must be csv:FILE');
  });

  it('bad options', async () => {
    const limit = await ferry('preview', '--source', f('crlf.csv'), '--limit', 'ten');
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain("--limit must be a non-negative integer, got 'ten'");
    const enc = await ferry('preview', '--source', f('crlf.csv'), '--encoding', 'utf-16');
    expect(enc.code).toBe(2);
    expect(enc.stderr).toContain('utf-16');
    expect((await ferry('preview')).code).toBe(2);
  });

  it('a folder, an empty file, invalid UTF-8', async () => {
    expect((await ferry('preview', '--source', `csv:${dir}`)).stderr).toContain(
      'preview takes one CSV file, not a folder',
    );
    const empty = await ferry('preview', '--source', f('empty.csv'));
    expect([empty.code, empty.stderr]).toEqual([
      2,
      `ferry: ${join(dir, 'empty.csv')}: the file is empty: it has no header row\n`,
    ]);
    const bad = await ferry('preview', '--source', f('bad-utf8.csv'), '--encoding', 'utf-8');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${join(dir, 'bad-utf8.csv')}:3: invalid UTF-8`);
  });
});

describe('ferry preview: how a file is read', () => {
  it('shows the lines an unclosed quote swallowed, one per line, with a warning naming them', async () => {
    const open = await ferry('preview', '--source', f('unterminated.csv'), '--json');
    expect(open.code).toBe(0);
    expect(JSON.parse(open.stdout)).toEqual([
      { a: '1', b: 'open' },
      { a: '2', b: '3' },
    ]);
    expect(open.stderr).toBe(
      `ferry: warning: ${join(dir, 'unterminated.csv')}:2: a quote in the record starting on line 2 is not closed before the end of the file: lines 2-3 are not loaded\n`,
    );
    const table = await ferry('preview', '--source', f('unterminated.csv'));
    expect(table.stdout).toMatch(/^2 not loaded +1 +open *$/m);
    expect(table.stdout).toMatch(/^3 not loaded +2 +3 *$/m);
    expect(table.stdout).toContain('(2 rows shown; encoding utf-8; 2 not loaded (unbalanced quote))');
  });

  it('reads semicolon, tab and bare-CR files as their columns and rows (one column, or 0 rows, before)', async () => {
    await writeFile(join(dir, 'semi.csv'), 'id;name\n1;Smith, J\n');
    await writeFile(join(dir, 'cr.csv'), 'id,name\r1,A\r2,B\r');
    await writeFile(join(dir, 'ambiguous.csv'), 'a,b;c,d\n1,2;3,4\n');
    expect(await json('preview', '--source', f('semi.csv'), '--json')).toEqual([{ id: '1', name: 'Smith, J' }]);
    const cr = await ferry('preview', '--source', f('cr.csv'));
    expect(cr.stdout).toContain('(2 rows shown; encoding utf-8; lines end with CR)');
    const semi = await ferry('preview', '--source', f('semi.csv'));
    expect(semi.stdout).toContain('(1 row shown; encoding utf-8; delimiter semicolon)');
    const ambiguous = await ferry('preview', '--source', f('ambiguous.csv'));
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('the field delimiter is ambiguous');
    expect(await json('preview', '--source', f('ambiguous.csv'), '--delimiter', 'semicolon', '--json')).toEqual([
      { 'a,b': '1,2', 'c,d': '3,4' },
    ]);
    expect((await ferry('preview', '--source', f('semi.csv'), '--delimiter', 'colon')).code).toBe(2);
  });
});

describe('preview helpers', () => {
  it('names 100,000 repeated header columns in linear time (the old probing was quadratic: minutes)', () => {
    const keys = previewKeys(new Array<string>(100_000).fill('A'), 100_001);
    expect(keys[0]).toBe('A');
    expect(keys[1]).toBe('A_2');
    expect(keys[99_999]).toBe('A_100000');
    expect(keys[100_000]).toBe('_extra_1');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('csvFileOfSource and previewKeys', () => {
    expect(csvFileOfSource('csv:a/b.csv')).toBe('a/b.csv');
    expect(csvFileOfSource('CSV:x.csv')).toBe('x.csv');
    expect(() => csvFileOfSource('csv:')).toThrow('needs a file name');
    expect(previewKeys(['A', 'A', 'A_2', ''], 6)).toEqual(['A', 'A_2', 'A_2_2', '', '_extra_1', '_extra_2']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv-text-parser.js';
import { formatCsvRow, formatExactCsvRow, guardCsvCell, unguardCsvCell } from './csv-writer.js';

describe('CSV formula guard (OWASP CSV injection)', () => {
  const attacks = [
    "=2+5+cmd|' /C calc'!A0",
    '+SUM(A1:A2)',
    '-2+3+cmd|x',
    '@SUM(1)',
    '\t=1',
    '\r=1',
    "'=already guarded",
    "''@twice",
  ];

  it('prefixes every cell a spreadsheet would run as a formula with a quote', () => {
    for (const a of attacks) expect(guardCsvCell(a), JSON.stringify(a)).toBe(`'${a}`);
  });

  it('leaves plain numbers and ordinary text alone', () => {
    for (const v of ['-3.5', '+44', '-.5', '12', "O'Brien", "'quoted", 'a=b', '', 'SMITH'])
      expect(guardCsvCell(v), v).toBe(v);
  });

  it('is reversible: unguard(guard(x)) is x for attacks, numbers and text alike', () => {
    for (const v of [...attacks, '-3.5', "O'Brien", "'quoted", "'", "''", 'plain'])
      expect(unguardCsvCell(guardCsvCell(v)), JSON.stringify(v)).toBe(v);
  });

  it('formatCsvRow guards and quotes; formatExactCsvRow writes the values unchanged', () => {
    const row = ['1', '=1+1', 'a,b', '-2'];
    expect(formatCsvRow(row)).toBe('1,\'=1+1,"a,b",-2\n');
    expect(formatExactCsvRow(row)).toBe('1,=1+1,"a,b",-2\n');
    const [parsed] = parseCsvText(formatCsvRow(['\t=1', 'x']));
    expect(parsed).toEqual(["'\t=1", 'x']);
  });
});

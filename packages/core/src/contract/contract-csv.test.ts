import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../connectors/csv/csv-text-parser.js';
import { formatCsvRow } from '../connectors/csv/csv-writer.js';
import { FerryError } from '../errors.js';
import { contractCsvHeader, formatContractCsv, writeContractCsv } from './contract-csv.js';
import { parseContractCsv, readContractCsv } from './contract-csv-parser.js';
import { readContractFile } from './contract-file.js';
import { contractHash } from './contract-hash.js';
import { nhsPasContractPath, smallContract } from './contract-test-fixture.js';

function errorOf(fn: () => unknown): FerryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FerryError) return e;
    throw e;
  }
  throw new Error('expected a FerryError');
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-contract-csv-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('contract CSV round trip', () => {
  it('export -> import gives the same contractHash on the real nhs-pas contract (869 rows), through a file too', async () => {
    const contract = await readContractFile(nhsPasContractPath);
    const csv = formatContractCsv(contract);
    expect(csv.split('\n')).toHaveLength(869 + 2);
    const back = parseContractCsv(csv, 'contract.csv');
    expect(back).toStrictEqual(contract);
    expect(contractHash(back)).toBe(contractHash(contract));
    const path = join(dir, 'nested', 'nhs-pas.csv');
    await writeContractCsv(contract, path);
    expect(contractHash(await readContractCsv(path))).toBe(contractHash(contract));
  });

  it('keeps status, reviewer, equivalence, notes, owner, defaults and every table-level attribute', () => {
    const contract = smallContract();
    const back = parseContractCsv(formatContractCsv(contract), 'c.csv');
    expect(back).toStrictEqual(contract);
    expect(back.tables[0]!.fields[1]).toStrictEqual({
      target: 'SEX',
      source: ['SEX'],
      combine: 'coalesce',
      separator: ' ',
      transform: ['trim', 'upper'],
      crosswalk: 'gender',
      mandatory: false,
      onInvalid: 'reject',
      defaults: {},
      status: 'reviewed',
      owner: 'PMI team',
      reviewer: 'A. Analyst',
      reviewedAt: '2026-01-10T09:00:00Z',
      equivalence: 'equivalent',
    });
    // A key column with '|' in its name survives the list encoding.
    expect(back.tables[1]!.sourceKey).toEqual(['REF_ID', 'SEQ|NO']);
  });

  it('writes the table context on every row of the table', () => {
    const rows = parseCsvText(formatContractCsv(smallContract()));
    expect(rows[0]).toEqual([...contractCsvHeader]);
    const at = (name: string) => contractCsvHeader.indexOf(name as (typeof contractCsvHeader)[number]);
    expect(
      rows.slice(1).map((r) => [r[at('target_table')], r[at('domain')], r[at('source_key')], r[at('parents')]]),
    ).toEqual([
      ['LOAD_PMI', 'PMI', 'PAT_ID', ''],
      ['LOAD_PMI', 'PMI', 'PAT_ID', ''],
      ['LOAD_PMI', 'PMI', 'PAT_ID', ''],
      ['LOAD_PMI', 'PMI', 'PAT_ID', ''],
      ['LOAD_PMI', 'PMI', 'PAT_ID', ''],
      ['LOAD_REFERRALS', 'REF', 'REF_ID|SEQ\\|NO', 'PMI_RECORD_NUMBER>LOAD_PMI'],
      ['LOAD_REFERRALS', 'REF', 'REF_ID|SEQ\\|NO', 'PMI_RECORD_NUMBER>LOAD_PMI'],
    ]);
    expect(rows[1]![at('out_of_scope')]).toBe(
      '{"column":"REC_STATUS","outOfScopeValues":["D","M"],"reason":"Deleted, or \\"merged\\" away"}',
    );
  });

  it('reads a spreadsheet edit: status, reviewer and notes changed, case and spaces tolerated', () => {
    const rows = parseCsvText(formatContractCsv(smallContract()));
    const at = (name: string) => contractCsvHeader.indexOf(name as (typeof contractCsvHeader)[number]);
    const sex = rows[2]!;
    sex[at('status')] = 'Approved';
    sex[at('reviewer')] = ' B. Lead ';
    sex[at('reviewed_at')] = '2026-02-01';
    sex[at('notes')] = 'Checked with the PMI team';
    const back = parseContractCsv(rows.map((r) => formatCsvRow(r)).join(''), 'edited.csv');
    expect(back.tables[0]!.fields[1]).toMatchObject({
      status: 'approved',
      reviewer: 'B. Lead',
      reviewedAt: '2026-02-01',
      notes: 'Checked with the PMI team',
    });
  });
});

describe('contract CSV source_format', () => {
  const at = (name: string) => contractCsvHeader.indexOf(name as (typeof contractCsvHeader)[number]);

  it('keeps a declared source date format through export and import', () => {
    const contract = smallContract();
    contract.tables[0]!.fields[1]!.sourceFormat = ['dd/mm/yyyy', 'yyyy-mm-dd'];
    const rows = parseCsvText(formatContractCsv(contract));
    expect(rows[2]![at('source_format')]).toBe('dd/mm/yyyy|yyyy-mm-dd');
    const back = parseContractCsv(formatContractCsv(contract), 'c.csv');
    expect(back.tables[0]!.fields[1]!.sourceFormat).toEqual(['dd/mm/yyyy', 'yyyy-mm-dd']);
    expect(contractHash(back)).toBe(contractHash(contract));
  });

  it('imports a file written before the column existed, with the same hash', () => {
    const contract = smallContract();
    const rows = parseCsvText(formatContractCsv(contract)).map((r) => r.filter((_, i) => i !== at('source_format')));
    const back = parseContractCsv(rows.map((r) => formatCsvRow(r)).join(''), 'old.csv');
    expect(contractHash(back)).toBe(contractHash(contract));
  });

  it('reports unknown formats and formats that read some dates two ways', () => {
    const rows = parseCsvText(formatContractCsv(smallContract()));
    rows[1]![at('source_format')] = 'dd/mm/yyyy|dd.mm.yy';
    rows[2]![at('source_format')] = 'dd/mm/yyyy|mm/dd/yyyy';
    const text = rows.map((r) => formatCsvRow(r)).join('');
    expect(errorOf(() => parseContractCsv(text, 'f.csv')).message.split('\n')).toEqual([
      '2 errors in the contract:',
      "  f.csv:2 field source_format: unknown date format 'dd.mm.yy' (expected dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, yyyymmdd, ddmmyyyy, mmddyyyy, dd/mm/yy, mm/dd/yy, excel_serial, horolog)",
      '  f.csv:3 field source_format: dd/mm/yyyy and mm/dd/yyyy read some dates differently: choose one',
    ]);
  });
});

describe('contract CSV import errors', () => {
  const at = (name: string) => contractCsvHeader.indexOf(name as (typeof contractCsvHeader)[number]);
  function edited(edit: (rows: string[][]) => void): string {
    const rows = parseCsvText(formatContractCsv(smallContract()));
    edit(rows);
    return rows.map((r) => formatCsvRow(r)).join('');
  }

  it('names the line and the field of every problem', () => {
    const text = edited((rows) => {
      rows[1]![at('status')] = 'done';
      rows[2]![at('transform')] = 'trim|tirm';
      rows[3]![at('mandatory')] = 'maybe';
      rows[4]![at('reviewer')] = '';
      rows[4]![at('status')] = 'approved';
      rows[5]![at('reviewed_at')] = '01/02/2026';
      rows[7]![at('domain')] = 'RTT';
    });
    const e = errorOf(() => parseContractCsv(text, 'c.csv'));
    expect(e.code).toBe('FERRY_ERR_CONTRACT_INVALID');
    // Row 3 (FULL_NAME) has a note with a line break: it spans lines 4-5, so the rows after it start a line later.
    expect(e.message.split('\n')).toEqual([
      '7 errors in the contract:',
      "  c.csv:2 field status: unknown value 'done' (expected one of draft, reviewed, approved, rejected)",
      "  c.csv:3 field transform: unknown transform step 'tirm'",
      "  c.csv:4 field mandatory: 'maybe' is not Y or N",
      '  c.csv:6 field reviewer: is blank, but status approved needs who reviewed the row',
      '  c.csv:6 field reviewed_at: is blank, but status approved needs when the row was reviewed',
      "  c.csv:7 field reviewed_at: '01/02/2026' is not an ISO date or date-time (yyyy-mm-dd[Thh:mm[:ss]])",
      "  c.csv:9 field domain: table-level value differs from the table's first row (line 8)",
    ]);
    // The same problems one by one, for an API to return as a list.
    expect(e.issues.map((i) => `${i.line}:${i.field}`)).toEqual([
      '2:status',
      '3:transform',
      '4:mandatory',
      '6:reviewer',
      '6:reviewed_at',
      '7:reviewed_at',
      '9:domain',
    ]);
    expect(e.issues[1]).toEqual({ line: 3, field: 'transform', message: "unknown transform step 'tirm'" });
  });

  it('reports malformed parents, scope filters and combine values', () => {
    const text = edited((rows) => {
      rows[1]![at('out_of_scope')] = '{"column":"REC_STATUS"}';
      rows[6]![at('parents')] = 'PMI_RECORD_NUMBER';
      rows[7]![at('combine')] = 'concat';
    });
    expect(errorOf(() => parseContractCsv(text, 'c.csv')).message.split('\n')).toEqual([
      '3 errors in the contract:',
      '  c.csv:2 field out_of_scope: is not JSON {"column": ..., "outOfScopeValues": [...], "reason": ...}',
      "  c.csv:8 field parents: 'PMI_RECORD_NUMBER' is not FIELD>TABLE",
      "  c.csv:9 field combine: unknown value 'concat' (expected one of coalesce, join)",
    ]);
  });

  it('reports a repeated target column with the line it repeats', () => {
    const text = edited((rows) => {
      rows[3]![at('target_column')] = 'SEX';
    });
    expect(errorOf(() => parseContractCsv(text, 'c.csv')).message).toBe(
      '1 error in the contract:\n  c.csv:4 field target_column: LOAD_PMI.SEX is already on line 3',
    );
  });

  it('reports header problems, ragged rows, empty files and schema failures with lines', () => {
    expect(errorOf(() => parseContractCsv('', 'e.csv')).message).toContain('e.csv: the file is empty');
    expect(errorOf(() => parseContractCsv('target_table,target_column\n', 'h.csv')).message).toContain(
      'h.csv:1 field source_table: required column is missing from the header',
    );
    expect(errorOf(() => parseContractCsv(`${contractCsvHeader.join(',')}\n`, 'n.csv')).message).toContain(
      'n.csv: the file has a header but no rows',
    );
    const ragged = edited((rows) => {
      rows[2] = rows[2]!.slice(0, 5);
    });
    expect(errorOf(() => parseContractCsv(ragged, 'r.csv')).message).toContain(
      'r.csv:3: record has 5 fields, header has 31',
    );
    const unnamed = edited((rows) => {
      for (const r of rows.slice(1)) r[at('contract_name')] = '';
      rows[2]![at('contract_label')] = '9.9.9';
    });
    expect(errorOf(() => parseContractCsv(unnamed, 'u.csv')).message).toContain(
      'u.csv:3 field contract_label: contract-level columns (contract_name .. contract_locked) differ from the first row',
    );
  });
});

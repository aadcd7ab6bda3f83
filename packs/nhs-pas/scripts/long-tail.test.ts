import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogSize, parseCatalogCsv } from '@ferry/core';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from './long-tail/catalog-csv.mjs';
import { parseColumnSpec } from './long-tail/table-spec.mjs';
import { buildLongTail, buildLongTailCatalog } from './long-tail.mjs';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const corePath = here('../catalog/source-core.csv');
const outPath = here('../catalog/source.csv');
const fixturePath = here('./long-tail-fixture-core.csv');
const header =
  'table_name,column_name,data_type,max_length,nullable,primary_key,references,description,code_type,in_scope';

/** Rows of a catalog CSV text as objects keyed by the header. */
function rows(text: string): Record<string, string>[] {
  const [head, ...rest] = parseCsvRecords(text, 'test.csv');
  const names = head?.fields ?? [];
  return rest.map((r) => Object.fromEntries(names.map((n: string, i: number) => [n, r.fields[i] ?? ''])));
}

/** The checks every generated catalog must pass, whatever core it was built from. */
function checkCatalog(coreText: string, csv: string) {
  // The core text comes first, byte for byte.
  expect(csv.startsWith(coreText)).toBe(true);
  const all = rows(csv);
  const coreTables = new Set(rows(coreText).map((r) => r.table_name));
  const tail = all.slice(rows(coreText).length);
  expect(tail.length).toBeGreaterThan(0);

  // Every long-tail table is new and out of scope.
  for (const r of tail) {
    expect(coreTables.has(r.table_name ?? ''), `${r.table_name} repeats a core table`).toBe(false);
    expect(r.in_scope, `${r.table_name}.${r.column_name}`).toBe('false');
  }

  // No (table, column) twice; a table's rows are contiguous.
  const seen = new Set<string>();
  const finished = new Set<string>();
  let current = '';
  for (const r of all) {
    const key = `${r.table_name}.${r.column_name}`;
    expect(seen.has(key), `${key} twice`).toBe(false);
    seen.add(key);
    if (r.table_name !== current) {
      expect(finished.has(r.table_name ?? ''), `${r.table_name} split`).toBe(false);
      finished.add(current);
      current = r.table_name ?? '';
    }
  }

  // Every reference names an existing primary-key column; every long-tail table has a key.
  const keys = new Set(all.filter((r) => r.primary_key === 'true').map((r) => `${r.table_name}.${r.column_name}`));
  for (const r of all) {
    if (r.references) expect(keys.has(r.references), `${r.table_name}.${r.column_name} -> ${r.references}`).toBe(true);
  }
  for (const t of new Set(tail.map((r) => r.table_name))) {
    expect(
      tail.some((r) => r.table_name === t && r.primary_key === 'true'),
      `${t} has no key`,
    ).toBe(true);
  }

  // And Ferry's own catalog reader accepts it (types, lengths, flags, nullable keys, dangling references).
  return parseCatalogCsv(csv, 'source.csv');
}

describe('long-tail on the committed source-core.csv', () => {
  const hasCore = existsSync(corePath);

  it.runIf(hasCore)('reaches the size of a real PAS with every long-tail table out of scope', () => {
    const coreText = readFileSync(corePath, 'utf8');
    const result = buildLongTailCatalog(coreText);
    const catalog = checkCatalog(coreText, result.csv);
    const size = catalogSize(catalog);
    expect(size.tables).toBeGreaterThanOrEqual(400);
    expect(size.fields).toBeGreaterThanOrEqual(5000);
    expect(size.tables).toBe(result.counts.total.tables);
    expect(size.fields).toBe(result.counts.total.fields);
    // Only the core is in scope.
    expect(size.inScopeTables).toBe(result.counts.inScope.tables);
    expect(catalog.tables.filter((t) => t.inScope).map((t) => t.name)).toEqual(
      catalog.tables
        .slice(0, result.counts.core.tables)
        .filter((t) => t.inScope)
        .map((t) => t.name),
    );
    // Every reference the families declare found its target in this core.
    expect(result.warnings).toEqual([]);
    expect(result.skipped).toEqual([]);
    // No out-of-scope lookup serves an in-scope column: the core models the lookups of every code type it uses.
    const coreCodeTypes = new Set(
      rows(coreText)
        .map((r) => r.code_type)
        .filter(Boolean),
    );
    const added = result.tables.filter((t) => t.family === 'lookup').map((t) => t.name);
    expect(added.filter((n) => coreCodeTypes.has(n.replace(/^LKP_/, '')))).toEqual([]);
  });

  it.runIf(hasCore)('is deterministic and matches the committed source.csv (regenerate, never hand-edit)', () => {
    const coreText = readFileSync(corePath, 'utf8');
    const first = buildLongTail(coreText);
    expect(buildLongTail(coreText)).toBe(first);
    expect(existsSync(outPath), 'catalog/source.csv is missing: run node packs/nhs-pas/scripts/long-tail.mjs').toBe(
      true,
    );
    expect(readFileSync(outPath, 'utf8') === first, 'catalog/source.csv is stale: rerun the long-tail script').toBe(
      true,
    );
  });

  it.runIf(hasCore)('shadows the clinical core tables with audit, history and archive copies', () => {
    const { tables } = buildLongTailCatalog(readFileSync(corePath, 'utf8'));
    const names = new Set(tables.map((t) => t.name));
    for (const n of ['PATIENT_AUD', 'PATIENT_HIST', 'REFERRAL_AUD', 'ADM_SPELL_HIST', 'ARC_OP_APPT', 'ARC_ADM_SPELL']) {
      expect(names.has(n), n).toBe(true);
    }
    for (const n of ['LKP_SEX_AUD', 'SITE_AUD', 'ARC_OP_CLINIC', 'ARC_PATIENT']) expect(names.has(n), n).toBe(false);
  });
});

describe('long-tail on the fixture core', () => {
  const fixture = readFileSync(fixturePath, 'utf8');

  it('passes the catalog checks', () => {
    checkCatalog(fixture, buildLongTail(fixture));
  });

  it('copies a core table into its audit shadow: audit columns first, then every column, keys and references dropped', () => {
    const { tables } = buildLongTailCatalog(fixture);
    const aud = tables.find((t) => t.name === 'REFERRAL_AUD');
    expect(aud?.columns.slice(0, 8).map((c) => c.name)).toEqual([
      'AUD_ID',
      'AUD_ACTION',
      'AUD_IMAGE',
      'AUD_USER',
      'AUD_DT',
      'AUD_TERMINAL',
      'AUD_PROGRAM',
      'AUD_TXN_ID',
    ]);
    const copied = aud?.columns.slice(8) ?? [];
    expect(copied.map((c) => c.name)).toEqual(
      rows(fixture)
        .filter((r) => r.table_name === 'REFERRAL')
        .map((r) => r.column_name),
    );
    expect(copied.every((c) => !c.primaryKey && c.nullable && !c.references)).toBe(true);
    expect(aud?.columns.filter((c) => c.primaryKey).map((c) => c.name)).toEqual(['AUD_ID']);
  });

  it('redirects archive references to archived parents and keeps the rest', () => {
    const { tables } = buildLongTailCatalog(fixture);
    const arc = tables.find((t) => t.name === 'ARC_OP_APPT');
    const ref = (name: string) => arc?.columns.find((c) => c.name === name)?.references;
    expect(ref('REF_ID')).toBe('ARC_REFERRAL.REF_ID');
    expect(ref('PAT_ID')).toBe('PATIENT.PAT_ID');
    expect(ref('ARC_BATCH_ID')).toBe('ARC_BATCH.ARC_BATCH_ID');
  });

  it('adds lookups only for code types the core does not cover', () => {
    const { tables } = buildLongTailCatalog(fixture);
    const names = tables.map((t) => t.name);
    // The fixture has LKP_SEX; RELIGION is on the extra list; AE_* code types live in AE_CODE.
    expect(names).not.toContain('LKP_SEX');
    expect(names).toContain('LKP_RELIGION');
    expect(names).toContain('AE_CODE');
    expect(names.filter((n) => n.startsWith('LKP_AE_'))).toEqual([]);
    expect(names.filter((n) => n.startsWith('LKP_SYS_'))).toEqual([]);
  });

  it('points every coded module column at the table listing its codes', () => {
    const { tables } = buildLongTailCatalog(fixture);
    const descOf = (table: string, column: string) =>
      tables.find((t) => t.name === table)?.columns.find((c) => c.name === column)?.description;
    expect(descOf('AE_ATTEND', 'ARRIVAL_MODE')).toBe('Arrival mode (local code, see AE_CODE)');
    expect(descOf('AE_ATTEND', 'COMPLAINT')).toBe('Chief complaint (SNOMED CT, see AE_CODE)');
    expect(descOf('MAT_BABY', 'SEX')).toBe('Sex (local code, see LKP_SEX)');
    expect(descOf('SYS_PARAM', 'MODULE')).toBe('Module (local code, see SYS_CODE)');
    expect(descOf('LTR_LETTER', 'LETTER_TYPE')).toBe('Letter type (local code, see LKP_LETTER_TYPE)');
    expect(descOf('ARC_AE_ATTEND', 'ARRIVAL_MODE')).toBe('Arrival mode (local code, see AE_CODE)');
    const listed = new Set(tables.map((t) => t.name).concat(rows(fixture).map((r) => r.table_name ?? '')));
    for (const t of tables) {
      for (const c of t.columns.filter((x) => x.codeType && x.description.includes('see '))) {
        const list = /see ([A-Z_]+)\)$/.exec(c.description)?.[1] ?? '';
        expect(listed.has(list), `${t.name}.${c.name} -> ${list}`).toBe(true);
      }
    }
  });

  it('writes in the core file own flag words, header order and line ending', () => {
    const crlfYesNo = [
      'in_scope,table_name,column_name,data_type,max_length,nullable,primary_key,references,description,code_type',
      'Y,PATIENT,PAT_ID,integer,,N,Y,,Patient key,',
      'Y,PATIENT,SEX,code,1,Y,N,,"Sex, local",SEX',
      'Y,STAFF,STAFF_ID,integer,,N,Y,,Staff key,',
      'Y,SITE,SITE_ID,integer,,N,Y,,Site key,',
      'Y,WARD,WARD_ID,integer,,N,Y,,Ward key,',
      'Y,SPECIALTY,SPEC_ID,integer,,N,Y,,Specialty key,',
      'Y,REFERRAL,REF_ID,integer,,N,Y,,Referral key,',
      'Y,ADM_SPELL,SPELL_ID,integer,,N,Y,,Spell key,',
      'Y,OP_APPT,APPT_ID,integer,,N,Y,,Appointment key,',
      'Y,OP_CLINIC,CLINIC_ID,integer,,N,Y,,Clinic key,',
      'Y,IP_WLIST,IPWL_ID,integer,,N,Y,,IP list key,',
      '',
    ].join('\r\n');
    const csv = buildLongTail(crlfYesNo);
    expect(csv.startsWith(crlfYesNo)).toBe(true);
    const tail = csv.slice(crlfYesNo.length);
    expect(tail.endsWith('\r\n')).toBe(true);
    expect(tail.replaceAll('\r\n', '').includes('\n')).toBe(false);
    const first = tail.split('\r\n')[0];
    expect(first).toMatch(/^N,[A-Z_]+,[A-Z_]+,/);
    expect(tail).toContain('N,PATIENT_AUD,AUD_ID,integer,,N,Y,,Audit row identifier,\r\n');
    expect(tail).toContain('\r\nN,AE_ATTEND,PAT_ID,integer,,N,N,PATIENT.PAT_ID,Patient (PATIENT.PAT_ID),\r\n');
    expect(
      tail
        .split('\r\n')
        .filter(Boolean)
        .every((l) => l.startsWith('N,')),
    ).toBe(true);
  });

  it('leaves out a long-tail table the core already has, and reports a reference it cannot resolve', () => {
    const core = [
      header,
      'PATIENT,PAT_ID,integer,,false,true,,Patient key,,true',
      'SYS_PARAM,PARAM_CD,string,30,false,true,,Parameter,,true',
      '',
    ].join('\n');
    const result = buildLongTailCatalog(core);
    expect(result.skipped).toEqual(['SYS_PARAM']);
    expect(result.tables.some((t) => t.name === 'SYS_PARAM')).toBe(false);
    expect(result.warnings).toContain(
      'SYS_USER.STAFF_ID: no table STAFF with a single-column key; kept without a reference',
    );
    const staffId = result.tables.find((t) => t.name === 'SYS_USER')?.columns.find((c) => c.name === 'STAFF_ID');
    expect(staffId).toMatchObject({ dataType: 'integer', references: '' });
    // Still a valid catalog: no dangling reference was written.
    checkCatalog(core, result.csv);
  });

  it('appends a line ending to a core file that lacks a final one', () => {
    const core = `${header}\nPATIENT,PAT_ID,integer,,false,true,,Patient key,,true`;
    const csv = buildLongTail(core);
    expect(csv.startsWith(`${core}\n`)).toBe(true);
  });

  it('rejects a core file it cannot read, naming file, line and field', () => {
    expect(() => buildLongTailCatalog('table_name,column_name\nA,B\n', 'x.csv')).toThrow(
      'x.csv:1: header lacks the column data_type',
    );
    expect(() => buildLongTailCatalog(`${header}\nPATIENT,PAT_ID,integer\n`, 'x.csv')).toThrow(
      'x.csv:2: row has 3 fields, header has 10',
    );
    expect(() => buildLongTailCatalog(`${header}\nPATIENT,PAT_ID,number,,false,true,,k,,true\n`, 'x.csv')).toThrow(
      'x.csv:2: field data_type holds an unknown type',
    );
    expect(() => buildLongTailCatalog(`${header}\nPATIENT,PAT_ID,integer,,false,maybe,,k,,true\n`, 'x.csv')).toThrow(
      'x.csv: flag fields mix vocabularies',
    );
    expect(() => buildLongTailCatalog(`${header}\nPATIENT,PAT_ID,integer,,false,true,,"k,,true\n`, 'x.csv')).toThrow(
      'x.csv:2: a quoted field is not closed',
    );
  });
});

describe('column specs', () => {
  it('read name, type, length, flags, code type and reference', () => {
    expect(parseColumnSpec('ATTEND_ID i* Attendance', 'T')).toMatchObject({
      name: 'ATTEND_ID',
      dataType: 'integer',
      primaryKey: true,
      nullable: false,
    });
    expect(parseColumnSpec('AREA c4@AE_AREA Area', 'T')).toMatchObject({
      dataType: 'code',
      maxLength: '4',
      codeType: 'AE_AREA',
      nullable: true,
    });
    expect(parseColumnSpec('SEEN_DT t! Seen', 'T')).toMatchObject({
      dataType: 'datetime',
      maxLength: '16',
      nullable: false,
      description: 'Seen (dd/mm/yyyy hh:mm text)',
    });
    expect(parseColumnSpec('ACTIVE b Active', 'T')).toMatchObject({
      dataType: 'string',
      maxLength: '1',
      description: 'Active (Y/N)',
    });
    expect(parseColumnSpec('>PATIENT! Patient', 'T')).toMatchObject({ name: '', refTable: 'PATIENT', nullable: false });
    expect(() => parseColumnSpec('lower s10 Bad name', 'T')).toThrow('long-tail spec for T: cannot read column spec');
    expect(() => parseColumnSpec('s10 No name', 'T')).toThrow('long-tail spec for T: "s10 No name" has no column name');
  });

  it('parse quoted CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsvRecords('a,"b,c","d""e"\r\n"x\ny",2,\n', 'q.csv')).toEqual([
      { fields: ['a', 'b,c', 'd"e'], line: 1 },
      { fields: ['x\ny', '2', ''], line: 2 },
    ]);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Catalog,
  type CatalogTable,
  type CrosswalkSet,
  type MappingContract,
  parseCsvTextRecords,
} from '@ferry/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { nhsPasPack } from './index.js';
import { nhsPasPackFiles } from './pack-files.js';

let source: Catalog;
let target: Catalog;
let crosswalks: CrosswalkSet;
let contract: MappingContract;
let codeSets: Map<string, Map<string, boolean>>;

function table(catalog: Catalog, name: string): CatalogTable {
  const t = catalog.tables.find((x) => x.name === name);
  if (!t) throw new Error(`${catalog.name} has no table ${name}`);
  return t;
}

beforeAll(async () => {
  [source, target, crosswalks, contract] = await Promise.all([
    nhsPasPack.sourceCatalog(),
    nhsPasPack.targetCatalog(),
    nhsPasPack.crosswalks(),
    nhsPasPack.contract(),
  ]);
  codeSets = new Map();
  const records = parseCsvTextRecords(readFileSync(nhsPasPackFiles.codeSets, 'utf8'), nhsPasPackFiles.codeSets);
  expect(records[0]?.fields).toEqual(['code_type', 'code', 'label', 'retired']);
  for (const { fields } of records.slice(1)) {
    const [codeType = '', code = '', , retired = ''] = fields;
    expect(['Y', 'N']).toContain(retired);
    if (!codeSets.has(codeType)) codeSets.set(codeType, new Map());
    expect(codeSets.get(codeType)?.has(code), `${codeType} ${code} listed twice`).toBe(false);
    codeSets.get(codeType)?.set(code, retired === 'Y');
  }
});

describe('nhs-pas catalogs', () => {
  it('the target has 36-40 LOAD tables and 850-920 fields, each with the LOAD conventions', () => {
    const fields = target.tables.reduce((n, t) => n + t.columns.length, 0);
    expect(target.tables.length).toBeGreaterThanOrEqual(36);
    expect(target.tables.length).toBeLessThanOrEqual(40);
    expect(fields).toBeGreaterThanOrEqual(850);
    expect(fields).toBeLessThanOrEqual(920);
    for (const t of target.tables) {
      expect(t.name).toMatch(/^LOAD_/);
      const pk = t.columns.filter((c) => c.primaryKey).map((c) => c.name);
      expect(pk, t.name).toEqual(['RECORD_NUMBER']);
      for (const name of ['SYSTEM_CODE', 'EXTERNAL_SYSTEM_ID']) {
        expect(
          t.columns.some((c) => c.name === name && !c.nullable),
          `${t.name}.${name}`,
        ).toBe(true);
      }
    }
  });

  it('the source holds every in-scope legacy table, each driving table with one integer surrogate key', () => {
    for (const ct of contract.tables) {
      const st = table(source, ct.source);
      expect(st.inScope, ct.source).toBe(true);
      const pk = st.columns.filter((c) => c.primaryKey);
      expect(
        pk.map((c) => c.name),
        ct.source,
      ).toEqual(ct.sourceKey);
      expect(pk[0]?.dataType, ct.source).toBe('integer');
    }
  });

  it('declared source references point at existing key columns', () => {
    for (const t of source.tables) {
      for (const c of t.columns) {
        if (!c.references) continue;
        const [refTable = '', refColumn = ''] = c.references.split('.');
        const ref = source.tables.find((x) => x.name === refTable)?.columns.find((x) => x.name === refColumn);
        expect(ref?.primaryKey, `${t.name}.${c.name} -> ${c.references}`).toBe(true);
      }
    }
  });
});

describe('nhs-pas contract', () => {
  it('lists the target tables in catalog (load) order, each fed by one distinct source table', () => {
    expect(contract.tables.map((t) => t.target)).toEqual(target.tables.map((t) => t.name));
    const sources = contract.tables.map((t) => t.source);
    expect(new Set(sources).size).toBe(sources.length);
  });

  it('names only existing columns: target fields on the target table, source columns on the source table', () => {
    for (const ct of contract.tables) {
      const tt = table(target, ct.target);
      const st = table(source, ct.source);
      const sourceColumns = new Set(st.columns.map((c) => c.name));
      for (const k of ct.sourceKey) expect(sourceColumns.has(k), `${ct.source}.${k}`).toBe(true);
      if (ct.outOfScope)
        expect(sourceColumns.has(ct.outOfScope.column), `${ct.source}.${ct.outOfScope.column}`).toBe(true);
      for (const f of ct.fields) {
        expect(
          tt.columns.some((c) => c.name === f.target),
          `${ct.target}.${f.target}`,
        ).toBe(true);
        for (const s of f.source)
          expect(sourceColumns.has(s), `${ct.target}.${f.target} <- ${ct.source}.${s}`).toBe(true);
      }
    }
  });

  it('maps every target column exactly once', () => {
    for (const ct of contract.tables) {
      const mapped = ct.fields.map((f) => f.target).sort();
      const columns = table(target, ct.target)
        .columns.map((c) => c.name)
        .sort();
      expect(mapped, ct.target).toEqual(columns);
    }
  });

  it('is fully approved and marks exactly the non-nullable target fields mandatory', () => {
    for (const ct of contract.tables) {
      const tt = table(target, ct.target);
      for (const f of ct.fields) {
        const column = tt.columns.find((c) => c.name === f.target);
        expect(f.mandatory, `${ct.target}.${f.target}`).toBe(column?.nullable === false);
        expect(f.status, `${ct.target}.${f.target}`).toBe('approved');
        expect(f.reviewer).toBe('nhs-pas-pack');
        if (f.mandatory) expect(f.defaults, `${ct.target}.${f.target}`).toEqual({});
        if (f.source.length === 0 && f.constant === undefined) {
          expect(f.mandatory, `${ct.target}.${f.target}`).toBe(false);
          expect(f.notes).toBe('not held in legacy PAS');
        }
      }
    }
  });

  it('follows the LOAD conventions: keys, system code, patient links', () => {
    for (const ct of contract.tables) {
      const field = (name: string) => ct.fields.find((f) => f.target === name);
      expect(field('RECORD_NUMBER')).toMatchObject({ source: ct.sourceKey, transform: ['integer'] });
      expect(field('EXTERNAL_SYSTEM_ID')).toMatchObject({ source: ct.sourceKey, transform: [] });
      expect(field('SYSTEM_CODE')).toMatchObject({ source: [], constant: 'LEGPAS' });
      if (field('MAIN_CRN')) expect(field('MAIN_CRN_TYPE')).toMatchObject({ constant: 'HOSP' });
    }
    const pmi = contract.tables.find((t) => t.target === 'LOAD_PMI');
    expect(pmi?.naturalKey).toEqual(['NHS_NUMBER']);
  });

  it('links parents to earlier tables in load order through declared reference columns', () => {
    const order = contract.tables.map((t) => t.target);
    for (const [i, ct] of contract.tables.entries()) {
      const tt = table(target, ct.target);
      for (const p of ct.parents) {
        expect(order.indexOf(p.table), `${ct.target} -> ${p.table}`).toBeGreaterThanOrEqual(0);
        expect(order.indexOf(p.table), `${ct.target} -> ${p.table}`).toBeLessThan(i);
        expect(tt.columns.find((c) => c.name === p.field)?.references).toBe(`${p.table}.RECORD_NUMBER`);
        const f = ct.fields.find((x) => x.target === p.field);
        expect(f?.transform).toEqual(['integer']);
      }
      const linkColumns = tt.columns
        .filter((c) => c.references)
        .map((c) => c.name)
        .sort();
      expect(ct.parents.map((p) => p.field).sort(), ct.target).toEqual(linkColumns);
    }
  });
});

describe('nhs-pas crosswalks', () => {
  const approved = (codeType: string) =>
    crosswalks.entries.filter((e) => e.codeType === codeType && e.status === 'approved');

  it('give every crosswalk named by the contract approved entries, and every coded target field a crosswalk of its code set', () => {
    for (const ct of contract.tables) {
      const tt = table(target, ct.target);
      for (const f of ct.fields) {
        const column = tt.columns.find((c) => c.name === f.target);
        if (column?.dataType === 'code' && f.source.length > 0)
          expect(f.crosswalk, `${ct.target}.${f.target}`).toBe(column.codeType);
        if (f.crosswalk) expect(approved(f.crosswalk).length, f.crosswalk).toBeGreaterThan(0);
      }
    }
  });

  it('read each crosswalk from coded source columns of one local code type, and use every coded driving column', () => {
    const localOf = new Map<string, string>();
    for (const ct of contract.tables) {
      const st = table(source, ct.source);
      for (const f of ct.fields.filter((x) => x.crosswalk)) {
        const cw = f.crosswalk ?? '';
        for (const s of f.source) {
          const column = st.columns.find((c) => c.name === s);
          expect(column?.dataType, `${ct.target}.${f.target} <- ${ct.source}.${s}`).toBe('code');
          expect(localOf.get(cw) ?? column?.codeType, cw).toBe(column?.codeType);
          localOf.set(cw, column?.codeType ?? '');
        }
      }
      for (const c of st.columns.filter((x) => x.dataType === 'code')) {
        const used = ct.fields.some((f) => f.source.includes(c.name) && f.crosswalk);
        expect(used, `${ct.source}.${c.name} has no crosswalked use`).toBe(true);
      }
    }
  });

  it('target only current national codes listed in code-sets.csv, and reach every current code of each set', () => {
    for (const e of crosswalks.entries) {
      expect(codeSets.get(e.codeType)?.get(e.targetCode), `${e.codeType} ${e.sourceCode} -> ${e.targetCode}`).toBe(
        false,
      );
    }
    for (const [codeType, codes] of codeSets) {
      const reached = new Set(approved(codeType).map((e) => e.targetCode));
      for (const [code, retired] of codes) if (!retired) expect(reached.has(code), `${codeType} ${code}`).toBe(true);
    }
  });

  it('have one entry per local code and cover the retired legacy codes', () => {
    const keys = crosswalks.entries.map((e) => `${e.codeType}|${e.sourceCode}`);
    expect(new Set(keys).size).toBe(keys.length);
    const find = (codeType: string, code: string) =>
      crosswalks.entries.find((e) => e.codeType === codeType && e.sourceCode === code);
    expect(find('discharge_method', '2')).toMatchObject({ targetCode: '6', equivalence: 'inexact' });
    expect(find('admission_method', 'OM')).toMatchObject({ targetCode: '2D', equivalence: 'inexact' });
    expect(find('gender', 'M')).toMatchObject({ targetCode: '1' });
    expect(codeSets.get('admission_method')?.get('28')).toBe(true);
    expect(codeSets.get('discharge_method')?.get('2')).toBe(true);
  });

  it('give documented defaults only as national codes of the field code set', () => {
    const defaults = contract.tables.flatMap((ct) =>
      ct.fields.filter((f) => Object.keys(f.defaults).length > 0).map((f) => ({ table: ct.target, f })),
    );
    expect(defaults.map((d) => `${d.table}.${d.f.target}`).sort()).toEqual([
      'LOAD_PMI.ETHNIC_CATEGORY',
      'LOAD_PMI.GP_PRACTICE_CODE',
    ]);
    for (const { f } of defaults) {
      if (f.crosswalk) expect(codeSets.get(f.crosswalk)?.has(f.defaults.development ?? '')).toBe(true);
    }
  });
});

describe('nhs-pas pack', () => {
  it('returns quality checks ([] until quality/checks.json exists)', async () => {
    const checks = await nhsPasPack.qualityChecks();
    if (!existsSync(nhsPasPackFiles.qualityChecks)) expect(checks).toEqual([]);
    for (const c of checks)
      expect(
        contract.tables.some((t) => t.target === c.table),
        c.id,
      ).toBe(true);
  });

  it('ships generated files equal to a fresh build of scripts/model', () => {
    const out = mkdtempSync(join(tmpdir(), 'nhs-pas-build-'));
    try {
      const script = fileURLToPath(new URL('../scripts/build-model.mjs', import.meta.url));
      execFileSync(process.execPath, [script, '--out', out], { stdio: 'pipe' });
      for (const f of [
        'catalog/target.csv',
        'catalog/source-core.csv',
        'crosswalks/crosswalks.csv',
        'crosswalks/code-sets.csv',
        'contract/contract.json',
      ]) {
        const committed = readFileSync(fileURLToPath(new URL(`../${f}`, import.meta.url)), 'utf8');
        expect(readFileSync(join(out, f), 'utf8'), f).toBe(committed);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

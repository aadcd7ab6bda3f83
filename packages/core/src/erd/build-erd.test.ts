import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogCsv } from '../catalog/catalog-csv-reader.js';
import type { Catalog, CatalogColumn } from '../catalog/catalog-model.js';
import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { readContractFile } from '../contract/contract-file.js';
import { buildErd } from './build-erd.js';
import { erdSchema } from './erd-model.js';

const packFile = (p: string) => fileURLToPath(new URL(`../../../../packs/nhs-pas/${p}`, import.meta.url));

const col = (name: string, dataType: CatalogColumn['dataType'], extra: Partial<CatalogColumn> = {}): CatalogColumn => ({
  name,
  dataType,
  nullable: true,
  primaryKey: false,
  description: '',
  ...extra,
});
const pk = (name: string, dataType: CatalogColumn['dataType'] = 'integer') =>
  col(name, dataType, { primaryKey: true, nullable: false });

/** A small legacy schema: one declared reference, the rest left for inference. */
const catalog: Catalog = {
  version: 1,
  name: 'mini-pas',
  tables: [
    {
      name: 'PATIENT',
      inScope: true,
      columns: [
        pk('PAT_ID'),
        col('SEX', 'code', { codeType: 'SEX' }),
        col('MERGED_INTO', 'integer', { description: 'PAT_ID of the surviving patient' }),
      ],
    },
    { name: 'LKP_SEX', inScope: true, columns: [pk('CODE', 'string'), col('DESCRIPTION', 'string')] },
    { name: 'STAFF', inScope: true, columns: [pk('STAFF_ID'), col('STAFF_CD', 'string')] },
    {
      name: 'REFERRAL',
      inScope: true,
      columns: [pk('REF_ID'), col('PAT_ID', 'integer', { references: 'PATIENT.PAT_ID' }), col('CONS_CD', 'string')],
    },
    { name: 'ARC_REFERRAL', inScope: false, columns: [pk('REF_ID'), col('PAT_ID', 'integer')] },
    { name: 'OP_APPT', inScope: true, columns: [pk('APPT_ID'), col('REF_ID', 'integer'), col('PAT_ID', 'integer')] },
    { name: 'LTR_LETTER', inScope: false, columns: [pk('LETTER_ID'), col('REF_ID', 'integer')] },
  ],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-erd-'));
  const files: Record<string, string[]> = {
    PATIENT: ['PAT_ID,SEX,MERGED_INTO', '1,M,', '2,F,', '3,F,1', '4,M,', '5,U,', '6,M,2'],
    LKP_SEX: ['CODE,DESCRIPTION', 'M,Male', 'F,Female', 'U,Unknown'],
    STAFF: ['STAFF_ID,STAFF_CD', '10,C1', '11,C2', '12,C3', '13,C4', '14,C5', '15,C6'],
    REFERRAL: ['REF_ID,PAT_ID,CONS_CD', '100,1,C1', '101,2,C2', '102,3,C3', '103,4,C4', '104,9,C5'],
    OP_APPT: ['APPT_ID,REF_ID,PAT_ID', '1000,100,1', '1001,101,2', '1002,102,3', '1003,100,1'],
    // Letters quote reference numbers of another system: none is a REFERRAL key.
    LTR_LETTER: ['LETTER_ID,REF_ID', '1,900', '2,901', '3,902'],
  };
  for (const [table, lines] of Object.entries(files))
    await writeFile(join(dir, `${table}.csv`), `${lines.join('\n')}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const shape = (edges: Array<{ from: string; fromColumn: string; to: string; toColumn: string; kind: string }>) =>
  edges.map((e) => `${e.kind} ${e.from}.${e.fromColumn} -> ${e.to}.${e.toColumn}`);

describe('buildErd', () => {
  it('from the catalog alone: declared edges, and inferred ones by name, code type and description', async () => {
    const erd = await buildErd({ catalog });
    expect(erdSchema.parse(erd)).toStrictEqual(erd);
    expect(shape(erd.edges)).toEqual([
      'inferred PATIENT.SEX -> LKP_SEX.CODE',
      'declared REFERRAL.PAT_ID -> PATIENT.PAT_ID',
      'inferred ARC_REFERRAL.PAT_ID -> PATIENT.PAT_ID',
      'inferred OP_APPT.REF_ID -> REFERRAL.REF_ID',
      'inferred OP_APPT.PAT_ID -> PATIENT.PAT_ID',
      'inferred LTR_LETTER.REF_ID -> REFERRAL.REF_ID',
    ]);
    const appt = erd.edges.find((e) => e.from === 'OP_APPT' && e.fromColumn === 'REF_ID')!;
    // 0.65 by name x 0.92 for another module; the archive copy is a weaker parent (x0.5 for a live child).
    expect(appt).toStrictEqual({
      from: 'OP_APPT',
      to: 'REFERRAL',
      fromColumn: 'REF_ID',
      toColumn: 'REF_ID',
      kind: 'inferred',
      confidence: 0.598,
      evidence: [
        'column name equals the key REFERRAL.REF_ID',
        'different module',
        'next best: ARC_REFERRAL.REF_ID (0.299)',
      ],
    });
    expect(erd.edges.find((e) => e.kind === 'declared')).toStrictEqual({
      from: 'REFERRAL',
      to: 'PATIENT',
      fromColumn: 'PAT_ID',
      toColumn: 'PAT_ID',
      kind: 'declared',
      confidence: 1,
      evidence: ['declared in the catalog'],
    });
    // MERGED_INTO is only described (0.4): below the 0.5 threshold without data.
    expect(erd.edges.some((e) => e.fromColumn === 'MERGED_INTO')).toBe(false);
    expect(erd.stats).toEqual({ tables: 7, declaredEdges: 1, inferredEdges: 5, tablesWithData: 0 });
    expect(erd.nodes.map((n) => [n.id, n.domain, n.inScope])).toEqual([
      ['PATIENT', 'PMI', true],
      ['LKP_SEX', 'REF', true],
      ['STAFF', 'REF', true],
      ['REFERRAL', 'REF', true],
      ['ARC_REFERRAL', 'REF', false],
      ['OP_APPT', 'OPD', true],
      ['LTR_LETTER', 'OTHER', false],
    ]);
    expect(erd.nodes[0]!.columns[0]).toEqual({ name: 'PAT_ID', dataType: 'integer', primaryKey: true });
  });

  it('with data: containment confirms, refutes and discovers edges, and is measured on declared ones', async () => {
    const source = await CsvSourceConnector.open(dir);
    const erd = await buildErd({ catalog, source });
    expect(shape(erd.edges)).toEqual([
      'inferred PATIENT.SEX -> LKP_SEX.CODE',
      'inferred PATIENT.MERGED_INTO -> PATIENT.PAT_ID',
      'declared REFERRAL.PAT_ID -> PATIENT.PAT_ID',
      'inferred REFERRAL.CONS_CD -> STAFF.STAFF_CD',
      'inferred ARC_REFERRAL.PAT_ID -> PATIENT.PAT_ID',
      'inferred OP_APPT.REF_ID -> REFERRAL.REF_ID',
      'inferred OP_APPT.PAT_ID -> PATIENT.PAT_ID',
    ]);
    const declared = erd.edges.find((e) => e.kind === 'declared')!;
    expect(declared.containment).toBe(0.8);
    expect(declared.evidence).toEqual([
      'declared in the catalog',
      'containment only 80%: 4 of 5 distinct values found in the parent key',
    ]);
    const merged = erd.edges.find((e) => e.fromColumn === 'MERGED_INTO')!;
    expect(merged.evidence).toEqual([
      'description names key column PAT_ID',
      'containment 100%: 2 of 2 distinct values found in the parent key',
    ]);
    expect(merged.confidence).toBe(0.94);
    const cons = erd.edges.find((e) => e.fromColumn === 'CONS_CD')!;
    expect(cons.confidence).toBe(0.54);
    expect(cons.evidence[0]).toBe('no name or description link; found by value containment alone');
    // LTR_LETTER.REF_ID's values are not REFERRAL keys: 0.598 x 0.2 leaves it out.
    expect(erd.edges.some((e) => e.from === 'LTR_LETTER')).toBe(false);
    expect(erd.nodes.find((n) => n.id === 'OP_APPT')!.rows).toBe(4);
    expect(erd.nodes.find((n) => n.id === 'ARC_REFERRAL')!.rows).toBeUndefined();
    expect(erd.stats.tablesWithData).toBe(6);
  });
});

describe('buildErd on the nhs-pas source catalog with its references stripped', () => {
  it('recovers the declared relationships: all but 2 of 577 with descriptions, 100% of the unambiguous same-name ones without', async () => {
    const full = await readCatalogCsv(packFile('catalog/source.csv'));
    const declared = new Map<string, string>();
    for (const t of full.tables)
      for (const c of t.columns) if (c.references) declared.set(`${t.name}.${c.name}`, c.references);
    expect(declared.size).toBe(577);
    const strip = (blankDescriptions: boolean): Catalog => ({
      ...full,
      tables: full.tables.map((t) => ({
        ...t,
        columns: t.columns.map(({ references: _r, ...c }) => ({
          ...c,
          ...(blankDescriptions ? { description: '' } : {}),
        })),
      })),
    });
    const score = async (cat: Catalog) => {
      const erd = await buildErd({ catalog: cat });
      expect(erd.stats.declaredEdges).toBe(0);
      const found = new Map(erd.edges.map((e) => [`${e.from}.${e.fromColumn}`, `${e.to}.${e.toColumn}`]));
      let right = 0;
      let wrong = 0;
      for (const [child, parent] of declared) {
        if (found.get(child) === parent) right++;
        else if (found.has(child)) wrong++;
      }
      return { right, wrong, edges: erd.edges.length };
    };
    const withDescriptions = await score(strip(false));
    expect(withDescriptions.right / declared.size).toBeGreaterThanOrEqual(0.99);
    expect(withDescriptions.wrong).toBe(0);

    // Names only: the obvious ones are a column named like the parent key (PAT_ID -> PATIENT.PAT_ID) when one table
    // only is keyed by that name.
    const namesOnly = await score(strip(true));
    expect(namesOnly.right / declared.size).toBeGreaterThanOrEqual(0.84);
    expect(namesOnly.wrong).toBeLessThanOrEqual(1);
    const keyTables = new Map<string, number>();
    for (const t of full.tables) {
      const keys = t.columns.filter((c) => c.primaryKey);
      if (keys.length === 1) keyTables.set(keys[0]!.name, (keyTables.get(keys[0]!.name) ?? 0) + 1);
    }
    const obvious = [...declared].filter(([child, parent]) => {
      const column = child.split('.')[1]!;
      const key = parent.split('.')[1]!;
      return (column === key || column.endsWith(`_${key}`)) && keyTables.get(key) === 1;
    });
    const erd = await buildErd({ catalog: strip(true) });
    const found = new Map(erd.edges.map((e) => [`${e.from}.${e.fromColumn}`, `${e.to}.${e.toColumn}`]));
    const missed = obvious.filter(([child, parent]) => found.get(child) !== parent);
    expect(obvious.length).toBeGreaterThan(300);
    expect(missed).toEqual([]);
  });

  it('gives every table a domain: the contract for the tables it loads, else names and module prefixes', async () => {
    const [cat, contract] = await Promise.all([
      readCatalogCsv(packFile('catalog/source.csv')),
      readContractFile(packFile('contract/contract.json')),
    ]);
    const erd = await buildErd({ catalog: cat, contract });
    const domain = new Map(erd.nodes.map((n) => [n.id, n.domain]));
    expect(
      [
        'PATIENT',
        'REFERRAL',
        'OP_SLOT',
        'OP_WLIST',
        'IP_TCI',
        'ADM_SPELL',
        'ARC_ADM_SPELL',
        'PATIENT_AUD',
        'MH_TRIBUNAL',
        'CODE_PROC',
        'LKP_SEX',
        'PATH_REQ',
        'SYS_USER',
        'AE_ATTEND',
      ].map((t) => domain.get(t)),
    ).toEqual(['PMI', 'REF', 'REF', 'OPD', 'IWL', 'ADT', 'ADT', 'PMI', 'MH', 'CODING', 'REF', 'PATH', 'SYS', 'AE']);
    expect(erd.nodes).toHaveLength(419);
    // The archive run table has no base name a rule or module knows.
    expect(erd.nodes.filter((n) => n.domain === 'OTHER').map((n) => n.id)).toEqual(['ARC_BATCH']);
  });
});

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Catalog, type Erd, erdSchema, writeCatalogCsv } from '@ferry/core';
import { nhsPasPack, nhsPasPackFiles } from '@ferry/pack-nhs-pas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

let dir: string;
let source: string;
let declared: Map<string, string>;
let full: Catalog;
/** Catalog tables the cohort has a file for. */
let dataTables: number;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-cli-erd-'));
  await nhsPasPack.generate({ patients: 60, seed: 5, defects: 'none', outDir: join(dir, 'cohort') });
  source = join(dir, 'cohort', 'source');
  full = await nhsPasPack.sourceCatalog();
  const files = new Set((await readdir(source)).map((f) => f.replace(/\.csv$/, '')));
  dataTables = full.tables.filter((t) => files.has(t.name)).length;
  declared = new Map();
  for (const t of full.tables)
    for (const c of t.columns) if (c.references) declared.set(`${t.name}.${c.name}`, c.references);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The catalog with no declared keys; with `blank`, no descriptions either (names, types and data only). */
async function strippedCatalog(blank: boolean): Promise<string> {
  const path = join(dir, blank ? 'names-only.csv' : 'no-references.csv');
  const stripped: Catalog = {
    ...full,
    tables: full.tables.map((t) => ({
      ...t,
      columns: t.columns.map(({ references: _r, ...c }) => ({ ...c, ...(blank ? { description: '' } : {}) })),
    })),
  };
  await writeCatalogCsv(stripped, path);
  return path;
}

function recall(erd: Erd, keys: Iterable<[string, string]>): { right: number; total: number; wrong: string[] } {
  const found = new Map(erd.edges.map((e) => [`${e.from}.${e.fromColumn}`, `${e.to}.${e.toColumn}`]));
  let right = 0;
  let total = 0;
  const wrong: string[] = [];
  for (const [child, parent] of keys) {
    total++;
    const got = found.get(child);
    if (got === parent) right++;
    else if (got) wrong.push(`${child} -> ${got} (declared ${parent})`);
  }
  return { right, total, wrong };
}

describe('ferry erd', () => {
  it('writes declared edges with their measured containment, and table domains', async () => {
    const out = join(dir, 'declared.json');
    const r = await runFerry(
      'erd',
      '--source-catalog',
      nhsPasPackFiles.sourceCatalog,
      '--source-data',
      `csv:${source}`,
      '--pack',
      'nhs-pas',
      '--out',
      out,
      '--json',
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ out, tables: 419, declaredEdges: 577, tablesWithData: dataTables });
    expect(dataTables).toBeGreaterThanOrEqual(58);
    const erd = erdSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    const patId = erd.edges.find((e) => e.from === 'OP_APPT' && e.fromColumn === 'PAT_ID')!;
    expect(patId).toMatchObject({ to: 'PATIENT', toColumn: 'PAT_ID', kind: 'declared', confidence: 1, containment: 1 });
    expect(erd.nodes.find((n) => n.id === 'PATIENT')).toMatchObject({ domain: 'PMI', inScope: true });
    expect(erd.nodes.find((n) => n.id === 'PATIENT')!.rows).toBeGreaterThanOrEqual(60);
    expect(summary.domains.PMI).toBeGreaterThanOrEqual(20);
  });

  it('with no declared keys, recovers the declared relationships from names, descriptions and data', async () => {
    const out = join(dir, 'inferred.json');
    const r = await runFerry(
      'erd',
      '--source-catalog',
      await strippedCatalog(false),
      '--source-data',
      source,
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^419 tables, 0 declared and \\d+ inferred relationships \\(value containment measured on ${dataTables} tables\\)\n`,
      ),
    );
    const erd = JSON.parse(await readFile(out, 'utf8')) as Erd;
    const all = recall(erd, declared);
    // Measured: 576 of 577 (PATIENT_HIST.MERGED_INTO is only described as 'PAT_ID of ...', in a history table).
    expect(all.right / all.total).toBeGreaterThanOrEqual(0.99);
    expect(all.wrong).toEqual([]);
  });

  it('from names and data alone, finds the declared relationships among the tables with data (all but one unnamed self-reference)', async () => {
    const out = join(dir, 'names-only.json');
    expect(
      (await runFerry('erd', '--source-catalog', await strippedCatalog(true), '--source-data', source, '--out', out))
        .code,
    ).toBe(0);
    const erd = JSON.parse(await readFile(out, 'utf8')) as Erd;
    const withData = new Set(erd.nodes.filter((n) => n.rows !== undefined).map((n) => n.id));
    const amongData = [...declared].filter(
      ([child, parent]) => withData.has(child.split('.')[0]!) && withData.has(parent.split('.')[0]!),
    );
    const inData = recall(erd, amongData);
    const found = new Map(erd.edges.map((e) => [`${e.from}.${e.fromColumn}`, `${e.to}.${e.toColumn}`]));
    const missed = amongData.filter(([child, parent]) => found.get(child) !== parent).map(([child]) => child);
    // Measured: 61 of the 62 declared edges between tables with data, including OP_CLINIC.CONS_ID -> STAFF.STAFF_ID
    // (no name link: found by containment). Only PATIENT.MERGED_INTO is missed: its name has no key word, and
    // without its description ('PAT_ID of the surviving patient') nothing points at PATIENT.
    expect(inData.total).toBeGreaterThanOrEqual(60);
    expect(missed).toEqual(['PATIENT.MERGED_INTO']);
    expect(inData.wrong).toEqual([]);
    const consultant = erd.edges.find((e) => e.from === 'OP_CLINIC' && e.fromColumn === 'CONS_ID')!;
    expect(consultant.evidence[0]).toBe('no name or description link; found by value containment alone');
    const overall = recall(erd, declared);
    expect(overall.right / overall.total).toBeGreaterThanOrEqual(0.84);
    expect(overall.wrong.length).toBeLessThanOrEqual(1);
  });

  it('exits 2 on bad input', async () => {
    const cases: Array<[string[], string]> = [
      [['erd', '--source-catalog', join(dir, 'missing.csv'), '--out', join(dir, 'x.json')], 'missing.csv'],
      [
        [
          'erd',
          '--source-catalog',
          nhsPasPackFiles.sourceCatalog,
          '--min-confidence',
          '2',
          '--out',
          join(dir, 'x.json'),
        ],
        '--min-confidence must be a number in [0, 1]',
      ],
      [
        [
          'erd',
          '--source-catalog',
          nhsPasPackFiles.sourceCatalog,
          '--source-data',
          join(dir, 'nowhere'),
          '--out',
          join(dir, 'x.json'),
        ],
        'no such file or folder',
      ],
      [['erd', '--source-catalog', nhsPasPackFiles.sourceCatalog], "required option '--out <file>' not specified"],
    ];
    for (const [args, message] of cases) {
      const res = await runFerry(...args);
      expect({ args, code: res.code }).toEqual({ args, code: 2 });
      expect(res.stderr).toContain(message);
    }
  });
});

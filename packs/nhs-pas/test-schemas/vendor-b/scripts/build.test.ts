import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogSize, readCatalogCsv } from '@ferry/core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-line.mjs';
import { buildVendorB } from './vendor-b-model.mjs';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const targetCsv = readFileSync(here('../../../catalog/target.csv'), 'utf8');
const built = buildVendorB(targetCsv) as { files: Map<string, string>; counts: Record<string, number> };
const rows = (text: string) => (parseCsv(text) as string[][]).filter((r) => r.length > 1);

describe('the vendor-b test schema', () => {
  it('is committed exactly as the build script writes it', () => {
    for (const [relative, text] of built.files) {
      expect(readFileSync(here(`../${relative}`), 'utf8'), relative).toBe(text);
    }
  });

  it('has the size of a real PAS long tail: 80+ tables and 1,000+ columns, most tables out of scope', async () => {
    const catalog = await readCatalogCsv(here('../source-catalog.csv'));
    expect(catalogSize(catalog)).toEqual({
      tables: built.counts.tables,
      fields: built.counts.columns,
      inScopeTables: built.counts.inScopeTables,
    });
    expect(built.counts.tables).toBeGreaterThanOrEqual(80);
    expect(built.counts.columns).toBeGreaterThanOrEqual(1000);
    expect(built.counts.tables! - built.counts.inScopeTables!).toBeGreaterThan(built.counts.inScopeTables!);
  });

  it('maps gold columns that exist to LOAD fields that exist, one source table per LOAD table', () => {
    const catalog = rows(readFileSync(here('../source-catalog.csv'), 'utf8')).slice(1);
    const columns = new Set(catalog.map((r) => `${r[0]}.${r[1]}`));
    const targets = new Set(
      rows(targetCsv)
        .slice(1)
        .map((r) => `${r[0]}.${r[1]}`),
    );
    const gold = rows(readFileSync(here('../gold.csv'), 'utf8'));
    expect(gold[0]).toEqual(['source_table', 'source_column', 'target_table', 'target_column']);
    const sourceOf = new Map<string, string>();
    for (const [st, sc, tt, tc] of gold.slice(1)) {
      expect(columns.has(`${st}.${sc}`), `${st}.${sc}`).toBe(true);
      expect(targets.has(`${tt}.${tc}`), `${tt}.${tc}`).toBe(true);
      expect(sourceOf.get(tt!) ?? st).toBe(st);
      sourceOf.set(tt!, st!);
    }
    // Every target family but CPA and patient contacts (which this vendor does not hold) has a source.
    expect(sourceOf.size).toBe(36);
    expect(sourceOf.has('LOAD_MH_CPA') || sourceOf.has('LOAD_PMICONTACTS')).toBe(false);
    expect(gold.length - 1).toBe(built.counts.gold);
  });

  it('writes NHS numbers that pass Modulus 11 and dd/mm/yyyy dates in its synthetic extract', () => {
    const patients = rows(built.files.get('data/tblPatient.csv')!);
    const header = patients[0]!;
    const nhs = patients
      .slice(1)
      .map((r) => r[header.indexOf('NHSNumber')]!)
      .filter((v) => v !== '');
    expect(nhs.length).toBeGreaterThan(200);
    for (const n of nhs) {
      const d = [...n].map(Number);
      const check = (11 - (d.slice(0, 9).reduce((s, x, i) => s + x * (10 - i), 0) % 11)) % 11;
      expect(check === 10 ? -1 : check, n).toBe(d[9]);
    }
    const dob = patients.slice(1).map((r) => r[header.indexOf('DateOfBirth')]!);
    for (const v of dob) expect(v).toMatch(/^\d{2}\/\d{2}\/\d{4} 00:00$/);
  });
});

import { describe, expect, it } from 'vitest';
import { FerryError } from '../errors.js';
import type { SourceTableData } from '../testing/source-formats.js';
import type { SourceConnector, SourceRecord } from './source-connector.js';

/**
 * The data every connector is tested on: two tables, a value with a comma and a quote, non-ASCII text, empty values,
 * and enough rows (`episodeRows`) to cross a database cursor's fetch and a file reader's chunk.
 */
export const contractEpisodeRows = 6001;

export function contractTables(): SourceTableData[] {
  return [
    {
      name: 'patient',
      columns: ['pat_id', 'surname', 'dob'],
      rows: [
        ['1', 'SMITH', '1980-01-02'],
        ['2', "O'NEIL, ANN", ''],
        ['3', 'ÉLODIE Ñ', '1975-12-31'],
      ],
    },
    {
      name: 'episode',
      columns: ['ep_id', 'pat_id', 'note'],
      rows: Array.from({ length: contractEpisodeRows }, (_, i) => [
        String(i + 1),
        String((i % 3) + 1),
        i % 7 === 0 ? '' : `n${i}`,
      ]),
    },
  ];
}

/** What a connector under test gives: its tables may carry extra columns (e.g. a database's row key), named here. */
export interface ContractSubject {
  open(): Promise<SourceConnector>;
  /** Columns the source adds before the data's own (e.g. `ferry_row`); default none. */
  extraColumns?: string[];
  kind: string;
}

async function collect(gen: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

/**
 * The shared contract every `SourceConnector` passes (the same assertions for CSV, JSON, Excel, dumps, PostgreSQL and
 * MySQL): tables sorted, header and description agree, rows in a stable order with rising positions, a resume after a
 * position gives exactly the rest, missing values are empty strings, fingerprints are stable, an unknown table is
 * FERRY_ERR_NOT_FOUND, and `close` can be called twice.
 */
export function sourceConnectorContract(name: string, subject: ContractSubject): void {
  const extra = subject.extraColumns ?? [];
  const strip = (fields: string[]) => fields.slice(extra.length);

  describe(`SourceConnector contract: ${name}`, () => {
    it('lists its tables sorted, with its kind and a location', async () => {
      const source = await subject.open();
      try {
        expect(source.kind).toBe(subject.kind);
        expect(source.location).not.toBe('');
        expect(source.tables()).toEqual(['episode', 'patient']);
      } finally {
        await source.close();
      }
    });

    it('gives each header, and a description with the same columns', async () => {
      const source = await subject.open();
      try {
        for (const t of contractTables()) {
          expect(await source.header(t.name)).toEqual([...extra, ...t.columns]);
          const d = await source.describe(t.name);
          expect(d.table).toBe(t.name);
          expect(d.columns.map((c) => c.name)).toEqual([...extra, ...t.columns]);
        }
      } finally {
        await source.close();
      }
    });

    it('streams every row exactly, in order, with rising positions; missing values are empty strings', async () => {
      const source = await subject.open();
      try {
        for (const t of contractTables()) {
          const rows = await collect(source.rows(t.name));
          expect(rows.map((r) => strip(r.fields))).toEqual([...(t.rows as string[][])]);
          for (let i = 1; i < rows.length; i++) expect(rows[i]!.line).toBeGreaterThan(rows[i - 1]!.line);
        }
        // A second read gives the same rows at the same positions.
        const again = await collect(source.rows('patient'));
        expect(again.map((r) => r.line)).toEqual((await collect(source.rows('patient'))).map((r) => r.line));
      } finally {
        await source.close();
      }
    });

    it('resumes after a position with exactly the rows that follow it', async () => {
      const source = await subject.open();
      try {
        const all = await collect(source.rows('episode'));
        const cut = all[4999]!.line;
        const rest = await collect(source.rows('episode', { after: cut }));
        expect(rest).toEqual(all.slice(5000));
        expect(rest).toHaveLength(contractEpisodeRows - 5000);
      } finally {
        await source.close();
      }
    });

    it('gives batches holding the same records as rows, when it batches', async () => {
      const source = await subject.open();
      try {
        if (!source.rowBatches) return;
        const batched: SourceRecord[] = [];
        for await (const b of source.rowBatches('episode')) batched.push(...b);
        expect(batched).toEqual(await collect(source.rows('episode')));
      } finally {
        await source.close();
      }
    });

    it('fingerprints each table the same way on every open', async () => {
      const a = await subject.open();
      const b = await subject.open();
      try {
        const ha = await a.inputHashes();
        expect(ha.map((h) => h.table)).toEqual(['episode', 'patient']);
        for (const h of ha) {
          expect(h.sha256).toMatch(/^[0-9a-f]{64}$/);
          expect(h.bytes).toBeGreaterThan(0);
        }
        expect(await b.inputHashes()).toEqual(ha);
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('refuses an unknown table with FERRY_ERR_NOT_FOUND, and closes twice', async () => {
      const source = await subject.open();
      try {
        await expect(source.header('no_such_table')).rejects.toSatisfy(
          (e) => e instanceof FerryError && e.code === 'FERRY_ERR_NOT_FOUND',
        );
        await expect(collect(source.rows('no_such_table'))).rejects.toSatisfy(
          (e) => e instanceof FerryError && e.code === 'FERRY_ERR_NOT_FOUND',
        );
      } finally {
        await source.close();
        await source.close();
      }
    });
  });
}

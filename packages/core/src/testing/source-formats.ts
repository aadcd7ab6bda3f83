import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { quoteIdent } from '../store/sql-database.js';

/** A table to write in another source format: its columns and its rows of text (the empty string for missing). */
export interface SourceTableData {
  name: string;
  columns: string[];
  rows: AsyncIterable<string[]> | Iterable<string[]>;
}

/** The tables of a CSV folder, as `SourceTableData` (rows streamed from the files). */
export async function csvFolderTables(dir: string): Promise<SourceTableData[]> {
  const source = await CsvSourceConnector.open(dir);
  const out: SourceTableData[] = [];
  for (const name of source.tables()) {
    const columns = await source.header(name);
    out.push({
      name,
      columns,
      rows: (async function* () {
        for await (const r of source.rows(name)) yield r.fields;
      })(),
    });
  }
  return out;
}

async function writeLines(
  path: string,
  lines: AsyncIterable<string> | Iterable<string>,
  encoding: BufferEncoding = 'utf8',
) {
  const out = createWriteStream(path);
  for await (const line of lines) {
    if (!out.write(Buffer.from(line, encoding))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Writes each table as `NAME.ndjson` (one object per line) or `NAME.json` (an array), every value a string. */
export async function writeJsonTables(
  dir: string,
  tables: readonly SourceTableData[],
  layout: 'lines' | 'array',
): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const t of tables) {
    const objects = async function* () {
      let first = true;
      if (layout === 'array') yield '[\n';
      for await (const row of t.rows) {
        const obj = Object.fromEntries(t.columns.map((c, i) => [c, row[i] ?? '']));
        const text = JSON.stringify(obj);
        yield layout === 'array' ? `${first ? '' : ',\n'}${text}` : `${text}\n`;
        first = false;
      }
      if (layout === 'array') yield '\n]\n';
    };
    await writeLines(join(dir, `${t.name}.${layout === 'array' ? 'json' : 'ndjson'}`), objects());
  }
  // The columns of every table, so that an empty one keeps its columns.
  const columns = Object.fromEntries(tables.map((t) => [t.name, t.columns]));
  await writeFile(join(dir, '_columns.json'), `${JSON.stringify(columns, null, 2)}\n`);
}

/** Writes the tables as the sheets of one workbook, streamed; every cell a text cell (as export tools write them). */
export async function writeXlsxTables(file: string, tables: readonly SourceTableData[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.name);
    sheet.addRow(t.columns).commit();
    for await (const row of t.rows) sheet.addRow(row.map((v: string) => (v === '' ? null : v))).commit();
    sheet.commit();
  }
  await workbook.commit();
}

/**
 * Writes each table as `NAME.txt`, fields joined by `delimiter` with a header line, in `encoding`, and `layout.json`
 * describing them. A value holding the delimiter or a line end cannot be written: an error names it.
 */
export async function writeDelimitedDump(
  dir: string,
  tables: readonly SourceTableData[],
  delimiter: string,
  encoding: 'utf-8' | 'latin1' = 'utf-8',
): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const t of tables) {
    const lines = async function* () {
      yield `${t.columns.join(delimiter)}\n`;
      for await (const row of t.rows) {
        for (const v of row) {
          if (v.includes(delimiter) || /[\r\n]/.test(v))
            throw new Error(`${t.name}: value ${JSON.stringify(v)} cannot be dumped`);
        }
        yield `${row.join(delimiter)}\n`;
      }
    };
    await writeLines(join(dir, `${t.name}.txt`), lines(), encoding === 'latin1' ? 'latin1' : 'utf8');
  }
  const layout = {
    encoding,
    tables: tables.map((t) => ({ name: t.name, file: `${t.name}.txt`, delimiter, header: true })),
  };
  const path = join(dir, 'layout.json');
  await writeFile(path, `${JSON.stringify(layout, null, 2)}\n`);
  return path;
}

/** Loads the tables into a PostgreSQL schema (created), every column `text`, a row number as the primary key order. */
export async function loadPostgresTables(
  url: string,
  schema: string,
  tables: readonly SourceTableData[],
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema if not exists ${quoteIdent(schema)}`);
    for (const t of tables) {
      const name = `${quoteIdent(schema)}.${quoteIdent(t.name)}`;
      await client.query(
        `create table ${name} (ferry_row integer primary key, ${t.columns.map((c) => `${quoteIdent(c)} text`).join(', ')})`,
      );
      await insertBatches(t, async (rows) => {
        const values: unknown[] = [];
        const tuples = rows.map((row, r) => {
          const width = t.columns.length + 1;
          values.push(
            row.n,
            ...t.columns.map((_, i) => (row.fields[i] === '' || row.fields[i] === undefined ? null : row.fields[i])),
          );
          return `(${Array.from({ length: width }, (_, i) => `$${r * width + i + 1}`).join(', ')})`;
        });
        await client.query(
          `insert into ${name} (ferry_row, ${t.columns.map(quoteIdent).join(', ')}) values ${tuples.join(', ')}`,
          values,
        );
      });
    }
  } finally {
    await client.end();
  }
}

/** Loads the tables into a MySQL/MariaDB database (created), every column `text`, a row number as the primary key. */
export async function loadMysqlTables(
  settings: { host: string; port: number; user: string; password?: string },
  database: string,
  tables: readonly SourceTableData[],
): Promise<void> {
  const conn = await mysql.createConnection({ ...settings, multipleStatements: false });
  const q = (n: string) => `\`${n.replaceAll('`', '``')}\``;
  try {
    await conn.query(`create database if not exists ${q(database)} character set utf8mb4`);
    for (const t of tables) {
      const name = `${q(database)}.${q(t.name)}`;
      await conn.query(
        `create table ${name} (ferry_row integer primary key, ${t.columns.map((c) => `${q(c)} text`).join(', ')})`,
      );
      await insertBatches(t, async (rows) => {
        const values = rows.map((row) => [
          row.n,
          ...t.columns.map((_, i) => (row.fields[i] === '' || row.fields[i] === undefined ? null : row.fields[i])),
        ]);
        await conn.query(`insert into ${name} (ferry_row, ${t.columns.map(q).join(', ')}) values ?`, [values]);
      });
    }
  } finally {
    await conn.end();
  }
}

async function insertBatches(
  t: SourceTableData,
  insert: (rows: { n: number; fields: string[] }[]) => Promise<void>,
): Promise<void> {
  let batch: { n: number; fields: string[] }[] = [];
  let n = 0;
  for await (const fields of t.rows) {
    batch.push({ n: ++n, fields });
    if (batch.length === 500) {
      await insert(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await insert(batch);
}

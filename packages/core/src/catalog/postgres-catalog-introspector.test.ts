import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, postgresReachable } from '../testing/postgres-test-env.js';
import { parseCatalogCsv } from './catalog-csv-reader.js';
import { formatCatalogCsv } from './catalog-csv-writer.js';
import type { Catalog } from './catalog-model.js';
import {
  catalogTypeOfPostgres,
  introspectPostgresCatalog,
  redactConnectionString,
} from './postgres-catalog-introspector.js';

const pgUp = await postgresReachable();

describe.skipIf(!pgUp)('introspectPostgresCatalog (PostgreSQL)', () => {
  let env: Awaited<ReturnType<typeof createTestSchema>>;
  let other: Awaited<ReturnType<typeof createTestSchema>>;
  let catalog: Catalog;

  beforeAll(async () => {
    // First, a small legacy PAS schema: patients, episodes, an enum, a domain, comments, a view.
    env = await createTestSchema('ferry_introspect');
    other = await createTestSchema('ferry_introspect_other');
    const client = new pg.Client({ connectionString: env.url });
    await client.connect();
    await client.query(`
      create type sex_code as enum ('1', '2', '9', 'X');
      create domain nhs_no as varchar(10) not null;
      create table ${other.schema}.ward (ward_id integer primary key);
      create table patient (
        pat_id bigint primary key,
        nhs_number nhs_no,
        surname varchar(35) not null,
        initials char(3),
        sex sex_code,
        born date,
        registered timestamptz,
        deceased boolean,
        weight_kg numeric(5,2),
        notes text,
        tags text[]
      );
      comment on column patient.surname is 'Family name, as registered';
      create table episode (
        ep_id integer,
        pat_id bigint not null references patient(pat_id),
        ward_id integer references ${other.schema}.ward(ward_id),
        started timestamp,
        primary key (ep_id)
      );
      create table bed_stay (ep_id integer, seq integer, ward varchar(8),
        primary key (ep_id, seq), foreign key (ep_id) references episode(ep_id));
      create view patient_view as select pat_id from patient;
    `);
    await client.end();
    catalog = await introspectPostgresCatalog({ connectionString: env.url, schema: env.schema });
  });
  afterAll(async () => {
    await env?.drop();
    await other?.drop();
  });

  it('lists the tables (not views) with their columns in order', () => {
    expect(catalog.name).toBe(env.schema);
    expect(catalog.tables.map((t) => t.name)).toEqual(['bed_stay', 'episode', 'patient']);
    expect(catalog.tables.every((t) => t.inScope)).toBe(true);
    expect(catalog.tables[2]!.columns.map((c) => c.name)).toEqual([
      'pat_id',
      'nhs_number',
      'surname',
      'initials',
      'sex',
      'born',
      'registered',
      'deceased',
      'weight_kg',
      'notes',
      'tags',
    ]);
  });

  it('maps types, lengths, nullability, keys and comments', () => {
    const patient = catalog.tables.find((t) => t.name === 'patient')!;
    expect(patient.columns).toStrictEqual([
      { name: 'pat_id', dataType: 'integer', nullable: false, primaryKey: true, description: '' },
      { name: 'nhs_number', dataType: 'string', maxLength: 10, nullable: false, primaryKey: false, description: '' },
      {
        name: 'surname',
        dataType: 'string',
        maxLength: 35,
        nullable: false,
        primaryKey: false,
        description: 'Family name, as registered',
      },
      { name: 'initials', dataType: 'string', maxLength: 3, nullable: true, primaryKey: false, description: '' },
      { name: 'sex', dataType: 'code', nullable: true, primaryKey: false, description: '', codeType: 'sex_code' },
      { name: 'born', dataType: 'date', nullable: true, primaryKey: false, description: '' },
      { name: 'registered', dataType: 'datetime', nullable: true, primaryKey: false, description: '' },
      { name: 'deceased', dataType: 'boolean', nullable: true, primaryKey: false, description: '' },
      { name: 'weight_kg', dataType: 'decimal', nullable: true, primaryKey: false, description: '' },
      { name: 'notes', dataType: 'string', nullable: true, primaryKey: false, description: '' },
      { name: 'tags', dataType: 'string', nullable: true, primaryKey: false, description: '' },
    ]);
  });

  it('gives foreign keys within the schema as references, composite keys included', () => {
    const episode = catalog.tables.find((t) => t.name === 'episode')!;
    expect(episode.columns.map((c) => [c.name, c.primaryKey, c.nullable, c.references])).toEqual([
      ['ep_id', true, false, undefined],
      ['pat_id', false, false, 'patient.pat_id'],
      // A reference to another schema is left out: the catalog could not check it.
      ['ward_id', false, true, undefined],
      ['started', false, true, undefined],
    ]);
    const stay = catalog.tables.find((t) => t.name === 'bed_stay')!;
    expect(stay.columns.map((c) => [c.name, c.primaryKey, c.references])).toEqual([
      ['ep_id', true, 'episode.ep_id'],
      ['seq', true, undefined],
      ['ward', false, undefined],
    ]);
  });

  it('gives a catalog that passes catalog CSV validation', () => {
    expect(parseCatalogCsv(formatCatalogCsv(catalog), 'x.csv', { name: catalog.name })).toStrictEqual(catalog);
  });

  it('refuses a schema that does not exist', async () => {
    await expect(
      introspectPostgresCatalog({ connectionString: env.url, schema: 'no_such_schema_here' }),
    ).rejects.toMatchObject({ code: 'FERRY_ERR_NOT_FOUND' });
  });
});

describe('introspectPostgresCatalog without a server', () => {
  it('reports an unreachable server without its password', async () => {
    const e = await introspectPostgresCatalog({ connectionString: 'postgres://u:secret@127.0.0.1:1/x' }).catch(
      (err: unknown) => err,
    );
    expect(e).toMatchObject({ code: 'FERRY_ERR_SOURCE_UNREACHABLE' });
    expect((e as Error).message).toContain('postgres://u:***@127.0.0.1:1/x');
    expect((e as Error).message).not.toContain('secret');
  });

  it('maps PostgreSQL types to catalog types', () => {
    expect(catalogTypeOfPostgres('int4', 'b', 'N')).toBe('integer');
    expect(catalogTypeOfPostgres('float8', 'b', 'N')).toBe('decimal');
    expect(catalogTypeOfPostgres('timestamp', 'b', 'D')).toBe('datetime');
    expect(catalogTypeOfPostgres('date', 'b', 'D')).toBe('date');
    expect(catalogTypeOfPostgres('bool', 'b', 'B')).toBe('boolean');
    expect(catalogTypeOfPostgres('mood', 'e', 'E')).toBe('code');
    expect(catalogTypeOfPostgres('_int4', 'b', 'A')).toBe('string');
    expect(catalogTypeOfPostgres('jsonb', 'b', 'U')).toBe('string');
    expect(redactConnectionString('postgres://a@h/d')).toBe('postgres://a@h/d');
  });
});

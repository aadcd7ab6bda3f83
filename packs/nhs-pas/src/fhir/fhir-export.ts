import { mkdir, rm } from 'node:fs/promises';
import { type Catalog, FerryError, quoteIdent, type SqlDatabase, targetKeyColumn } from '@ferry/core';
import type { Resource } from '@medplum/fhirtypes';
import {
  admissionEncounter,
  alertFlag,
  allergyIntolerance,
  codedProcedure,
  diagnosisCondition,
  episodeEncounter,
  outpatientAppointment,
  pathwayEpisodeOfCare,
  referralServiceRequest,
} from './care-resources.js';
import type { LoadRow } from './fhir-values.js';
import { NdjsonWriters } from './ndjson-writers.js';
import { type FhirBuildOptions, patientResource } from './patient-resource.js';

/** A LOAD table and the resource each of its rows becomes. */
interface FhirSource {
  table: string;
  resourceType: Resource['resourceType'];
  build(row: LoadRow, options: FhirBuildOptions, children: readonly LoadRow[]): Resource;
  /** Extra columns from a parent joined on a link column: `[table, linkColumn, column, alias]`. */
  joins?: ReadonlyArray<readonly [string, string, string, string]>;
  /** Child rows gathered per page: the child table and its link to this table's key. */
  children?: readonly [string, string];
}

/** Every LOAD table the export reads, in load order (parents first). */
export const fhirSources: readonly FhirSource[] = [
  {
    table: 'LOAD_PMI',
    resourceType: 'Patient',
    build: (row, o, addrs) => patientResource(row, addrs, o),
    children: ['LOAD_PMIADDRS', 'LOADPMI_RECORD_NUMBER'],
  },
  { table: 'LOAD_PMIALERTS', resourceType: 'Flag', build: alertFlag },
  { table: 'LOAD_PMIALLERGIES', resourceType: 'AllergyIntolerance', build: allergyIntolerance },
  { table: 'LOAD_RTT_PATHWAYS', resourceType: 'EpisodeOfCare', build: pathwayEpisodeOfCare },
  { table: 'LOAD_REFERRALS', resourceType: 'ServiceRequest', build: referralServiceRequest },
  {
    table: 'LOAD_OPD_APPOINTMENTS',
    resourceType: 'Appointment',
    build: outpatientAppointment,
    joins: [['LOAD_CLINIC_SLOTS', 'LOADSLOT_RECORD_NUMBER', 'DURATION_MINS', 'SLOT_DURATION_MINS']],
  },
  { table: 'LOAD_ADT_ADMISSIONS', resourceType: 'Encounter', build: admissionEncounter },
  { table: 'LOAD_ADT_EPISODES', resourceType: 'Encounter', build: episodeEncounter },
  { table: 'LOAD_CODING_DIAGNOSES', resourceType: 'Condition', build: diagnosisCondition },
  { table: 'LOAD_CODING_PROCEDURES', resourceType: 'Procedure', build: codedProcedure },
];

export interface FhirExportOptions {
  db: SqlDatabase;
  jobId: string;
  targetCatalog: Catalog;
  outDir: string;
  build?: Partial<FhirBuildOptions>;
  pageSize?: number;
}

/** Per resource type: the rows of its LOAD tables for the job, and the resources written. */
export interface FhirExportCounts {
  resourceType: string;
  tables: string[];
  targetRows: number;
  exported: number;
}

const defaultBuild: FhirBuildOptions = { localSystemBase: 'urn:ferry:legpas:', asOf: '' };

async function tableExists(db: SqlDatabase, table: string): Promise<boolean> {
  const rows = await db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [quoteIdent(table)]);
  return rows[0]?.t != null;
}

/** Text of each column, NULL and blank as undefined. */
function loadRow(raw: Record<string, unknown>): LoadRow {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(raw)) out[k] = v === null || v === undefined || v === '' ? undefined : String(v);
  return out;
}

/**
 * Writes a job's LOAD tables as FHIR R4 Bulk Data NDJSON (`<Type>.ndjson`, one resource a line) into `outDir`, and
 * counts the job's rows of each table so that the export reconciles with the target. Reads page by page (keyset on
 * the table key); memory is bounded by the page size, whatever the size of the target.
 */
export async function exportFhirNdjson(options: FhirExportOptions): Promise<FhirExportCounts[]> {
  const { db, jobId, targetCatalog } = options;
  const pageSize = options.pageSize ?? 2000;
  const build: FhirBuildOptions = {
    ...defaultBuild,
    asOf: new Date().toISOString().slice(0, 10),
    ...options.build,
  };
  await rm(options.outDir, { recursive: true, force: true });
  await mkdir(options.outDir, { recursive: true });
  const writers = new NdjsonWriters(options.outDir);
  const counts = new Map<string, FhirExportCounts>();
  try {
    for (const source of fhirSources) {
      const catalogTable = targetCatalog.tables.find((t) => t.name === source.table);
      if (!catalogTable || !(await tableExists(db, source.table))) continue;
      const entry = counts.get(source.resourceType) ?? {
        resourceType: source.resourceType,
        tables: [],
        targetRows: 0,
        exported: 0,
      };
      counts.set(source.resourceType, entry);
      entry.tables.push(source.table);
      const [{ n }] = (await db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM ${quoteIdent(source.table)} WHERE ferry_job_id = $1`,
        [jobId],
      )) as [{ n: string }];
      entry.targetRows += Number(n);
      const key = targetKeyColumn(catalogTable);
      const cols = catalogTable.columns.map((c) => `t.${quoteIdent(c.name)}::text AS ${quoteIdent(c.name)}`);
      const joins: string[] = [];
      for (const [i, [parent, link, column, alias]] of (source.joins ?? []).entries()) {
        if (!(await tableExists(db, parent))) continue;
        const parentTable = targetCatalog.tables.find((t) => t.name === parent);
        if (!parentTable) continue;
        cols.push(`j${i}.${quoteIdent(column)}::text AS ${quoteIdent(alias)}`);
        joins.push(
          `LEFT JOIN ${quoteIdent(parent)} j${i} ON j${i}.ferry_job_id = t.ferry_job_id AND j${i}.${quoteIdent(targetKeyColumn(parentTable))} = t.${quoteIdent(link)}`,
        );
      }
      const select = `SELECT ${cols.join(', ')}, t.${quoteIdent(key)} AS ferry_page_key FROM ${quoteIdent(source.table)} t ${joins.join(' ')} WHERE t.ferry_job_id = $1`;
      const childTable = source.children ? targetCatalog.tables.find((t) => t.name === source.children![0]) : undefined;
      const withChildren = childTable && (await tableExists(db, childTable.name));
      let after: unknown = null;
      for (;;) {
        const page =
          after === null
            ? await db.query(`${select} ORDER BY t.${quoteIdent(key)} LIMIT ${pageSize}`, [jobId])
            : await db.query(
                `${select} AND t.${quoteIdent(key)} > $2 ORDER BY t.${quoteIdent(key)} LIMIT ${pageSize}`,
                [jobId, after],
              );
        if (!page.length) break;
        const byParent = new Map<string, LoadRow[]>();
        if (withChildren && childTable) {
          const link = quoteIdent(source.children![1]);
          const childCols = childTable.columns.map((c) => `${quoteIdent(c.name)}::text AS ${quoteIdent(c.name)}`);
          const children = await db.query(
            `SELECT ${childCols.join(', ')} FROM ${quoteIdent(childTable.name)} WHERE ferry_job_id = $1 AND ${link} >= $2 AND ${link} <= $3 ORDER BY ${quoteIdent(targetKeyColumn(childTable))}`,
            [jobId, page[0]!.ferry_page_key, page[page.length - 1]!.ferry_page_key],
          );
          for (const c of children) {
            const row = loadRow(c);
            const parent = row[source.children![1]] ?? '';
            byParent.set(parent, [...(byParent.get(parent) ?? []), row]);
          }
        }
        for (const raw of page) {
          const { ferry_page_key: _key, ...rest } = raw as Record<string, unknown>;
          const row = loadRow(rest);
          await writers.write(source.build(row, build, byParent.get(row[key] ?? '') ?? []));
          entry.exported++;
        }
        if (page.length < pageSize) break;
        after = page[page.length - 1]!.ferry_page_key;
      }
    }
  } finally {
    await writers.close();
  }
  if (counts.size === 0)
    throw new FerryError('FERRY_ERR_NOTHING_TO_JUDGE', `No LOAD table of the FHIR export is in the target`, {
      key: jobId,
    });
  return [...counts.values()];
}

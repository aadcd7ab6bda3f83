import type { Catalog } from '../catalog/catalog-model.js';
import { contractHash } from '../contract/contract-hash.js';
import type { MappingContract, ReleaseProfile } from '../contract/contract-model.js';
import type { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { FerryError } from '../errors.js';
import type { MigrationSource } from '../migrate/run-migration.js';
import { decideSourceDateFormats } from '../migrate/source-date-formats.js';
import { targetKeyColumn } from '../migrate/target-ddl.js';
import { CompiledTable } from '../transform/compiled-table.js';
import { DateReparseCheck } from './date-reparse-check.js';
import type { DateReparseResult, ReconciliationReportV2, TableReconciliation } from './reconciliation-report.js';
import { BagDigest, rowHash } from './row-hash.js';
import type { TargetRowReader } from './target-row-reader.js';

export interface ReconcileOptions {
  jobId: string;
  contract: MappingContract;
  source: MigrationSource;
  targetCatalog: Catalog;
  crosswalks: CrosswalkIndex;
  releaseProfile: ReleaseProfile;
  target: TargetRowReader;
  /** Source keys the load rejected, per source table (from rejects.csv). */
  rejectedKeys: Map<string, Set<string>>;
  /** The most mismatched keys listed per table and for patients. */
  maxListed?: number;
  /** `sourceFingerprint(source)`: named by the report with the job and the contract hash. */
  sourceFingerprint?: string;
  onProgress?: (event: { table: string; tableIndex: number; tableCount: number }) => void;
}

/**
 * Reconciles a job: re-derives from the source what each target row must hold (by the contract) and compares it,
 * row by row through lineage, with what the target holds, by content hash. A changed value is found, not only a
 * missing row. Per patient, the bag of row hashes across all patient-linked tables must match too. Date fields are
 * also re-read from the raw source apart from the contract's transform (`DateReparseCheck`), so a load that read
 * dates in the wrong format cannot reconcile as MATCH by applying the same wrong reading to both sides.
 * A job with no row in the target and none expected from the source is refused (FERRY_ERR_NOTHING_TO_JUDGE): two
 * empty sides would MATCH, which says nothing.
 */
export async function reconcileJob(options: ReconcileOptions): Promise<ReconciliationReportV2> {
  const { contract, source, targetCatalog, crosswalks, releaseProfile, target, jobId } = options;
  const maxListed = options.maxListed ?? 1000;
  const patientTable = contract.tables.find((t) => t.parents.length === 0 && t.domain === 'PMI')?.target;
  const sourcePatients = new Map<string, BagDigest>();
  const targetPatients = new Map<string, BagDigest>();
  const addTo = (bags: Map<string, BagDigest>, patient: string, hash: string) => {
    let bag = bags.get(patient);
    if (!bag) {
      bag = new BagDigest();
      bags.set(patient, bag);
    }
    bag.add(hash);
  };

  // The same whole-column decisions the load made (a pre-pass over the same source decides the same).
  const { formats: dateFormats } = await decideSourceDateFormats(contract, source);
  const tables: TableReconciliation[] = [];
  const dates: DateReparseResult[] = [];
  for (const [tableIndex, ct] of contract.tables.entries()) {
    options.onProgress?.({ table: ct.target, tableIndex, tableCount: contract.tables.length });
    const targetTable = targetCatalog.tables.find((t) => t.name === ct.target)!;
    const header = await source.header(ct.source);
    const compiled = new CompiledTable(ct, {
      sourceHeader: header,
      targetTable,
      crosswalks,
      releaseProfile,
      dateFormats: dateFormats[ct.target] ?? {},
    });
    const patientField =
      ct.target === patientTable
        ? targetKeyColumn(targetTable)
        : ct.parents.find((p) => p.table === patientTable)?.field;
    const patientIndex = patientField ? compiled.targetColumns.indexOf(patientField) : -1;
    const rejected = options.rejectedKeys.get(ct.source) ?? new Set<string>();

    const expected = new Map<string, string>();
    const dateCheck = new DateReparseCheck(ct, header, targetTable, maxListed);
    let explainedByRejects = 0;
    for await (const record of source.rows(ct.source)) {
      // A line of a malformed record (an unbalanced quote) is always rejected by the load: never expected in the target.
      if (record.malformed) {
        explainedByRejects++;
        continue;
      }
      if (record.fields.length !== header.length) continue;
      const mapped = compiled.map(record.fields);
      dateCheck.addSource(record.fields, mapped.status === 'loaded' ? mapped.key : undefined);
      if (mapped.status !== 'loaded') continue;
      if (rejected.has(mapped.key)) {
        explainedByRejects++;
        continue;
      }
      const hash = rowHash(mapped.values);
      expected.set(mapped.key, hash);
      if (patientIndex >= 0) addTo(sourcePatients, mapped.values[patientIndex]!, hash);
    }

    const result: TableReconciliation = {
      sourceTable: ct.source,
      targetTable: ct.target,
      expected: expected.size,
      inTarget: 0,
      matched: 0,
      changed: 0,
      missingInTarget: 0,
      unexpectedInTarget: 0,
      explainedByRejects,
      mismatches: [],
      mismatchesTruncated: false,
    };
    const note = (sourceKey: string, kind: TableReconciliation['mismatches'][number]['kind']) => {
      if (result.mismatches.length < maxListed) result.mismatches.push({ sourceKey, kind });
      else result.mismatchesTruncated = true;
    };
    for await (const row of target.rows(targetTable, jobId)) {
      result.inTarget++;
      if (row.sourceTable === ct.source) dateCheck.addTarget(row.sourceKey, row.values);
      const hash = rowHash(row.values);
      if (patientIndex >= 0) addTo(targetPatients, row.values[patientIndex]!, hash);
      const want = expected.get(row.sourceKey);
      if (want === undefined || row.sourceTable !== ct.source) {
        result.unexpectedInTarget++;
        note(row.sourceKey, 'unexpected_in_target');
        continue;
      }
      expected.delete(row.sourceKey);
      if (want === hash) result.matched++;
      else {
        result.changed++;
        note(row.sourceKey, 'changed');
      }
    }
    for (const key of expected.keys()) {
      result.missingInTarget++;
      note(key, 'missing_in_target');
    }
    result.mismatches.sort(
      (a, b) => a.sourceKey.localeCompare(b.sourceKey, 'en', { numeric: true }) || a.kind.localeCompare(b.kind),
    );
    tables.push(result);
    dates.push(...dateCheck.results());
  }

  const patientKeys = new Set([...sourcePatients.keys(), ...targetPatients.keys()]);
  const mismatchedKeys: string[] = [];
  let matched = 0;
  for (const key of patientKeys) {
    const s = sourcePatients.get(key);
    const t = targetPatients.get(key);
    if (s && t && s.equals(t)) matched++;
    else mismatchedKeys.push(key);
  }
  mismatchedKeys.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (tables.every((t) => t.expected === 0 && t.inTarget === 0)) {
    throw new FerryError(
      'FERRY_ERR_NOTHING_TO_JUDGE',
      `Job ${jobId} has no rows in the target and none are expected from the source: a reconciliation over nothing cannot match`,
      { key: jobId, stage: 'reconcile' },
    );
  }
  const clean =
    tables.every((t) => t.changed === 0 && t.missingInTarget === 0 && t.unexpectedInTarget === 0) &&
    dates.every((d) => d.disagreed === 0);
  return {
    version: 2,
    jobId,
    subject: { jobId, contractHash: contractHash(contract), sourceFingerprint: options.sourceFingerprint ?? null },
    outcome: clean && mismatchedKeys.length === 0 ? 'MATCH' : 'MISMATCH',
    tables,
    patients: {
      compared: patientKeys.size,
      matched,
      mismatched: mismatchedKeys.length,
      mismatchedKeys: mismatchedKeys.slice(0, maxListed),
      mismatchedKeysTruncated: mismatchedKeys.length > maxListed,
    },
    dates,
  };
}

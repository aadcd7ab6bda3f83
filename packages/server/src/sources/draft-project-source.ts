import {
  blocksLoad,
  type Catalog,
  type ContractLoadFinding,
  CsvSourceConnector,
  catalogIdentifierColumns,
  FerryError,
  introspectCsvFolder,
  introspectSourceCatalog,
  type MappingContract,
  type MappingSuggestion,
  type ProfileReport,
  profileSource,
  suggestContract,
  toDraftContract,
  validateContractForLoad,
} from '@ferry/core';
import type { FastifyRequest } from 'fastify';
import type { FerryApp } from '../app-types.js';
import { connectorRunSource } from '../connectors/connector-run-source.js';
import { parseConnectorSettings } from '../connectors/connector-settings.js';
import { openConnectorSource } from '../connectors/connector-source-spec.js';
import { findConnector } from '../connectors/connector-view.js';
import { lockProjectContract, saveContractVersion } from '../contracts/project-contract-store.js';
import { currentCrosswalks } from '../crosswalks/project-crosswalk-store.js';
import type { SourceCatalogOrigin } from '../db/platform-schema.js';
import { packCatalog } from '../packs/pack-catalogs.js';
import { packNamed } from '../packs/pack-registry.js';
import { connectorEnvironment } from '../routes/connectors/connector-environment.js';
import { findProject } from '../tenancy/project-view.js';
import { saveSourceCatalogVersion } from './project-source-catalog-store.js';

/** What drafting a project's source from a connector made, with the counts a person checks. */
export interface SourceDraftOutcome {
  catalog: {
    seq: number;
    hash: string;
    tables: number;
    columns: number;
    inScopeTables: number;
    primaryKeys: number;
    references: number;
  };
  profile: { tables: number; rows: number; columns: number };
  contract: {
    seq: number;
    hash: string;
    label: string;
    tables: number;
    rows: number;
    suggestedRows: number;
    targetTables: number;
    matchedTables: number;
    targetFields: number;
    toFix: Array<{ table: string; column?: string; code: string; message: string }>;
  };
}

/** Options of a draft. */
export interface SourceDraftOptions {
  /** Data rows read per table to infer types and keys (the CLI's default, 1000). */
  sampleRows?: number;
  /** Fields scoring below this get no suggestion (the CLI's default, 0.35). */
  minConfidence?: number;
}

/** The counts of a catalog a person checks a draft by. */
export function catalogCounts(catalog: Catalog): Omit<SourceDraftOutcome['catalog'], 'seq' | 'hash'> {
  const columns = catalog.tables.flatMap((t) => t.columns);
  return {
    tables: catalog.tables.length,
    columns: columns.length,
    inScopeTables: catalog.tables.filter((t) => t.inScope).length,
    primaryKeys: catalog.tables.filter((t) => t.columns.some((c) => c.primaryKey)).length,
    references: columns.filter((c) => c.references).length,
  };
}

const rowsOf = (contract: MappingContract) => contract.tables.reduce((n, t) => n + t.fields.length, 0);

const toFixOf = (findings: ContractLoadFinding[]) =>
  findings.filter(blocksLoad).map((f) => ({
    table: f.table,
    ...(f.field !== undefined ? { column: f.field } : {}),
    code: f.code,
    message: f.message,
  }));

/**
 * A project's source, drafted from one of its connectors (uploaded CSV files, a server folder, or any connector read
 * in place through the core registry), as the CLI's
 * `ferry catalog draft` and `ferry map --contract-out` do: the source catalog inferred from the files (types, keys,
 * references, scope guessed) and saved as the project's next source catalog version with the extract's profile;
 * the auto-mapper's suggestion against the pack's target catalog (scored with that profile) saved as the project's
 * next contract version, every row draft with its confidence and reason in its notes. Both are audited
 * (`source.draft`). The files are read outside any transaction; what is saved is saved in one.
 */
export async function draftProjectSource(
  app: FerryApp,
  request: FastifyRequest,
  projectId: string,
  connectorId: string,
  options: SourceDraftOptions = {},
): Promise<SourceDraftOutcome> {
  const principal = request.principal!;
  const prepared = await request.tenant(async (tx) => {
    const project = await findProject(tx, projectId);
    // The operator's folder and host allow-lists of the project's organisation (h9) apply to drafts as to runs.
    const env = await connectorEnvironment(app, tx, project.organisation_id);
    const connector = await findConnector(tx, connectorId);
    if (connector.project_id !== project.id)
      throw new FerryError('FERRY_ERR_NOT_FOUND', `No connector ${connectorId} in this project`);
    const settings = parseConnectorSettings(connector.type, connector.config);
    const crosswalks = await currentCrosswalks(tx, project.id);
    if (settings.type !== 'csv-upload' && settings.type !== 'csv-directory') {
      // Read in place through the core registry (its folder or host checked again, its password unsealed).
      const source = await openConnectorSource(env, connector);
      return { project, crosswalks, read: { kind: 'connector' as const, source, connector } };
    }
    // Last: the folder of an upload is a copy (hard links) that the draft removes once it has read it.
    const folder = await connectorRunSource(env, tx, project.id, connector.id);
    if (folder.source.kind !== 'folder') throw new FerryError('FERRY_ERR_INTERNAL', 'a CSV connector is a folder');
    const { dir, connector: ref } = folder.source;
    const read = { kind: 'folder' as const, dir, ref, discard: folder.discard, encoding: settings.settings.encoding };
    return { project, crosswalks, read };
  });
  const { project, crosswalks, read } = prepared;
  let sourceCatalog: Catalog;
  let profile: ProfileReport;
  let profiledAt: Date;
  let origin: SourceCatalogOrigin;
  try {
    if (read.kind === 'folder') {
      const { dir, encoding, ref } = read;
      sourceCatalog = await introspectCsvFolder(dir, {
        encoding,
        name: ref.name,
        ...(options.sampleRows ? { sampleRows: options.sampleRows } : {}),
      });
      profile = await profileSource(await CsvSourceConnector.open(dir, { encoding }), {
        identifierColumns: catalogIdentifierColumns(sourceCatalog),
      });
      origin = {
        kind: 'connector',
        connectorId: ref.id,
        connector: ref.name,
        type: ref.type,
        ...(ref.files ? { files: ref.files } : {}),
      };
    } else {
      const { source, connector } = read;
      sourceCatalog = await introspectSourceCatalog(source, {
        sampleRows: options.sampleRows ?? 1000,
        inferKeys: true,
        name: connector.name,
      });
      profile = await profileSource(source, { identifierColumns: catalogIdentifierColumns(sourceCatalog) });
      origin = { kind: 'connector', connectorId: connector.id, connector: connector.name, type: connector.type };
    }
    profiledAt = app.platform.now();
  } finally {
    await (read.kind === 'folder' ? read.discard() : read.source.close());
  }
  const targetCatalog = await packCatalog(packNamed(app.platform.packs, project.pack), 'target');
  const crosswalkCodeTypes = new Set(crosswalks.set.entries.map((e) => e.codeType));
  const suggestion: MappingSuggestion = suggestContract({
    sourceCatalog,
    targetCatalog,
    profile,
    crosswalkCodeTypes,
    ...(options.minConfidence !== undefined ? { minConfidence: options.minConfidence } : {}),
  });
  const draft = toDraftContract(suggestion, { sourceSystem: sourceCatalog.name });
  const toFix = toFixOf(validateContractForLoad(draft, { sourceCatalog, targetCatalog, crosswalkCodeTypes }));
  const by = { userId: principal.userId, email: principal.email };
  return request.tenant(async (tx) => {
    await lockProjectContract(tx, project.id);
    const { version } = await saveSourceCatalogVersion(tx, project, sourceCatalog, {
      by,
      origin,
      profile: { report: profile, at: profiledAt },
      message: 'source.draft',
    });
    const contract = await saveContractVersion(tx, project, draft, {
      by,
      changes: draft.tables.flatMap((t) =>
        t.fields.map((f) => ({ table: t.target, column: f.target, kind: 'edit' as const })),
      ),
      message: 'source.draft',
    });
    const outcome: SourceDraftOutcome = {
      catalog: { seq: version.row.seq, hash: version.row.hash, ...catalogCounts(sourceCatalog) },
      profile: {
        tables: profile.tables.length,
        rows: profile.tables.reduce((n, t) => n + t.rows, 0),
        columns: profile.tables.reduce((n, t) => n + t.columns.length, 0),
      },
      contract: {
        seq: contract.row.seq,
        hash: contract.row.hash,
        label: draft.label,
        tables: draft.tables.length,
        rows: rowsOf(draft),
        suggestedRows: suggestion.counts.suggestedFields,
        targetTables: suggestion.counts.targetTables,
        matchedTables: suggestion.counts.matchedTables,
        targetFields: suggestion.counts.targetFields,
        toFix,
      },
    };
    await request.audit(tx, {
      organisationId: project.organisation_id,
      action: 'source.draft',
      targetType: 'project',
      targetId: project.id,
      after: { sourceCatalogHash: version.row.hash, contractHash: contract.row.hash },
      details: {
        connectorId: origin.connectorId,
        sourceCatalogHash: version.row.hash,
        contractHash: contract.row.hash,
        catalog: outcome.catalog,
        profile: outcome.profile,
        contract: { ...outcome.contract, toFix: toFix.length },
      },
    });
    return outcome;
  });
}

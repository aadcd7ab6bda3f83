import {
  buildErd,
  type Catalog,
  type Erd,
  type MappingContract,
  type Pack,
  type ProfileSourceConnector,
} from '@ferry/core';
import { packCatalog } from '../packs/pack-catalogs.js';

/** Which diagram: a catalog side, the contract version giving table domains, and the run whose data was measured. */
export interface ErdRequest {
  pack: Pack;
  side: 'source' | 'target';
  /** The project's own source catalog version (source side), instead of its pack's. */
  sourceCatalog?: { catalog: Catalog; hash: string };
  contract: MappingContract;
  contractHash: string;
  minConfidence: number;
  /** Source data of a run (source side only): value containment confirms, refutes and discovers edges. */
  data?: { runId: string; source: ProfileSourceConnector };
}

/** The target side's domains come from the contract too: each target table takes the domain of the table loading it. */
function domainsByTarget(contract: MappingContract): MappingContract {
  return { ...contract, tables: contract.tables.map((t) => ({ ...t, source: t.target })) };
}

/**
 * Builds ERDs with core's `buildErd` and keeps the last few (a 400-table catalog takes about 1.5 s). The inputs
 * are immutable (pack data or a content-hashed source catalog version, a content-hashed contract version, a finished
 * run's extract), so the key says it all.
 */
export class ErdCache {
  private readonly entries = new Map<string, Promise<Erd>>();

  constructor(private readonly capacity = 16) {}

  get(request: ErdRequest): Promise<Erd> {
    const key = [
      request.pack.name,
      request.side,
      request.side === 'source' ? (request.sourceCatalog?.hash ?? 'pack') : 'pack',
      request.contractHash,
      request.minConfidence,
      request.data?.runId ?? '',
    ].join('|');
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const building = this.build(request).catch((e) => {
      this.entries.delete(key);
      throw e;
    });
    this.entries.set(key, building);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return building;
  }

  private async build(request: ErdRequest): Promise<Erd> {
    const catalog =
      request.side === 'source' && request.sourceCatalog
        ? request.sourceCatalog.catalog
        : await packCatalog(request.pack, request.side);
    return buildErd({
      catalog,
      contract: request.side === 'source' ? request.contract : domainsByTarget(request.contract),
      minConfidence: request.minConfidence,
      ...(request.data ? { source: request.data.source } : {}),
    });
  }
}

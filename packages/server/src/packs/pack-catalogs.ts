import type { Catalog, Pack } from '@ferry/core';

const cache = new WeakMap<Pack, { source?: Promise<Catalog>; target?: Promise<Catalog> }>();

/**
 * A pack's source or target catalog, read once per pack and process (catalogs are pack data and do not change while
 * the server runs; a failed read is retried next time).
 */
export function packCatalog(pack: Pack, side: 'source' | 'target'): Promise<Catalog> {
  const entry = cache.get(pack) ?? {};
  cache.set(pack, entry);
  const existing = entry[side];
  if (existing) return existing;
  const loading = (side === 'source' ? pack.sourceCatalog() : pack.targetCatalog()).catch((e) => {
    delete entry[side];
    throw e;
  });
  entry[side] = loading;
  return loading;
}

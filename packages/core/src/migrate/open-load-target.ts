import { FerryError } from '../errors.js';
import { openDatabase } from '../store/open-database.js';
import { CsvLoadTarget } from './csv-load-target.js';
import { DatabaseLoadTarget } from './database-load-target.js';
import type { LoadTarget } from './load-target.js';

/** Opens a load target by URL: `csv:DIR`, `pglite:PATH` or `postgres://...`. */
export async function openLoadTarget(url: string): Promise<LoadTarget> {
  if (url.startsWith('csv:')) {
    const dir = url.slice(4);
    if (!dir) throw new FerryError('FERRY_ERR_USAGE', 'A csv: target needs a folder, e.g. csv:out/load');
    return new CsvLoadTarget(dir);
  }
  return new DatabaseLoadTarget(await openDatabase(url));
}

import { FerryError } from '../errors.js';
import { quoteIdent, type SqlExecutor } from '../store/sql-database.js';

/** One side of a table comparison: a table (or view) in a database, its key columns and the columns compared. */
export interface DiffSide {
  db: SqlExecutor;
  table: string;
  /** Key columns, compared as text in byte order ("C" collation) so both sides split ranges the same way. */
  key: string[];
  /** Value columns compared by content hash (same order on both sides). */
  columns: string[];
  /** An extra SQL condition, e.g. `ferry_job_id = 'job-1'`. Trusted input (from the operator), not user data. */
  where?: string;
}

export type KeyTuple = (string | null)[];

export interface TableDiffOptions {
  /** Segments with at most this many rows on each side are compared row by row (default 1000). */
  leafRows?: number;
  /** The most mismatched keys listed (default 1000); counts stay exact. */
  maxListed?: number;
}

export interface TableDiffResult {
  matched: boolean;
  leftRows: number;
  rightRows: number;
  mismatches: { key: KeyTuple; kind: 'missing_in_right' | 'missing_in_left' | 'changed' }[];
  mismatchCount: number;
  mismatchesTruncated: boolean;
  /** How much work the bisection did: segments checksummed, and rows pulled to compare row by row. */
  segments: number;
  rowsPulled: number;
}

interface Range {
  after?: KeyTuple;
  upTo?: KeyTuple;
}

const keyText = (side: DiffSide) => side.key.map((k) => `${quoteIdent(k)}::text COLLATE "C"`);
const tuple = (exprs: string[]) => `(${exprs.join(', ')})`;
const rowText = (side: DiffSide) =>
  `concat_ws('|', ${side.columns.map((c) => `coalesce(${quoteIdent(c)}::text, '\\N')`).join(', ')})`;
/** 60 bits of the row's md5, as a bigint: summed per segment (sums of 2^60 fit in numeric). */
const rowHashSql = (side: DiffSide) => `('x' || substr(md5(${rowText(side)}), 1, 15))::bit(60)::bigint`;

function conditions(side: DiffSide, range: Range, params: unknown[]): string {
  const keys = keyText(side);
  const parts = side.key.map((k) => `${quoteIdent(k)} IS NOT NULL`);
  const placeholders = (t: KeyTuple) =>
    tuple(
      t.map((v) => {
        params.push(v);
        return `$${params.length}::text COLLATE "C"`;
      }),
    );
  if (range.after) parts.push(`${tuple(keys)} > ${placeholders(range.after)}`);
  if (range.upTo) parts.push(`${tuple(keys)} <= ${placeholders(range.upTo)}`);
  if (side.where) parts.push(`(${side.where})`);
  return parts.join(' AND ');
}

async function checksum(side: DiffSide, range: Range): Promise<{ n: number; sum: string }> {
  const params: unknown[] = [];
  const [r] = await side.db.query<{ n: string; s: string }>(
    `SELECT count(*)::text AS n, coalesce(sum(${rowHashSql(side)}::numeric), 0)::text AS s FROM ${quoteIdent(side.table)} WHERE ${conditions(side, range, params)}`,
    params,
  );
  return { n: Number(r!.n), sum: r!.s };
}

async function rows(side: DiffSide, range: Range): Promise<Map<string, { key: KeyTuple; hash: string }>> {
  const params: unknown[] = [];
  const keys = keyText(side);
  const result = await side.db.query<Record<string, string | null>>(
    `SELECT ${keys.map((k, i) => `${k} AS k${i}`).join(', ')}, md5(${rowText(side)}) AS h FROM ${quoteIdent(side.table)}
      WHERE ${conditions(side, range, params)}`,
    params,
  );
  const out = new Map<string, { key: KeyTuple; hash: string }>();
  for (const r of result) {
    const key = side.key.map((_, i) => r[`k${i}`] ?? null);
    out.set(JSON.stringify(key), { key, hash: r.h! });
  }
  return out;
}

async function median(side: DiffSide, range: Range, count: number): Promise<KeyTuple> {
  const params: unknown[] = [];
  const keys = keyText(side);
  const [r] = await side.db.query<Record<string, string | null>>(
    `SELECT ${keys.map((k, i) => `${k} AS k${i}`).join(', ')} FROM ${quoteIdent(side.table)} WHERE ${conditions(side, range, params)}
      ORDER BY ${keys.join(', ')} OFFSET ${Math.floor((count - 1) / 2)} LIMIT 1`,
    params,
  );
  return side.key.map((_, i) => r![`k${i}`] ?? null);
}

/** Rows with a NULL in any key column: they cannot be ordered into ranges, so they are compared as one bag. */
async function nullKeyBag(
  side: DiffSide,
): Promise<{ n: number; hashes: Map<string, { key: KeyTuple; count: number }> }> {
  const anyNull = side.key.map((k) => `${quoteIdent(k)} IS NULL`).join(' OR ');
  const keys = keyText(side);
  const result = await side.db.query<Record<string, string | null>>(
    `SELECT ${keys.map((k, i) => `${k} AS k${i}`).join(', ')}, md5(${tuple(keys)}::text || '|' || ${rowText(side)}) AS h
       FROM ${quoteIdent(side.table)} WHERE (${anyNull})${side.where ? ` AND (${side.where})` : ''}`,
  );
  const hashes = new Map<string, { key: KeyTuple; count: number }>();
  for (const r of result) {
    const seen = hashes.get(r.h!);
    if (seen) seen.count++;
    else hashes.set(r.h!, { key: side.key.map((_, i) => r[`k${i}`] ?? null), count: 1 });
  }
  return { n: result.length, hashes };
}

/**
 * Compares two keyed tables without pulling everything: checksums (row count and a sum of row hashes) of key ranges are
 * compared on both sides; a range that differs is split at its median key (bisection), down to segments small enough
 * to compare row by row. Compound keys order as tuples; rows with NULL keys are compared as a bag.
 *
 * @example
 * const diff = await diffKeyedTables(
 *   { db: source, table: 'PATIENT_STAGE', key: ['PAT_ID'], columns: ['SURNAME', 'DOB'] },
 *   { db: target, table: 'LOAD_PMI', key: ['RECORD_NUMBER'], columns: ['SURNAME', 'DATE_OF_BIRTH'] },
 * );
 */
export async function diffKeyedTables(
  left: DiffSide,
  right: DiffSide,
  options: TableDiffOptions = {},
): Promise<TableDiffResult> {
  if (left.key.length !== right.key.length || left.columns.length !== right.columns.length || left.key.length === 0) {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      'Both sides need the same, non-zero number of key columns and of compared columns',
    );
  }
  const leafRows = options.leafRows ?? 1000;
  const maxListed = options.maxListed ?? 1000;
  const result: TableDiffResult = {
    matched: true,
    leftRows: 0,
    rightRows: 0,
    mismatches: [],
    mismatchCount: 0,
    mismatchesTruncated: false,
    segments: 0,
    rowsPulled: 0,
  };
  const note = (key: KeyTuple, kind: TableDiffResult['mismatches'][number]['kind']) => {
    result.mismatchCount++;
    if (result.mismatches.length < maxListed) result.mismatches.push({ key, kind });
    else result.mismatchesTruncated = true;
  };

  const compare = async (range: Range, l: { n: number; sum: string }, r: { n: number; sum: string }): Promise<void> => {
    if (l.n === r.n && l.sum === r.sum) return;
    if (Math.max(l.n, r.n) <= leafRows) {
      const [a, b] = await Promise.all([rows(left, range), rows(right, range)]);
      result.rowsPulled += a.size + b.size;
      for (const [k, row] of a) {
        const other = b.get(k);
        if (!other) note(row.key, 'missing_in_right');
        else if (other.hash !== row.hash) note(row.key, 'changed');
      }
      for (const [k, row] of b) if (!a.has(k)) note(row.key, 'missing_in_left');
      return;
    }
    const mid = await median(l.n >= r.n ? left : right, range, Math.max(l.n, r.n));
    for (const sub of [
      { after: range.after, upTo: mid },
      { after: mid, upTo: range.upTo },
    ]) {
      const [sl, sr] = await Promise.all([checksum(left, sub), checksum(right, sub)]);
      result.segments += 2;
      await compare(sub, sl, sr);
    }
  };

  const [l, r] = await Promise.all([checksum(left, {}), checksum(right, {})]);
  result.segments += 2;
  await compare({}, l, r);

  const [ln, rn] = await Promise.all([nullKeyBag(left), nullKeyBag(right)]);
  for (const [h, { key, count }] of ln.hashes) {
    for (let i = rn.hashes.get(h)?.count ?? 0; i < count; i++) note(key, 'missing_in_right');
  }
  for (const [h, { key, count }] of rn.hashes) {
    for (let i = ln.hashes.get(h)?.count ?? 0; i < count; i++) note(key, 'missing_in_left');
  }
  result.leftRows = l.n + ln.n;
  result.rightRows = r.n + rn.n;
  result.matched = result.mismatchCount === 0;
  const order = (k: KeyTuple) => JSON.stringify(k);
  result.mismatches.sort((a, b) => (order(a.key) < order(b.key) ? -1 : order(a.key) > order(b.key) ? 1 : 0));
  return result;
}

import { type RejectReason, rejectReasons } from '../transform/reject-reasons.js';
import type { ImportReject } from './practice-import-model.js';

/** Rejects of one reason: how many, what the reason means, and the first rows to fix (file, line, field). */
export interface RejectGroup {
  reasonCode: RejectReason;
  description: string;
  count: number;
  rows: Array<{ table: string; key: string; sourceFile: string; sourceLine: number; field: string; message: string }>;
}

/**
 * Groups rejects by reason, largest group first, each with at most `rowsPerGroup` of its rows (in file and line
 * order): the list a practice works through.
 *
 * @example
 * groupRejects(rejects)[0] // { reasonCode: 'CROSSWALK_MISS', count: 12, rows: [...] }
 */
export function groupRejects(rejects: readonly ImportReject[], rowsPerGroup = 50): RejectGroup[] {
  const groups = new Map<RejectReason, ImportReject[]>();
  for (const r of rejects) {
    const g = groups.get(r.reasonCode);
    if (g) g.push(r);
    else groups.set(r.reasonCode, [r]);
  }
  return [...groups]
    .map(([reasonCode, rows]) => ({
      reasonCode,
      description: rejectReasons[reasonCode],
      count: rows.length,
      rows: [...rows]
        .sort((a, b) => a.sourceFile.localeCompare(b.sourceFile) || a.sourceLine - b.sourceLine)
        .slice(0, rowsPerGroup)
        .map(({ table, key, sourceFile, sourceLine, field, message }) => ({
          table,
          key,
          sourceFile,
          sourceLine,
          field,
          message,
        })),
    }))
    .sort((a, b) => b.count - a.count || a.reasonCode.localeCompare(b.reasonCode));
}

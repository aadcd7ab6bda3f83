import { shadowTableWords } from '../mapping/abbreviations.js';
import { splitName } from '../mapping/name-tokens.js';

/** Table-name words of copies of live data: the mapper's list and the short forms extracts use (AUD, ARC, BKP). */
const outOfScopeWords: ReadonlySet<string> = new Set([...shadowTableWords, 'AUD', 'ARC', 'ARCH', 'BKP']);

/**
 * The draft's guess whether a table is in scope of a migration: it holds rows, and its name has no word of an audit
 * trail, history, archive, log, backup or temporary copy (`PATIENT_AUD`, `tblAddrHistory`, `ARC_OP_APPT`). An analyst
 * changes `in_scope` in the catalog CSV where the guess is wrong.
 *
 * @example
 * guessInScope('PatientAudit', 40) // => false
 * guessInScope('Patient', 40) // => true
 */
export function guessInScope(tableName: string, rows: number): boolean {
  if (rows === 0) return false;
  return !splitName(tableName).some((w) => outOfScopeWords.has(w));
}

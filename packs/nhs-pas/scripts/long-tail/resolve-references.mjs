/**
 * Resolves `>TABLE` column specs against the whole catalog: the column takes the referenced key's name (unless
 * it has its own), type, length and code type, `references` becomes `TABLE.KEY`, and the description names the
 * target the way the core's descriptions do ("Patient (PATIENT.PAT_ID)").
 */
import { singleKey } from './core-catalog.mjs';

/**
 * Resolves the references of the given tables in place.
 *
 * @param {import('./table-spec.mjs').LongTailTable[]} tables tables to resolve
 * @param {(name: string) => import('./table-spec.mjs').LongTailTable | undefined} find finds any catalog table
 * @param {string[]} warnings receives one line per reference that could not be resolved
 */
export function resolveReferences(tables, find, warnings) {
  for (const t of tables) {
    for (const c of t.columns) {
      if (!c.refTable) continue;
      const target = find(c.refTable);
      const key = singleKey(target);
      if (!target || !key) {
        const name = c.name || `${c.refTable}_ID`;
        warnings.push(`${t.name}.${name}: no table ${c.refTable} with a single-column key; kept without a reference`);
        Object.assign(c, { name, dataType: 'integer', maxLength: '', refTable: '' });
        continue;
      }
      const references = `${target.name}.${key.name}`;
      Object.assign(c, {
        name: c.name || key.name,
        dataType: key.dataType,
        maxLength: key.maxLength,
        codeType: key.codeType,
        references,
        refTable: '',
        description: `${c.description} (${references})`,
      });
    }
  }
}

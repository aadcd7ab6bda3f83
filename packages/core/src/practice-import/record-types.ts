/**
 * The record type a person names for a target table: kebab-case and plural (`patient` -> `patients`,
 * `contact_lens_spec` -> `contact-lens-specs`, `lab_order` -> `lab-orders`).
 *
 * @example
 * recordTypeOf('clinical_note') // => 'clinical-notes'
 */
export function recordTypeOf(targetTable: string): string {
  const kebab = targetTable.toLowerCase().replaceAll('_', '-');
  return kebab.endsWith('s') ? kebab : `${kebab}s`;
}

/** Whether `name` (as a person typed it) names this target table: its record type or the table name itself. */
export function namesTargetTable(name: string, targetTable: string): boolean {
  const n = name.trim().toLowerCase().replaceAll('_', '-');
  return n === recordTypeOf(targetTable) || n === targetTable.toLowerCase().replaceAll('_', '-');
}

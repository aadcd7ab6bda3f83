/** A fixed value that a target field's documentation asks for. */
export interface ConstantValue {
  value: string;
  reason: string;
}

const patterns: readonly RegExp[] = [
  /\bconstant(?: value)?\s*[:=]?\s*'?([A-Za-z0-9_.-]+)'?/i,
  /\b(?:always|fixed value)\s*[:=]?\s*'([A-Za-z0-9_.-]+)'/i,
];

/**
 * Finds a constant stated in a target field's description, such as "Source system code (constant LEGPAS)"
 * or "always 'HOSP'". Such a field is filled with the value, not from a source column.
 *
 * @example
 * constantFromDescription('Source system code (constant LEGPAS)') // => { value: 'LEGPAS', reason: ... }
 */
export function constantFromDescription(description: string): ConstantValue | undefined {
  for (const p of patterns) {
    const m = p.exec(description);
    if (m?.[1]) return { value: m[1], reason: `the target description states the constant ${m[1]}` };
  }
  return undefined;
}

/**
 * A JSON record as flat text fields: nested objects become dotted names (`address.postcode`), arrays their JSON text,
 * numbers and booleans their JSON text, and null the empty string (as a CSV export writes a missing value).
 *
 * @example
 * flattenJsonRecord({ id: 1, name: { family: 'SMITH' }, tags: ['a'], gone: null })
 * // Map { 'id' => '1', 'name.family' => 'SMITH', 'tags' => '["a"]', 'gone' => '' }
 */
export function flattenJsonRecord(record: unknown, out = new Map<string, string>(), prefix = ''): Map<string, string> {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    out.set(prefix || 'value', jsonText(record));
    return out;
  }
  for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flattenJsonRecord(value, out, name);
    else out.set(name, jsonText(value));
  }
  return out;
}

function jsonText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

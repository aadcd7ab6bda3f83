import type { JsonSchema } from './openapi-operations.js';

const typesOf = (s: JsonSchema): string[] => [s.type ?? []].flat();

/** Whether a schema accepts a string (directly or as one of its alternatives). */
export function acceptsString(s: JsonSchema | undefined): boolean {
  if (!s) return false;
  return typesOf(s).includes('string') || [...(s.anyOf ?? []), ...(s.oneOf ?? [])].some(acceptsString);
}

/** Whether a string schema is free text (not an enum, a constant, a uuid or a date: those refuse hostile text by shape). */
export function isFreeText(s: JsonSchema): boolean {
  if (s.enum || s.const !== undefined) return false;
  return !['uuid', 'date-time', 'date', 'email', 'uri'].includes(s.format ?? '');
}

/**
 * A value the schema accepts, built from the schema alone (required properties only, first enum value, smallest
 * number, an `x` string of the minimum length): the attack suite's stand-in for a real request body, so a hostile value
 * in one field is judged by that field rather than by the others being missing.
 */
export function sampleValue(s: JsonSchema | undefined, fieldName = ''): unknown {
  if (!s) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const alternative = s.anyOf ?? s.oneOf;
  if (alternative?.length) return sampleValue(alternative.find((a) => !typesOf(a).includes('null')) ?? alternative[0]);
  if (s.allOf?.length) return sampleValue(s.allOf[0]);
  const type = typesOf(s).find((x) => x !== 'null') ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sampleValue(s.properties?.[key], key);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleValue(s.items));
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string':
      return sampleString(s, fieldName);
    default:
      return undefined;
  }
}

function sampleString(s: JsonSchema, fieldName: string): string {
  if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (s.format === 'email' || /email/i.test(fieldName)) return 'someone@example.test';
  if (s.format === 'date-time') return '2026-03-02T09:00:00.000Z';
  if (s.format === 'date') return '2026-03-02';
  if (s.pattern === '^\\d{6}$') return '123456';
  return 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

/** The free-text string fields of an object schema, top level, by name. */
export function stringFields(s: JsonSchema | undefined): { name: string; schema: JsonSchema }[] {
  return Object.entries(s?.properties ?? {})
    .filter(([, f]) => acceptsString(f))
    .map(([name, schema]) => ({ name, schema }));
}

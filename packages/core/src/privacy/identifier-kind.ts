import { z } from 'zod';

/**
 * The kinds of value that identify a person: declared on a catalog column (`identifier`) or guessed by the profiler.
 * `other` is a declared identifier of no listed kind (a local case-note reference, a passport number).
 */
export const identifierKinds = [
  'nhs_number',
  'hospital_number',
  'name',
  'date_of_birth',
  'postcode',
  'phone',
  'email',
  'other',
] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

export const identifierKindSchema = z.enum(identifierKinds);

export function isIdentifierKind(s: string): s is IdentifierKind {
  return (identifierKinds as readonly string[]).includes(s);
}

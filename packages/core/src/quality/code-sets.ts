import { z } from 'zod';

/** One national code of a code type, as `crosswalks/code-sets.csv` lists it (`code_type,code,label,retired`). */
export const codeSetEntrySchema = z.object({
  codeType: z.string().min(1),
  code: z.string().min(1),
  label: z.string().default(''),
  retired: z.boolean().default(false),
});
export type CodeSetEntry = z.infer<typeof codeSetEntrySchema>;

/** National codes by code type: what `code_in_set` checks read. */
export type CodeSets = Readonly<Record<string, ReadonlyArray<{ code: string; retired: boolean }>>>;

/**
 * Groups code set entries by code type, codes in file order.
 *
 * @example
 * groupCodeSets([{ codeType: 'sex', code: '1', label: 'Male', retired: false }]) // => { sex: [{ code: '1', retired: false }] }
 */
export function groupCodeSets(entries: readonly CodeSetEntry[]): CodeSets {
  const out: Record<string, Array<{ code: string; retired: boolean }>> = {};
  for (const e of entries) (out[e.codeType] ??= []).push({ code: e.code, retired: e.retired });
  return out;
}

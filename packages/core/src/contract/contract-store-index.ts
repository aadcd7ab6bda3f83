import { z } from 'zod';

/** One saved contract version, as the store's index records it. */
export const contractVersionEntrySchema = z.object({
  /** sha256 of the version's canonical JSON (`contractHash`): also its file name under `versions/`. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The contract's own label (e.g. 1.2.0); several draft versions may share one, a locked one owns it. */
  label: z.string(),
  name: z.string(),
  /** The version this one was derived from, if any. */
  parent: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  createdBy: z.string().min(1),
  createdAt: z.string().min(1),
  locked: z.boolean(),
  lockedBy: z.string().optional(),
  lockedAt: z.string().optional(),
  /** Why the version was saved (a commit message). */
  message: z.string().optional(),
});
export type ContractVersionEntry = z.infer<typeof contractVersionEntrySchema>;

/** `index.json` of a contract store: every version in the order it was saved. */
export const contractStoreIndexSchema = z.object({
  version: z.literal(1),
  versions: z.array(contractVersionEntrySchema),
});
export type ContractStoreIndex = z.infer<typeof contractStoreIndexSchema>;

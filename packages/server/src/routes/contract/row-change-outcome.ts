import { contractLoadFindingCodes } from '@ferry/core';
import { z } from 'zod';
import { contractRowSchema } from '../../contracts/contract-row-view.js';
import { changeOutcomeSchema } from './review-contract-rows-route.js';

/** A finding of core's contract validation: errors block a load, warnings are for the reviewer. */
export const contractFindingSchema = z.object({
  severity: z.enum(['error', 'warning']),
  table: z.string(),
  field: z.string().optional(),
  code: z.enum(contractLoadFindingCodes),
  message: z.string(),
});

/** The answer of a one-row change: the new version, the row as it now is (null once removed), its findings. */
export const rowChangeOutcomeSchema = changeOutcomeSchema.extend({
  reopened: z.number().int(),
  row: contractRowSchema.nullable(),
  findings: z.array(contractFindingSchema).describe('what still stops the row loading, or is for the reviewer'),
});

import { reviewStatuses } from '@ferry/core';
import { z } from 'zod';

/** core's CrosswalkEntryFilter as the API takes it. */
export const crosswalkFilterSchema = z.object({
  codeType: z.string().max(100).optional(),
  sourceCode: z.string().max(200).optional(),
  status: z.union([z.enum(reviewStatuses), z.array(z.enum(reviewStatuses)).max(4)]).optional(),
  text: z.string().max(200).optional(),
});

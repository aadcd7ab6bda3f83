import { z } from 'zod';
import { idSchema } from '../schemas.js';

/** A contract row in a URL: project, target table, target column. */
export const contractRowParams = z.object({
  projectId: idSchema,
  table: z.string().min(1).max(200),
  column: z.string().min(1).max(200),
});

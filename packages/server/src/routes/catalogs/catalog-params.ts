import { z } from 'zod';
import { idSchema } from '../schemas.js';

export const catalogParams = z.object({ projectId: idSchema, side: z.enum(['source', 'target']) });

import { z } from 'zod';
import { idSchema } from '../schemas.js';

export const runParams = z.object({ runId: idSchema });

import { stringSteps } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';

/** GET /api/contract/transform-steps: the transform vocabulary a contract row may use (for pickers). */
export function listTransformStepsRoute(app: FerryApp): void {
  app.get(
    '/api/contract/transform-steps',
    {
      schema: {
        tags: ['contract'],
        summary: 'The transform steps contract rows may use',
        response: { 200: z.object({ steps: z.array(z.string()) }) },
      },
      config: { access: 'authenticated' },
    },
    async () => ({ steps: Object.keys(stringSteps).sort() }),
  );
}

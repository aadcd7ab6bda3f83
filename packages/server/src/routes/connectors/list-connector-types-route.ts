import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { connectorTypeDescriptions, connectorTypes } from '../../connectors/connector-settings.js';

const typeSchema = z.object({
  type: z.enum(connectorTypes),
  label: z.string(),
  description: z.string(),
  /** Whether a lifecycle run can take its source rows from connectors of this type. */
  runSource: z.boolean(),
  /** For csv-directory: whether this server allows any source folders (FERRY_SOURCE_ROOTS). */
  available: z.boolean(),
});

/** GET /api/connector-types: the connector types this server offers. */
export function listConnectorTypesRoute(app: FerryApp): void {
  app.get(
    '/api/connector-types',
    {
      schema: { tags: ['connectors'], summary: 'Connector types', response: { 200: z.array(typeSchema) } },
      config: { access: 'authenticated' },
    },
    async () =>
      connectorTypes.map((type) => ({
        type,
        ...connectorTypeDescriptions[type],
        available: type !== 'csv-directory' || app.platform.config.sourceRoots.length > 0,
      })),
  );
}

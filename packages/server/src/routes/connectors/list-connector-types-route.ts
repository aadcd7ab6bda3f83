import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { connectorTypeDescriptions, connectorTypes } from '../../connectors/connector-settings.js';

const typeSchema = z.object({
  type: z.enum(connectorTypes),
  label: z.string(),
  description: z.string(),
  /** Whether a lifecycle run can take its source rows from connectors of this type. */
  runSource: z.boolean(),
  /** Whether this server allows any source folders (csv-directory: FERRY_SOURCE_ROOTS) or hosts (postgres: FERRY_SOURCE_DB_HOSTS). */
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
        available:
          type === 'csv-directory'
            ? app.platform.config.sourceRoots.length > 0
            : type === 'postgres'
              ? app.platform.config.sourceDbHosts.length > 0
              : true,
      })),
  );
}

import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import {
  connectorTypeDescriptions,
  connectorTypes,
  databaseConnectorTypes,
  pathConnectorTypes,
} from '../../connectors/connector-settings.js';
import { connectorFieldSchema, connectorTypeFields } from '../../connectors/connector-type-fields.js';
import { usableSourceRoots } from '../../connectors/source-directory.js';
import { sourceFolderPolicy } from '../../connectors/source-folders.js';
import { targetHostAllowlist } from '../../targets/target-host-policy.js';

const typeSchema = z.object({
  type: z.enum(connectorTypes),
  label: z.string(),
  description: z.string(),
  /** Whether a lifecycle run can take its source rows from connectors of this type. */
  runSource: z.boolean(),
  /**
   * Whether the caller's organisation may use the type at all: csv-directory when the operator allowed it a folder
   * (inside FERRY_SOURCE_ROOTS), postgres when it allowed it a database host (and FERRY_SOURCE_DB_HOSTS is not empty).
   * For a super admin (no organisation): whether the server's ceilings allow any.
   */
  available: z.boolean(),
  /** The type's settings form: fields in order, with their defaults and options (a database's password last). */
  fields: z.array(connectorFieldSchema),
});

/** GET /api/connector-types: the connector types this server offers, and whether the caller's organisation may use them. */
export function listConnectorTypesRoute(app: FerryApp): void {
  app.get(
    '/api/connector-types',
    {
      schema: { tags: ['connectors'], summary: 'Connector types', response: { 200: z.array(typeSchema) } },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const { config } = app.platform;
      const orgId = request.principal?.orgId;
      const ceilingHosts = config.sourceDbHosts === 'any' || config.sourceDbHosts.length > 0;
      const { folders, hosts } = orgId
        ? await request.tenant(async (tx) => ({
            folders: usableSourceRoots(await sourceFolderPolicy(tx, config, orgId)).length > 0,
            hosts: (await targetHostAllowlist(tx, orgId)).length > 0,
          }))
        : { folders: config.sourceRoots.length > 0, hosts: true };
      return connectorTypes.map((type) => ({
        type,
        ...connectorTypeDescriptions[type],
        fields: connectorTypeFields(type),
        available: pathConnectorTypes.has(type)
          ? folders
          : databaseConnectorTypes.has(type)
            ? ceilingHosts && hosts
            : true,
      }));
    },
  );
}

import { sourceConnectorType } from '@ferry/core';
import { z } from 'zod';
import type { ConnectorType } from '../db/platform-schema.js';
import { connectorSettingsSchemas, databaseConnectorTypes, registryKindOf } from './connector-settings.js';

/** One field of a connector type's settings form, as the connector-types endpoint describes it. */
export const connectorFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(['string', 'integer', 'secret', 'enum']),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
  default: z.union([z.string(), z.number()]).optional(),
  help: z.string(),
});
export type ConnectorField = z.infer<typeof connectorFieldSchema>;

interface JsonProperty {
  type?: string;
  enum?: string[];
  default?: string | number;
  description?: string;
}

/**
 * The settings form of a connector type, from the two places that define it: the server's settings schema (which
 * fields this server takes, their defaults, the options it allows, its help) and the core registry (labels, and
 * help where the server has none). A database type gets its write-only password field last. A form starts from the
 * defaults here, so a MySQL form starts at port 3306 and a PostgreSQL one at 5432.
 *
 * @example
 * connectorTypeFields('mysql').find((f) => f.name === 'port') // { type: 'integer', default: 3306, ... }
 */
export function connectorTypeFields(type: ConnectorType): ConnectorField[] {
  const registry = sourceConnectorType(registryKindOf[type]);
  const infoOf = (name: string) => registry.settings.find((s) => s.name === name);
  const json = z.toJSONSchema(connectorSettingsSchemas[type], { io: 'input' }) as {
    properties?: Record<string, JsonProperty>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  const fields = Object.entries(json.properties ?? {}).map(([name, p]): ConnectorField => {
    const info = infoOf(name);
    return {
      name,
      label: info?.label ?? name,
      type: p.enum ? 'enum' : p.type === 'integer' ? 'integer' : 'string',
      required: required.has(name),
      ...(p.enum ? { options: p.enum } : {}),
      ...(p.default !== undefined ? { default: p.default } : {}),
      help: p.description ?? info?.help ?? '',
    };
  });
  const password = infoOf('password');
  if (databaseConnectorTypes.has(type) && password) {
    fields.push({ name: password.name, label: password.label, type: 'secret', required: false, help: password.help });
  }
  return fields;
}

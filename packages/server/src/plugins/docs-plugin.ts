import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from '@fastify/type-provider-zod';
import fp from 'fastify-plugin';
import type { FerryApp } from '../app-types.js';
import { serverVersion } from '../meta/version-manifest.js';

/** The OpenAPI document, generated from the routes' zod schemas, and its explorer at /docs (JSON at /docs/json). */
export const docsPlugin = fp(async (app: FerryApp) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Ferry control plane API',
        description:
          'Governed healthcare data migrations: organisations, projects, contracts, runs, evidence and audit.',
        version: serverVersion,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ferry_session' },
          token: { type: 'http', scheme: 'bearer', description: 'A personal API token (fpt_...)' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    // A public operation says so (`security: []`), so clients and the attack suite tell it from a guarded one.
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = (input.route.config as { access?: string } | undefined)?.access;
      return access === 'public' ? { ...out, schema: { ...out.schema, security: [] } } : out;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
});

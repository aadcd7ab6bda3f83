import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { scopeOf } from '../../auth/principal.js';
import type { PracticeImportContext } from '../../practice-import/practice-import-service.js';

/** `:jobId` of the migration routes. */
export const jobParams = z.object({ jobId: z.string().min(1).max(100) });

/** The practice-import context of a request: the caller's RLS scope, the server's packs, its audit writer. */
export function migrationContext(app: FerryApp, request: FastifyRequest): PracticeImportContext {
  return {
    db: app.platform.db,
    scope: scopeOf(request.principal),
    packs: app.platform.packs,
    actor: { id: request.principal!.userId, email: request.principal!.email },
    audit: (tx, event) => request.audit(tx, event),
  };
}

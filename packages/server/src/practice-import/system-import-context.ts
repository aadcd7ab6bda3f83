import { FerryError, type Pack, type SqlDatabase } from '@ferry/core';
import { z } from 'zod';
import { appendAuditEvent } from '../audit/audit-writer.js';
import type { PracticeImportContext } from './practice-import-service.js';

/**
 * The import context of a person at the machine (`ferry import`): scoped to one company by row-level security like an
 * API caller of that organisation, audited as `system` with `via: cli` in the company's chain.
 *
 * @example
 * const ctx = systemImportContext(db, companyId, shippedPacks.asMap(), 'cli');
 */
export function systemImportContext(
  db: SqlDatabase,
  companyId: string,
  packs: ReadonlyMap<string, Pack>,
  via: string,
  now: () => Date = () => new Date(),
): PracticeImportContext {
  if (!z.uuid().safeParse(companyId).success) {
    throw new FerryError('FERRY_ERR_USAGE', 'The company id is an organisation id (a UUID)');
  }
  return {
    db,
    scope: { orgId: companyId, userId: null, platformAccess: false },
    packs,
    actor: { id: null, email: 'system' },
    audit: async (tx, event) => {
      await appendAuditEvent(
        tx,
        { ...event, actorId: null, actor: 'system', details: { ...event.details, via } },
        now(),
      );
    },
  };
}

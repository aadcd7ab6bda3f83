import { withDraftEntries } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { lockProjectContract } from '../../contracts/project-contract-store.js';
import { projectCoverage } from '../../crosswalks/project-crosswalk-coverage.js';
import { saveCrosswalkVersion } from '../../crosswalks/project-crosswalk-store.js';
import { projectParams } from '../projects/get-project-route.js';
import { idSchema } from '../schemas.js';

const body = z.object({ runId: idSchema.optional(), codeType: z.string().min(1).max(100).optional() });

/**
 * POST /api/projects/:projectId/crosswalks/drafts: a draft entry for every unmapped code (of one code type, or all)
 * that has no draft or reviewed entry yet, with core's `withDraftEntries`: the best suggestion as an inexact target,
 * or unmatched with no target when nothing was suggested. Saves a new crosswalk version when it adds any, audited.
 */
export function draftSuggestionsRoute(app: FerryApp): void {
  app.post(
    '/api/projects/:projectId/crosswalks/drafts',
    {
      schema: {
        tags: ['crosswalks'],
        summary: 'Draft entries for all unmapped codes from their best suggestions',
        params: projectParams,
        body,
        response: { 200: z.object({ hash: z.string(), previousHash: z.string(), added: z.number().int() }) },
      },
      config: { access: 'crosswalk.edit' },
    },
    async (request) => {
      const me = request.principal!;
      const { runId, codeType } = request.body;
      return request.tenant(async (tx) => {
        await lockProjectContract(tx, request.params.projectId);
        const {
          report,
          crosswalks,
          runId: measuredOn,
        } = await projectCoverage(app.platform, tx, request.params.projectId, runId);
        const selected = {
          ...report,
          codeTypes: report.codeTypes.filter((c) => codeType === undefined || c.codeType === codeType),
        };
        const set = withDraftEntries(crosswalks.set, selected);
        const drafts = set.entries.slice(crosswalks.set.entries.length);
        if (drafts.length === 0) return { hash: crosswalks.hash, previousHash: crosswalks.hash, added: 0 };
        const project = await tx.db
          .selectFrom('projects')
          .select(['id', 'organisation_id'])
          .where('id', '=', request.params.projectId)
          .executeTakeFirstOrThrow();
        const saved = await saveCrosswalkVersion(tx, project, set, {
          by: { userId: me.userId, email: me.email },
          changes: drafts.map((d) => ({
            codeType: d.codeType,
            sourceCode: d.sourceCode,
            kind: 'draft' as const,
            status: 'draft',
            targetCode: d.targetCode,
          })),
          message: 'crosswalk.drafts_added',
        });
        await request.audit(tx, {
          organisationId: project.organisation_id,
          action: 'crosswalk.drafts_added',
          targetType: 'crosswalk',
          targetId: project.id,
          before: { hash: crosswalks.hash },
          after: { hash: saved.hash },
          details: {
            from: crosswalks.hash,
            to: saved.hash,
            added: drafts.length,
            codeType: codeType ?? null,
            runId: measuredOn,
          },
        });
        return { hash: saved.hash, previousHash: crosswalks.hash, added: drafts.length };
      });
    },
  );
}

import { type CrosswalkEntry, crosswalkEntrySchema, FerryError, withDraftEntries } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { lockProjectContract } from '../../contracts/project-contract-store.js';
import { projectCoverage } from '../../crosswalks/project-crosswalk-coverage.js';
import { saveCrosswalkVersion } from '../../crosswalks/project-crosswalk-store.js';
import { projectParams } from '../projects/get-project-route.js';
import { idSchema } from '../schemas.js';

const body = z.object({
  runId: idSchema.optional(),
  codeType: z.string().min(1).max(100),
  sourceCode: z.string().max(200),
  targetCode: z.string().min(1).max(200),
});

/**
 * POST /api/projects/:projectId/crosswalks/suggestions/accept: takes one suggested national code for an unmapped
 * local code into the crosswalk as a draft entry (core's `withDraftEntries`: equivalence inexact, the label, count
 * and suggestion in the notes), replacing the code's draft if it has one. The draft translates nothing until it is
 * marked reviewed and approved, and whoever accepted it does not approve it. Saves a new crosswalk version, audited.
 */
export function acceptSuggestionRoute(app: FerryApp): void {
  app.post(
    '/api/projects/:projectId/crosswalks/suggestions/accept',
    {
      schema: {
        tags: ['crosswalks'],
        summary: 'Accept a suggested national code as a draft crosswalk entry',
        params: projectParams,
        body,
        response: {
          200: z.object({ hash: z.string(), previousHash: z.string(), entry: crosswalkEntrySchema }),
        },
      },
      config: { access: 'crosswalk.edit' },
    },
    async (request) => {
      const me = request.principal!;
      const { runId, codeType, sourceCode, targetCode } = request.body;
      return request.tenant(async (tx) => {
        await lockProjectContract(tx, request.params.projectId);
        const {
          report,
          crosswalks,
          runId: measuredOn,
        } = await projectCoverage(app.platform, tx, request.params.projectId, runId);
        const coverage = report.codeTypes.find((c) => c.codeType === codeType);
        const unmapped = coverage?.unmapped.find((u) => u.code === sourceCode);
        if (!coverage || !unmapped)
          throw new FerryError(
            'FERRY_ERR_NOT_FOUND',
            `${codeType} '${sourceCode}' is not an unmapped code of run ${measuredOn}'s source extract`,
          );
        const suggestion = unmapped.suggestions.find((s) => s.targetCode === targetCode);
        if (!suggestion)
          throw new FerryError(
            'FERRY_ERR_INPUT',
            `${targetCode} is not suggested for ${codeType} '${sourceCode}' (suggested: ${unmapped.suggestions.map((s) => s.targetCode).join(', ') || 'none'})`,
            { field: 'targetCode' },
          );
        if (unmapped.entryStatus === 'reviewed')
          throw new FerryError(
            'FERRY_ERR_REVIEW_TRANSITION',
            `${codeType} '${sourceCode}' has an entry marked reviewed: reopen it to draft before accepting another suggestion`,
          );
        const { entryStatus: _status, ...code } = unmapped;
        const [drafted] = withDraftEntries(
          { version: 1, entries: [] },
          { ...report, codeTypes: [{ ...coverage, unmapped: [{ ...code, suggestions: [suggestion] }] }] },
        ).entries;
        const entry: CrosswalkEntry = { ...drafted!, notes: `${drafted!.notes}; accepted by ${me.email}` };
        const existing = crosswalks.set.entries.findIndex(
          (e) => e.codeType === codeType && e.sourceCode === sourceCode && e.status === 'draft',
        );
        const entries =
          existing >= 0
            ? crosswalks.set.entries.map((e, i) => (i === existing ? entry : e))
            : [...crosswalks.set.entries, entry];
        const project = await tx.db
          .selectFrom('projects')
          .select(['id', 'organisation_id'])
          .where('id', '=', request.params.projectId)
          .executeTakeFirstOrThrow();
        const saved = await saveCrosswalkVersion(
          tx,
          project,
          { ...crosswalks.set, entries },
          {
            by: { userId: me.userId, email: me.email },
            changes: [{ codeType, sourceCode, kind: 'draft', status: 'draft', targetCode }],
            message: 'crosswalk.suggestion_accepted',
          },
        );
        await request.audit(tx, {
          organisationId: project.organisation_id,
          action: 'crosswalk.suggestion_accepted',
          targetType: 'crosswalk',
          targetId: project.id,
          before: { hash: crosswalks.hash },
          after: { hash: saved.hash },
          details: {
            from: crosswalks.hash,
            to: saved.hash,
            codeType,
            sourceCode,
            targetCode,
            score: suggestion.score,
            runId: measuredOn,
          },
        });
        return { hash: saved.hash, previousHash: crosswalks.hash, entry };
      });
    },
  );
}

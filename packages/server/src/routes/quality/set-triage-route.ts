import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { triageStatuses } from '../../db/platform-schema.js';
import { findRun } from '../../jobs/run-view.js';
import {
  findTriage,
  issueIdentityKey,
  issueIdentitySchema,
  listTriage,
  saveTriage,
  triageIndex,
  triageSchema,
} from '../../quality/issue-triage-store.js';
import { readRunIssues } from '../../quality/run-issues.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';
import { idSchema } from '../schemas.js';

const body = issueIdentitySchema.extend({
  /** The run the issue was seen in: the issue must be one of its issues. */
  runId: idSchema,
  status: z.enum(triageStatuses),
  /** A member of the organisation who owns the issue, or null for nobody. */
  ownerId: idSchema.nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
});

/**
 * PUT /api/projects/:projectId/quality/triage: triages one quality issue (status, owner, note) by its identity in the
 * project, so the same issue in a later run shows it. Audited with the state before and after. The triage is
 * information for the people working the issues: the release gate's waivers are triage entries on gate findings
 * (`ferry gate --triage`), not on single issue keys, so an accepted risk here does not change a gate outcome.
 */
export function setTriageRoute(app: FerryApp): void {
  app.put(
    '/api/projects/:projectId/quality/triage',
    {
      schema: {
        tags: ['quality'],
        summary: 'Triage a quality issue',
        params: projectParams,
        body,
        response: { 200: triageSchema },
      },
      config: { access: 'quality.triage' },
    },
    async (request) => {
      const me = request.principal!;
      const { runId, status, ownerId, note, ...identity } = request.body;
      return request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        const run = await findRun(tx, runId);
        if (run.project_id !== project.id)
          throw new FerryError('FERRY_ERR_INPUT', `Run ${runId} is not a run of this project`, { field: 'runId' });
        const issues = await readRunIssues(app.platform.config.dataDir, run);
        const key = issueIdentityKey(identity);
        if (!issues.some((i) => issueIdentityKey(i) === key)) {
          throw new FerryError(
            'FERRY_ERR_NOT_FOUND',
            `Run ${runId} has no issue of check ${identity.checkId} on ${identity.targetTable} key ${identity.targetKey}`,
          );
        }
        if (ownerId) {
          const owner = await tx.db
            .selectFrom('users')
            .select(['id', 'status'])
            .where('id', '=', ownerId)
            .where('organisation_id', '=', project.organisation_id)
            .executeTakeFirst();
          if (owner?.status !== 'active')
            throw new FerryError('FERRY_ERR_INPUT', 'The owner is not an active member of this organisation', {
              field: 'ownerId',
            });
        }
        const before = await findTriage(tx, project.id, identity);
        const saved = await saveTriage(tx, {
          organisation_id: project.organisation_id,
          project_id: project.id,
          check_id: identity.checkId,
          target_table: identity.targetTable,
          target_key: identity.targetKey,
          field: identity.field,
          status,
          owner_id: ownerId,
          note: note || null,
          run_id: run.id,
          updated_by: me.userId,
          updated_at: app.platform.now(),
        });
        const state = (r: typeof before) => r && { status: r.status, ownerId: r.owner_id, note: r.note };
        await request.audit(tx, {
          organisationId: project.organisation_id,
          action: 'quality.triage',
          targetType: 'issue_triage',
          targetId: saved.id,
          before: state(before) ?? null,
          after: state(saved),
          details: {
            projectId: project.id,
            runId: run.id,
            ...identity,
            statusBefore: before?.status ?? null,
            status,
            ownerBefore: before?.owner_id ?? null,
            owner: ownerId,
          },
        });
        return triageIndex(await listTriage(tx, project.id, identity.checkId)).get(key)!;
      });
    },
  );
}

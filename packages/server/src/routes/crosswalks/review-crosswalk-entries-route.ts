import {
  type CrosswalkEntryFilter,
  crosswalkEntryMatcher,
  FerryError,
  reviewCrosswalkEntries,
  type reviewStatuses,
} from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { crosswalkMakers, currentCrosswalks, saveCrosswalkVersion } from '../../crosswalks/project-crosswalk-store.js';
import { auditSeparationOfDutiesRefusals } from '../../rbac/refuse-separation-of-duties.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';
import { crosswalkFilterSchema } from './crosswalk-filter.js';

type ReviewStatus = (typeof reviewStatuses)[number];

/**
 * POST /api/projects/:projectId/crosswalks/review (crosswalk.edit): marks the entries a filter selects reviewed, or
 * reopens them to draft. POST /api/projects/:projectId/crosswalks/decide (crosswalk.approve): approves or rejects
 * them. Approving is a permission apart from editing, so a clinical reviewer can approve what an analyst drafted.
 */
export function reviewCrosswalkEntriesRoute(app: FerryApp): void {
  crosswalkStatusRoute(
    app,
    'review',
    ['reviewed', 'draft'],
    'crosswalk.edit',
    'Mark crosswalk entries reviewed, or reopen them',
  );
  crosswalkStatusRoute(
    app,
    'decide',
    ['approved', 'rejected'],
    'crosswalk.approve',
    'Approve or reject crosswalk entries',
  );
}

/**
 * Moves the entries a filter selects through the review workflow with core's `reviewCrosswalkEntries` (only approved
 * entries translate values), saving a new crosswalk version. Separation of duties: whoever drafted an entry (accepted
 * its suggestion) or marked it reviewed does not approve or reject it (refused and audited as
 * `crosswalk.entries_<status>_refused`).
 */
function crosswalkStatusRoute(
  app: FerryApp,
  verb: 'review' | 'decide',
  statuses: readonly [ReviewStatus, ReviewStatus],
  access: 'crosswalk.edit' | 'crosswalk.approve',
  summary: string,
): void {
  app.post(
    `/api/projects/:projectId/crosswalks/${verb}`,
    {
      schema: {
        tags: ['crosswalks'],
        summary,
        params: projectParams,
        body: z.object({ filter: crosswalkFilterSchema, status: z.enum(statuses) }),
        response: {
          200: z.object({
            hash: z.string(),
            previousHash: z.string(),
            changed: z.number().int(),
            unchanged: z.number().int(),
          }),
        },
      },
      config: { access },
    },
    async (request) => {
      const me = request.principal!;
      const filter = request.body.filter as CrosswalkEntryFilter;
      const attempt = {
        action: `crosswalk.entries_${request.body.status}`,
        targetType: 'project',
        targetId: request.params.projectId,
      };
      return auditSeparationOfDutiesRefusals(request, attempt, () =>
        request.tenant(async (tx) => {
          const project = await findProject(tx, request.params.projectId);
          await tx.run.query('SELECT id FROM projects WHERE id = $1 FOR UPDATE', [project.id]);
          const current = await currentCrosswalks(tx, project.id);
          if (request.body.status === 'approved' || request.body.status === 'rejected') {
            const makers = await crosswalkMakers(tx, project.id);
            const own = current.set.entries
              .filter(crosswalkEntryMatcher(filter))
              .filter(
                (e) =>
                  e.status === 'reviewed' && makers.get(`${e.codeType}\u0000${e.sourceCode}`)?.has(me.userId) === true,
              );
            if (own.length) {
              throw new FerryError(
                'FERRY_ERR_SEPARATION_OF_DUTIES',
                `You drafted or marked reviewed ${own.length} of these entries (${own
                  .slice(0, 3)
                  .map((e) => `${e.codeType} '${e.sourceCode}'`)
                  .join(', ')}); another person must approve or reject them`,
              );
            }
          }
          const result = reviewCrosswalkEntries(current.set, filter, {
            status: request.body.status,
            reviewer: me.email,
            at: app.platform.now().toISOString(),
          });
          const saved = await saveCrosswalkVersion(tx, project, result.set, {
            by: { userId: me.userId, email: me.email },
            changes: result.changed.map((r) => ({
              codeType: r.codeType,
              sourceCode: r.sourceCode,
              kind: 'status' as const,
              status: request.body.status,
            })),
            message: `crosswalk.entries_${request.body.status}`,
          });
          await request.audit(tx, {
            organisationId: project.organisation_id,
            action: `crosswalk.entries_${request.body.status}`,
            targetType: 'crosswalk',
            targetId: project.id,
            before: { hash: current.hash },
            after: { hash: saved.hash },
            details: { from: current.hash, to: saved.hash, changed: result.changed.length },
          });
          return {
            hash: saved.hash,
            previousHash: current.hash,
            changed: result.changed.length,
            unchanged: result.unchanged.length,
          };
        }),
      );
    },
  );
}

import { FerryError, importContractRevision, parseContractCsv } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { changeContract } from '../../contracts/change-contract.js';
import { contractCsvLines } from '../../contracts/contract-csv-lines.js';
import { contractCheckInputs, guardContractChange } from '../../contracts/contract-load-guard.js';
import { projectParams } from '../projects/get-project-route.js';
import { changeOutcomeSchema } from './review-contract-rows-route.js';
import { contractFindingSchema } from './row-change-outcome.js';

/** A contract CSV may be larger than the API's usual 1 MiB body (one row per target field). */
export const importBodyLimit = 16 * 1024 * 1024;

const rowRefs = z.array(z.object({ table: z.string(), column: z.string() }));

/** Reads `text/csv` bodies as text, once per app (other routes refuse them: their bodies are JSON objects). */
export function acceptCsvBodies(app: FerryApp): void {
  if (app.hasContentTypeParser('text/csv')) return;
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: importBodyLimit }, (_request, body, done) =>
    done(null, body),
  );
}

/**
 * POST /api/projects/:projectId/contract/import (body: the contract CSV, `content-type: text/csv`): a contract CSV
 * edited in a spreadsheet becomes the project's next version. Malformed CSV is a 400 with one issue per problem
 * (line and column); rows that would not load against the project's catalogs (unknown target table or field,
 * unknown source table or column, unknown step, type conflict) are a 400 naming the line and row. Reviews are not
 * imported: unchanged rows keep their review, changed and new rows are drafts. A locked contract cannot be imported
 * (`contract_locked` must be N: lock with POST .../contract/lock), nor under the label of a locked version.
 */
export function importContractCsvRoute(app: FerryApp): void {
  acceptCsvBodies(app);
  app.post(
    '/api/projects/:projectId/contract/import',
    {
      bodyLimit: importBodyLimit,
      schema: {
        tags: ['contract'],
        summary: 'Import a contract CSV as a new version',
        consumes: ['text/csv'],
        params: projectParams,
        querystring: z.object({
          fileName: z
            .string()
            .regex(/^[\w .()-]{1,200}$/)
            .default('contract.csv')
            .describe('the name problems are reported against'),
        }),
        body: z.string().min(1).describe('the contract CSV (the columns of GET .../contract?format=csv)'),
        response: {
          200: changeOutcomeSchema.extend({
            added: rowRefs,
            removed: rowRefs,
            changed: rowRefs.describe('rows whose content changed: drafts now'),
            reopened: z.number().int(),
            reviewIgnored: z
              .number()
              .int()
              .describe('rows whose status, reviewer or time in the file were not taken (reviews are not imported)'),
            findings: z.array(contractFindingSchema),
          }),
        },
      },
      config: { access: 'contract.edit' },
    },
    async (request) => {
      const { fileName } = request.query;
      const imported = parseContractCsv(request.body, fileName);
      if (imported.locked) {
        throw new FerryError(
          'FERRY_ERR_CONTRACT_INVALID',
          `${fileName}: contract_locked is Y; an import is a draft version (lock it with POST .../contract/lock)`,
          { file: fileName, field: 'contract_locked' },
          { issues: [{ line: 2, field: 'contract_locked', message: 'must be N: an import is not locked' }] },
        );
      }
      const lineOf = contractCsvLines(request.body, fileName);
      let result: ReturnType<typeof importContractRevision> | undefined;
      let findings: z.infer<typeof contractFindingSchema>[] = [];
      const outcome = await changeContract(
        request,
        request.params.projectId,
        'contract.import',
        async (current, tx, project) => {
          const owner = await tx.db
            .selectFrom('contract_versions')
            .select('hash')
            .where('project_id', '=', project.id)
            .where('locked', '=', true)
            .where('label', '=', imported.label)
            .executeTakeFirst();
          if (owner) {
            throw new FerryError(
              'FERRY_ERR_CONTRACT_LOCKED',
              `label ${imported.label} belongs to locked version ${owner.hash.slice(0, 12)}, which cannot change: ` +
                'give the import a new contract_label to make a new version from it',
              { file: fileName, field: 'contract_label', key: imported.label },
            );
          }
          result = importContractRevision(current.contract, imported);
          findings = guardContractChange(
            current.contract,
            result.contract,
            await contractCheckInputs(app, tx, project),
            { lineOf },
          ).findings.filter((f) => f.severity === 'error' && f.code !== 'NOT_APPROVED');
          const edited = [...result.added, ...result.changed, ...result.removed];
          return {
            contract: result.contract,
            changed: [...edited, ...result.annotated],
            unchanged: [],
            rowChanges: [
              ...edited.map((r) => ({ ...r, kind: 'edit' as const })),
              ...result.annotated.map((r) => ({ ...r, kind: 'owner' as const })),
            ],
            details: {
              fileName,
              added: result.added.length,
              removed: result.removed.length,
              reopened: result.reopened.length,
              reviewIgnored: result.reviewIgnored.length,
            },
          };
        },
      );
      const r = result!;
      return {
        ...outcome,
        unchanged:
          r.contract.tables.reduce((n, t) => n + t.fields.length, 0) -
          r.added.length -
          r.changed.length -
          r.annotated.length,
        added: r.added,
        removed: r.removed,
        changed: r.changed,
        reopened: r.reopened.length,
        reviewIgnored: r.reviewIgnored.length,
        findings,
      };
    },
  );
}

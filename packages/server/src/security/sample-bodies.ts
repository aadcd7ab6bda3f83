/**
 * Bodies and queries for operations whose schemas have rules across fields (`give either rows or a filter`) that a
 * value built from the schema alone cannot meet, by operation. An operation added later that needs one fails the
 * attack suite with a 400 from its own validation until it is listed here: its attacks must reach the handler.
 */
export const sampleBodies: Record<string, unknown> = {
  'POST /api/workspaces/{workspaceId}/projects': { name: 'Attack', pack: 'mini' },
  'PATCH /api/projects/{projectId}/contract/rows': { filter: { table: 'PATIENT' }, owner: 'x' },
  'POST /api/projects/{projectId}/contract/rows/review': {
    rows: [{ table: 'PATIENT', column: 'PAT_ID' }],
    status: 'reviewed',
  },
  'POST /api/projects/{projectId}/contract/rows/decision': {
    rows: [{ table: 'PATIENT', column: 'PAT_ID' }],
    decision: 'approved',
  },
  'PATCH /api/projects/{projectId}/contract/rows/{table}/{column}': { owner: 'x' },
  'POST /api/projects/{projectId}/runs': { releaseProfile: 'development', source: { kind: 'generated', patients: 1 } },
  'PATCH /api/connectors/{connectorId}': { name: 'Renamed' },
  // A real purge would remove the world's artefacts other attacks read: the suite attacks the dry run.
  'POST /api/orgs/{orgId}/purge': { dryRun: true },
};

/** Query parameters that must have a particular shape (a version hash), by operation. */
export const sampleQueries: Record<string, Record<string, string>> = {
  'GET /api/projects/{projectId}/contract/diff': { from: '0123456789abcdef' },
};

/** Operations that take a multipart upload the document does not describe (a `file` field), by operation. */
export const multipartOperations = new Set([
  'POST /api/projects/{projectId}/documents',
  'POST /api/connectors/{connectorId}/files',
]);

import type { FerryApp } from '../app-types.js';
import { exportAuditRoute } from './audit/export-audit-route.js';
import { listAuditActionsRoute } from './audit/list-audit-actions-route.js';
import { listAuditRoute } from './audit/list-audit-route.js';
import { verifyAuditRoute, verifyPlatformAuditRoute } from './audit/verify-audit-route.js';
import { changePasswordRoute } from './auth/change-password-route.js';
import { createTokenRoute } from './auth/create-token-route.js';
import { listTokensRoute } from './auth/list-tokens-route.js';
import { loginRoute } from './auth/login-route.js';
import { logoutRoute } from './auth/logout-route.js';
import { meRoute } from './auth/me-route.js';
import { registerRoute } from './auth/register-route.js';
import { revokeTokenRoute } from './auth/revoke-token-route.js';
import { setPasswordWithCodeRoute } from './auth/set-password-with-code-route.js';
import { totpDisableRoute } from './auth/totp-disable-route.js';
import { totpEnableRoute } from './auth/totp-enable-route.js';
import { totpSetupRoute } from './auth/totp-setup-route.js';
import { listCatalogColumnsRoute } from './catalogs/list-catalog-columns-route.js';
import { listCatalogTablesRoute } from './catalogs/list-catalog-tables-route.js';
import { createConnectorRoute } from './connectors/create-connector-route.js';
import { deleteConnectorFileRoute } from './connectors/delete-connector-file-route.js';
import { deleteConnectorRoute } from './connectors/delete-connector-route.js';
import { discoverConnectorSchemaRoute } from './connectors/discover-connector-schema-route.js';
import { getConnectorRoute } from './connectors/get-connector-route.js';
import { listConnectorFilesRoute } from './connectors/list-connector-files-route.js';
import { listConnectorTypesRoute } from './connectors/list-connector-types-route.js';
import { listConnectorsRoute } from './connectors/list-connectors-route.js';
import { previewConnectorRowsRoute } from './connectors/preview-connector-rows-route.js';
import { listSourceFoldersRoute, setSourceFoldersRoute } from './connectors/source-folders-routes.js';
import { testConnectorRoute } from './connectors/test-connector-route.js';
import { updateConnectorRoute } from './connectors/update-connector-route.js';
import { uploadConnectorFileRoute } from './connectors/upload-connector-file-route.js';
import { addContractRowRoute } from './contract/add-contract-row-route.js';
import { decideContractRowsRoute } from './contract/decide-contract-rows-route.js';
import { diffContractRoute } from './contract/diff-contract-route.js';
import { editContractRowRoute } from './contract/edit-contract-row-route.js';
import { editContractRowsRoute } from './contract/edit-contract-rows-route.js';
import { getContractRoute } from './contract/get-contract-route.js';
import { importContractCsvRoute } from './contract/import-contract-csv-route.js';
import { listContractRowsRoute } from './contract/list-contract-rows-route.js';
import { listContractVersionsRoute } from './contract/list-contract-versions-route.js';
import { listTransformStepsRoute } from './contract/list-transform-steps-route.js';
import { lockContractRoute } from './contract/lock-contract-route.js';
import { newContractDraftRoute } from './contract/new-contract-draft-route.js';
import { removeContractRowRoute } from './contract/remove-contract-row-route.js';
import { reviewContractRowsRoute } from './contract/review-contract-rows-route.js';
import { acceptSuggestionRoute } from './crosswalks/accept-suggestion-route.js';
import { crosswalkCoverageRoute } from './crosswalks/crosswalk-coverage-route.js';
import { draftSuggestionsRoute } from './crosswalks/draft-suggestions-route.js';
import { listCrosswalkEntriesRoute } from './crosswalks/list-crosswalk-entries-route.js';
import { reviewCrosswalkEntriesRoute } from './crosswalks/review-crosswalk-entries-route.js';
import { unmappedCodesRoute } from './crosswalks/unmapped-codes-route.js';
import { deleteDocumentRoute } from './documents/delete-document-route.js';
import { downloadDocumentRoute } from './documents/download-document-route.js';
import { listDocumentsRoute } from './documents/list-documents-route.js';
import { renderDocumentRoute } from './documents/render-document-route.js';
import { uploadDocumentRoute } from './documents/upload-document-route.js';
import { getErdRoute } from './erd/get-erd-route.js';
import { healthRoute } from './meta/health-route.js';
import { metricsRoute } from './meta/metrics-route.js';
import { readyRoute } from './meta/ready-route.js';
import { versionRoute } from './meta/version-route.js';
import { completeMigrationRoute } from './migrations/complete-migration-route.js';
import { createMigrationRoute } from './migrations/create-migration-route.js';
import { getMigrationRoute } from './migrations/get-migration-route.js';
import { importMigrationRecordsRoute } from './migrations/import-migration-records-route.js';
import { listMigrationPresetsRoute } from './migrations/list-migration-presets-route.js';
import { rollbackMigrationRoute } from './migrations/rollback-migration-route.js';
import { createOrganisationRoute } from './orgs/create-organisation-route.js';
import { createWorkspaceRoute } from './orgs/create-workspace-route.js';
import { exportCompanyDataRoute } from './orgs/export-company-data-route.js';
import { getOrganisationRoute } from './orgs/get-organisation-route.js';
import { listOrganisationsRoute } from './orgs/list-organisations-route.js';
import { listWorkspacesRoute } from './orgs/list-workspaces-route.js';
import { updateOrganisationRoute } from './orgs/update-organisation-route.js';
import { getColumnProfileRoute } from './profiles/get-column-profile-route.js';
import { createProjectRoute } from './projects/create-project-route.js';
import { getProjectRoute } from './projects/get-project-route.js';
import { getSettingsRoute } from './projects/get-settings-route.js';
import { listProjectsRoute } from './projects/list-projects-route.js';
import { updateSettingsRoute } from './projects/update-settings-route.js';
import { listTriageRoute } from './quality/list-triage-route.js';
import { setTriageRoute } from './quality/set-triage-route.js';
import { triageOwnersRoute } from './quality/triage-owners-route.js';
import { approveRegistrationRoute } from './registrations/approve-registration-route.js';
import { listRegistrationsRoute } from './registrations/list-registrations-route.js';
import { rejectRegistrationRoute } from './registrations/reject-registration-route.js';
import { getRetentionRoute, purgeOrganisationRoute, setRetentionRoute } from './retention/retention-routes.js';
import { getRoleMatrixRoute } from './roles/get-role-matrix-route.js';
import { setRolePermissionsRoute } from './roles/set-role-permissions-route.js';
import { cancelRunRoute } from './runs/cancel-run-route.js';
import { currentRunRoute } from './runs/current-run-route.js';
import { decideGateRoute } from './runs/decide-gate-route.js';
import { downloadArtefactRoute } from './runs/download-artefact-route.js';
import { downloadEvidenceRoute } from './runs/download-evidence-route.js';
import { gateRoute } from './runs/gate-route.js';
import { getRunRoute } from './runs/get-run-route.js';
import { listArtefactsRoute } from './runs/list-artefacts-route.js';
import { listRunsRoute } from './runs/list-runs-route.js';
import { qualityIssuesRoute } from './runs/quality-issues-route.js';
import { qualityKpisRoute } from './runs/quality-kpis-route.js';
import { restoreRunRoute } from './runs/restore-run-route.js';
import { rollbackPreviewRoute, rollbackRunRoute } from './runs/rollback-run-route.js';
import { runEventsRoute } from './runs/run-events-route.js';
import { runRejectsRoute } from './runs/run-rejects-route.js';
import { startRunRoute } from './runs/start-run-route.js';
import { draftSourceRoute } from './sources/draft-source-route.js';
import {
  getProjectSourceRoute,
  getSourceCatalogCsvRoute,
  putSourceCatalogCsvRoute,
} from './sources/source-catalog-routes.js';
import { targetRoutes } from './targets/target-routes.js';
import { createUserRoute } from './users/create-user-route.js';
import { listUsersRoute } from './users/list-users-route.js';
import { lockUserRoute } from './users/lock-user-route.js';
import { resetUserRoute } from './users/reset-user-route.js';
import { setUserRolesRoute } from './users/set-user-roles-route.js';
import { unlockUserRoute } from './users/unlock-user-route.js';

/** Every route of the API, one file each; this list only connects them. */
export const routeModules: ReadonlyArray<(app: FerryApp) => void> = [
  healthRoute,
  readyRoute,
  metricsRoute,
  versionRoute,
  loginRoute,
  logoutRoute,
  meRoute,
  changePasswordRoute,
  createTokenRoute,
  listTokensRoute,
  revokeTokenRoute,
  totpSetupRoute,
  totpEnableRoute,
  totpDisableRoute,
  registerRoute,
  setPasswordWithCodeRoute,
  createOrganisationRoute,
  listOrganisationsRoute,
  getOrganisationRoute,
  updateOrganisationRoute,
  getRetentionRoute,
  setRetentionRoute,
  purgeOrganisationRoute,
  createWorkspaceRoute,
  listWorkspacesRoute,
  createProjectRoute,
  listProjectsRoute,
  getProjectRoute,
  listUsersRoute,
  createUserRoute,
  lockUserRoute,
  unlockUserRoute,
  resetUserRoute,
  setUserRolesRoute,
  listRegistrationsRoute,
  approveRegistrationRoute,
  rejectRegistrationRoute,
  getRoleMatrixRoute,
  setRolePermissionsRoute,
  listAuditRoute,
  exportAuditRoute,
  verifyAuditRoute,
  listAuditActionsRoute,
  verifyPlatformAuditRoute,
  getSettingsRoute,
  updateSettingsRoute,
  listCatalogTablesRoute,
  listCatalogColumnsRoute,
  draftSourceRoute,
  getProjectSourceRoute,
  getSourceCatalogCsvRoute,
  putSourceCatalogCsvRoute,
  getColumnProfileRoute,
  getErdRoute,
  getContractRoute,
  listContractRowsRoute,
  reviewContractRowsRoute,
  decideContractRowsRoute,
  editContractRowsRoute,
  editContractRowRoute,
  addContractRowRoute,
  removeContractRowRoute,
  importContractCsvRoute,
  newContractDraftRoute,
  listTransformStepsRoute,
  lockContractRoute,
  listContractVersionsRoute,
  diffContractRoute,
  listCrosswalkEntriesRoute,
  reviewCrosswalkEntriesRoute,
  crosswalkCoverageRoute,
  unmappedCodesRoute,
  acceptSuggestionRoute,
  draftSuggestionsRoute,
  startRunRoute,
  listRunsRoute,
  getRunRoute,
  cancelRunRoute,
  runEventsRoute,
  listArtefactsRoute,
  downloadArtefactRoute,
  qualityKpisRoute,
  qualityIssuesRoute,
  listTriageRoute,
  setTriageRoute,
  triageOwnersRoute,
  currentRunRoute,
  restoreRunRoute,
  runRejectsRoute,
  gateRoute,
  decideGateRoute,
  listMigrationPresetsRoute,
  createMigrationRoute,
  getMigrationRoute,
  importMigrationRecordsRoute,
  completeMigrationRoute,
  rollbackMigrationRoute,
  exportCompanyDataRoute,
  downloadEvidenceRoute,
  uploadDocumentRoute,
  listDocumentsRoute,
  downloadDocumentRoute,
  renderDocumentRoute,
  deleteDocumentRoute,
  listConnectorTypesRoute,
  listConnectorsRoute,
  createConnectorRoute,
  getConnectorRoute,
  updateConnectorRoute,
  deleteConnectorRoute,
  testConnectorRoute,
  discoverConnectorSchemaRoute,
  previewConnectorRowsRoute,
  uploadConnectorFileRoute,
  listConnectorFilesRoute,
  deleteConnectorFileRoute,
  listSourceFoldersRoute,
  setSourceFoldersRoute,
  targetRoutes,
  rollbackPreviewRoute,
  rollbackRunRoute,
];

export async function registerRoutes(app: FerryApp): Promise<void> {
  for (const register of routeModules) register(app);
}

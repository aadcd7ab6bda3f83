import type { ColumnType, Generated } from 'kysely';

/** A timestamp column: read as a Date, written as a Date or an ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** bigint: the pg driver reads it as a string, PGlite as a number; callers convert with Number(). */
type BigInt8 = ColumnType<string | number, number | string, number | string>;
/** jsonb: written as JSON text (cast in SQL), read as the parsed value. */
type Json<T> = ColumnType<T, string, string>;

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  require_totp: Generated<boolean>;
  created_at: TimestampDefault;
  /** The organisation's retention policy (core `RetentionPolicy`), since 0018. */
  retention: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface WorkspacesTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  created_at: TimestampDefault;
}

export interface ProjectsTable {
  id: Generated<string>;
  organisation_id: string;
  workspace_id: string;
  name: string;
  pack: string;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_by: string | null;
  created_at: TimestampDefault;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string | null;
  email: string;
  display_name: string;
  password_hash: string;
  is_super_admin: Generated<boolean>;
  status: Generated<'active' | 'locked'>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: ColumnType<string | number | null, number | null | undefined, number | null>;
  password_changed_at: TimestampDefault;
  created_at: TimestampDefault;
}

export interface UserRolesTable {
  organisation_id: string;
  user_id: string;
  role: string;
  granted_by: string | null;
  granted_at: TimestampDefault;
}

export interface RolePermissionsTable {
  organisation_id: string;
  role: string;
  permission: string;
  /** Who added the permission to the role (null: the organisation's starting matrix). It never counts for them. */
  granted_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A single-use, expiring code with which a user sets their own password; only its sha256 is kept. */
export interface PasswordCodesTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string;
  code_hash: string;
  purpose: 'initial' | 'reset';
  created_by: string;
  created_at: TimestampDefault;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: NullableTimestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  organisation_id: string | null;
  user_id: string;
  token_hash: string;
  csrf_hash: string;
  mfa_enrolment_required: Generated<boolean>;
  source_ip: string | null;
  created_at: TimestampDefault;
  last_seen_at: TimestampDefault;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  organisation_id: string | null;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: TimestampDefault;
  last_used_at: NullableTimestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface RegistrationRequestsTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_note: string | null;
  created_at: TimestampDefault;
}

export interface AuditEventsTable {
  id: Generated<BigInt8>;
  organisation_id: string | null;
  chain: string;
  seq: BigInt8;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  request_id: string | null;
  source_ip: string | null;
  before_hash: string | null;
  after_hash: string | null;
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

/** One row a contract version changed. */
export interface ContractRowChange {
  table: string;
  column: string;
  kind: 'import' | 'edit' | 'status' | 'owner';
  status?: string;
}

export interface ContractVersionsTable {
  id: Generated<string>;
  organisation_id: string;
  project_id: string;
  seq: number;
  hash: string;
  parent_hash: string | null;
  label: string;
  content: Json<unknown>;
  locked: Generated<boolean>;
  changes: Json<ContractRowChange[]>;
  message: string | null;
  created_by: string | null;
  created_by_email: string;
  created_at: TimestampDefault;
}

/** Where a version of a project's source catalog came from. */
export type SourceCatalogOrigin =
  | {
      kind: 'connector';
      connectorId: string;
      connector: string;
      type: string;
      files?: { table: string; sha256: string }[];
    }
  | { kind: 'edit' };

export interface SourceCatalogVersionsTable {
  id: Generated<string>;
  organisation_id: string;
  project_id: string;
  seq: number;
  hash: string;
  parent_hash: string | null;
  content: Json<unknown>;
  /** The profile of the extract the catalog was drafted from (a ProfileReport), kept by later edits. */
  profile: ColumnType<unknown, string | null | undefined, string | null>;
  profiled_at: NullableTimestamp;
  origin: Json<SourceCatalogOrigin>;
  message: string | null;
  created_by: string | null;
  created_by_email: string;
  created_at: TimestampDefault;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface RunsTable {
  id: Generated<string>;
  organisation_id: string;
  project_id: string;
  status: Generated<RunStatus>;
  lifecycle_run_id: string | null;
  outcome: 'PASS' | 'FAIL' | 'ERROR' | 'PARTIAL' | null;
  release_profile: string;
  source: Json<Record<string, unknown>>;
  from_stage: string | null;
  /** The last stage asked for, when the run stops before evidence (a single stage: from_stage = to_stage). */
  to_stage: Generated<string | null>;
  /** The release gate's verdict, once the gate stage ran (or was reused). */
  gate_outcome: Generated<'PASS' | 'FAIL' | null>;
  /** The exit code `ferry lifecycle` gives for the same ending (null while running, or when cancelled). */
  exit_code: Generated<number | null>;
  contract_hash: string;
  /** null for runs started before crosswalks were versioned per project: they use the pack's. */
  crosswalk_hash: string | null;
  /** The project's source catalog version the run reads with (null: the pack's). */
  source_catalog_hash: Generated<string | null>;
  current_stage: string | null;
  error: string | null;
  cancel_requested: Generated<boolean>;
  started_by: string | null;
  created_at: TimestampDefault;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  /** Set by the runner while the run is going; a stale heartbeat means the runner died. */
  heartbeat_at: NullableTimestamp;
  runner_id: string | null;
  /** The registered target database the run loads into (null: the project's embedded database or CSV folder). */
  target_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The rollback of the run's load, once done. */
  rollback: ColumnType<RunRollback | null, string | null | undefined, string | null>;
}

/** What a run's rollback recorded: the job, when and by whom, and what it undid per table. */
export interface RunRollback {
  jobId: string;
  at: string;
  by: string;
  tables: { table: string; rows: number; restored: number }[];
}

/** A PostgreSQL database an organisation loads into. */
export interface TargetDatabasesTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  host: string;
  port: number;
  database: string;
  schema: string;
  username: string;
  /** The sealed password (SecretBox), never returned. */
  secret: string | null;
  created_by: string | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

/** A database host (optionally host:port) the operator allowed an organisation's targets to name. */
export interface TargetHostAllowlistTable {
  organisation_id: string;
  host: string;
  created_by: string | null;
  created_at: TimestampDefault;
}

export interface SourceFolderAllowlistTable {
  organisation_id: string;
  path: string;
  created_by: string | null;
  created_at: TimestampDefault;
}

/** A run's progress events, in order (server-sent events replay them from here). */
export interface RunEventsTable {
  organisation_id: string;
  run_id: string;
  seq: number;
  event: Json<Record<string, unknown>>;
  created_at: TimestampDefault;
}

export interface GateDecisionsTable {
  id: Generated<string>;
  organisation_id: string;
  run_id: string;
  decision: 'go' | 'no_go' | 'rollback' | 'withdrawn';
  note: string | null;
  decided_by: string;
  decided_at: TimestampDefault;
  /** The release profile the decider confirmed (the one the run was gated at); null before 0015. */
  profile: string | null;
  /** How many gate warnings the decider was shown; null before 0015. */
  warnings: number | null;
  /** The decision this one replaces; null for a run's first decision. */
  supersedes: string | null;
}

export interface DocumentsTable {
  id: Generated<string>;
  organisation_id: string;
  project_id: string;
  file_name: string;
  content_type: string;
  bytes: BigInt8;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: TimestampDefault;
}

/** One crosswalk entry a version changed: its review status, or a draft written (a suggestion accepted). */
export interface CrosswalkEntryChange {
  codeType: string;
  sourceCode: string;
  kind: 'status' | 'draft';
  status: string;
  /** For drafts: the national code drafted. */
  targetCode?: string;
}

export interface CrosswalkVersionsTable {
  id: Generated<string>;
  organisation_id: string;
  project_id: string;
  seq: number;
  hash: string;
  parent_hash: string | null;
  content: Json<unknown>;
  changes: Json<CrosswalkEntryChange[]>;
  message: string | null;
  created_by: string | null;
  created_by_email: string;
  created_at: TimestampDefault;
}

export const triageStatuses = ['open', 'acknowledged', 'accepted_risk', 'fixed_in_source', 'false_positive'] as const;
export type TriageStatus = (typeof triageStatuses)[number];

/** The triage of one quality issue, by issue identity within a project. */
export interface IssueTriageTable {
  id: Generated<string>;
  organisation_id: string;
  project_id: string;
  check_id: string;
  target_table: string;
  target_key: string;
  field: string;
  status: TriageStatus;
  owner_id: string | null;
  note: string | null;
  run_id: string | null;
  updated_by: string;
  updated_at: TimestampDefault;
}

/** The platform schema as Kysely sees it (see `migrations/`). */
export type ConnectorType = 'csv-directory' | 'csv-upload' | 'postgres' | 'json' | 'xlsx' | 'dump' | 'mysql';

export interface ConnectorsTable {
  id: Generated<string>;
  organisation_id: string;
  project_id: string;
  name: string;
  type: ConnectorType;
  /** Settings without secrets (validated per type by connectors/connector-config.ts). */
  config: Json<Record<string, unknown>>;
  /** The sealed password (SecretBox), never returned. */
  secret: string | null;
  created_by: string | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface ConnectorFilesTable {
  id: Generated<string>;
  organisation_id: string;
  connector_id: string;
  table_name: string;
  file_name: string;
  bytes: BigInt8;
  sha256: string;
  encoding: string;
  records: number;
  uploaded_by: string | null;
  uploaded_at: TimestampDefault;
}

export interface PlatformSchema {
  organisations: OrganisationsTable;
  workspaces: WorkspacesTable;
  projects: ProjectsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  role_permissions: RolePermissionsTable;
  sessions: SessionsTable;
  password_codes: PasswordCodesTable;
  api_tokens: ApiTokensTable;
  registration_requests: RegistrationRequestsTable;
  audit_events: AuditEventsTable;
  contract_versions: ContractVersionsTable;
  runs: RunsTable;
  run_events: RunEventsTable;
  gate_decisions: GateDecisionsTable;
  documents: DocumentsTable;
  crosswalk_versions: CrosswalkVersionsTable;
  source_catalog_versions: SourceCatalogVersionsTable;
  connectors: ConnectorsTable;
  target_databases: TargetDatabasesTable;
  target_host_allowlist: TargetHostAllowlistTable;
  source_folder_allowlist: SourceFolderAllowlistTable;
  connector_files: ConnectorFilesTable;
  issue_triage: IssueTriageTable;
}

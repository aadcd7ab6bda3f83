/**
 * The one catalogue of Ferry error codes. `core` never knows HTTP statuses or exit codes;
 * the CLI and the server translate `kind` into theirs in one place each.
 *
 * Messages must never contain patient values: keys, file names, line numbers and field names only.
 *
 * @example
 * throw new FerryError('FERRY_ERR_CSV_RAGGED_ROW', 'Row has 7 fields, header has 8', { file: 'PATIENT.csv', line: 12 });
 */
export const errorCatalogue = {
  FERRY_ERR_USAGE: { kind: 'usage', summary: 'A command was called with missing or invalid arguments.' },
  FERRY_ERR_INPUT: { kind: 'input', summary: 'An input file or value is invalid.' },
  FERRY_ERR_NOT_FOUND: { kind: 'input', summary: 'A file, pack, run or job that was named does not exist.' },
  FERRY_ERR_CSV_RAGGED_ROW: { kind: 'input', summary: 'A CSV row has a different number of fields than its header.' },
  FERRY_ERR_CSV_UNTERMINATED_QUOTE: {
    kind: 'input',
    summary: 'A quoted CSV field is not closed before the end of the file, or an unbalanced quote swallowed lines.',
  },
  FERRY_ERR_CSV_ENCODING: { kind: 'input', summary: 'A file is not valid in its declared or detected encoding.' },
  FERRY_ERR_CSV_DELIMITER: {
    kind: 'input',
    summary: "A CSV file's field delimiter is ambiguous and must be declared.",
  },
  FERRY_ERR_CSV_FIELD_TOO_LARGE: { kind: 'input', summary: 'A CSV field exceeds the maximum field size.' },
  FERRY_ERR_CATALOG_INVALID: { kind: 'input', summary: 'A catalog file does not follow the catalog format.' },
  FERRY_ERR_CONTRACT_INVALID: { kind: 'input', summary: 'A mapping contract is malformed or fails validation.' },
  FERRY_ERR_CROSSWALK_INVALID: { kind: 'input', summary: 'A crosswalk file is malformed.' },
  FERRY_ERR_CONTRACT_LOCKED: {
    kind: 'input',
    summary: 'A locked contract version cannot change, or a release profile needs a locked version.',
  },
  FERRY_ERR_REVIEW_TRANSITION: {
    kind: 'input',
    summary: 'A review status change is not allowed from the current status, or lacks a reviewer or time.',
  },
  FERRY_ERR_CHECK_INVALID: {
    kind: 'input',
    summary: 'A quality check definition is malformed or names something that does not exist.',
  },
  FERRY_ERR_GATE_PROFILE_INVALID: { kind: 'input', summary: 'A release gate profile file is malformed.' },
  FERRY_ERR_TARGET_UNSUPPORTED: { kind: 'usage', summary: 'A target URL has an unsupported scheme.' },
  FERRY_ERR_TARGET_UNREACHABLE: { kind: 'input', summary: 'The target database could not be reached.' },
  FERRY_ERR_SOURCE_UNREACHABLE: { kind: 'input', summary: 'A source database could not be reached.' },
  FERRY_ERR_ARTEFACT_MISSING: {
    kind: 'input',
    summary: 'A stage needs an artefact from an earlier stage that is not there.',
  },
  FERRY_ERR_CONFIG: { kind: 'usage', summary: 'The server configuration (FERRY_* variables) is missing or invalid.' },
  FERRY_ERR_NOTHING_TO_JUDGE: {
    kind: 'input',
    summary:
      'A check, gate or reconciliation was asked about a job with no loaded rows (or an unknown job): it cannot pass on nothing.',
  },
  FERRY_ERR_REPORT_MISMATCH: {
    kind: 'input',
    summary:
      'Reports given together are about different jobs, contracts or source extracts, or one does not say what it is about.',
  },
  FERRY_ERR_DESTRUCTIVE_REFUSED: {
    kind: 'usage',
    summary:
      'A destructive command (e.g. a schema rollback dropping the audit trail or users) was not explicitly allowed or confirmed; nothing was changed.',
  },
  FERRY_ERR_MIGRATION_MISMATCH: {
    kind: 'input',
    summary: 'Applied platform migrations differ from the migration files (edited, missing or out of order).',
  },
  FERRY_ERR_MIGRATION_LOCKED: { kind: 'input', summary: 'Another process holds the platform migration lock.' },
  FERRY_ERR_LOCKED: {
    kind: 'conflict',
    summary: 'Another process holds the lock of an embedded database, of a lifecycle folder or of a job being loaded.',
  },
  FERRY_ERR_CANCELLED: {
    kind: 'input',
    summary: 'A run was stopped by a signal (SIGINT, SIGTERM) before it finished.',
  },
  FERRY_ERR_DATABASE_CONNECTION_LOST: {
    kind: 'unavailable',
    summary: 'The connection to a database server was lost while working.',
  },
  FERRY_ERR_DISK_FULL: {
    kind: 'unavailable',
    summary:
      'A disk is full (or over its quota): a database, evidence, log or reject file could not be written; what was committed before is kept.',
  },
  FERRY_ERR_MIGRATION_FAILED: {
    kind: 'internal',
    summary: 'A platform migration failed; nothing of that run was applied.',
  },
  FERRY_ERR_UNAUTHENTICATED: {
    kind: 'auth',
    summary: 'The request has no valid session or API token, or the credentials are wrong.',
  },
  FERRY_ERR_ACCOUNT_LOCKED: {
    kind: 'auth',
    summary: 'The account is locked by an administrator or after repeated failed logins.',
  },
  FERRY_ERR_MFA_REQUIRED: {
    kind: 'auth',
    summary: 'A TOTP code is required, or the organisation requires TOTP enrolment first.',
  },
  FERRY_ERR_FORBIDDEN: { kind: 'forbidden', summary: 'The caller lacks the permission the action needs.' },
  FERRY_ERR_SEPARATION_OF_DUTIES: {
    kind: 'forbidden',
    summary: 'The same person may not both make and approve a change.',
  },
  FERRY_ERR_CONFLICT: {
    kind: 'conflict',
    summary: 'The action conflicts with the current state (a duplicate, or a state that does not allow it).',
  },
  FERRY_ERR_RATE_LIMITED: { kind: 'auth', summary: 'Too many requests; retry later.' },
  FERRY_ERR_PAYLOAD_TOO_LARGE: { kind: 'input', summary: 'An upload or request body exceeds the allowed size.' },
  FERRY_ERR_INTERNAL: { kind: 'internal', summary: 'An unexpected internal error.' },
} as const;

export type FerryErrorCode = keyof typeof errorCatalogue;
export type FerryErrorKind = (typeof errorCatalogue)[FerryErrorCode]['kind'];

/** Where an error happened, for diagnosis. Never patient values. */
export interface FerryErrorContext {
  file?: string;
  line?: number;
  field?: string;
  table?: string;
  key?: string;
  stage?: string;
  [k: string]: string | number | undefined;
}

/** One of several problems an error reports (a CSV line, a contract row): where it is and what is wrong. */
export interface FerryErrorIssue {
  line?: number;
  table?: string;
  column?: string;
  field?: string;
  message: string;
}

export class FerryError extends Error {
  readonly code: FerryErrorCode;
  readonly context: FerryErrorContext;
  /** The problems one by one, when the error reports several (the message lists them too). */
  readonly issues: readonly FerryErrorIssue[];

  constructor(
    code: FerryErrorCode,
    message: string,
    context: FerryErrorContext = {},
    options?: { cause?: unknown; issues?: readonly FerryErrorIssue[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FerryError';
    this.code = code;
    this.context = context;
    this.issues = options?.issues ?? [];
  }

  get kind(): FerryErrorKind {
    return errorCatalogue[this.code].kind;
  }

  /** One line for a person: `file:line field: message`. */
  describe(): string {
    const { file, line, field } = this.context;
    const where = [file && (line !== undefined ? `${file}:${line}` : file), field && `field ${field}`]
      .filter(Boolean)
      .join(' ');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

export function isFerryError(e: unknown): e is FerryError {
  return e instanceof FerryError;
}

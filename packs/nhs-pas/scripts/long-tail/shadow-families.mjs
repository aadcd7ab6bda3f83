/**
 * Families derived from other tables: audit trails (`<T>_AUD`), dated history (`<T>_HIST`) and archives
 * (`ARC_<T>`). A legacy PAS keeps these beside its live tables; none of them is migrated (the target keeps its own
 * audit, and archived activity is loaded, if at all, from the archive extract).
 */
import { parseColumnSpec, table } from './table-spec.mjs';

/** Core tables with an audit trail: the clinical tables (patient, pathway and activity), not reference data. */
const audited = (name) => /^(PATIENT|PAT_.+|REFERRAL|RTT_.+|OP_WL.*|OP_APPT.*|IP_.+|ADM_.+|CODE_.+|MH_.+)$/.test(name);

/** Core tables whose every change the PAS also keeps as a dated version (demographics, pathways, stays). */
const historied =
  /^(PATIENT|PAT_ADDR|PAT_GP_REG|PAT_NOK|REFERRAL|RTT_PERIOD|OP_WLIST|IP_WLIST|ADM_SPELL|ADM_EPISODE|MH_DETENTION|STAFF)$/;

/** Core activity tables that the nightly housekeeping moves to `ARC_` once older than the retention period. */
const archivedCore = /^(REFERRAL|RTT_.+|OP_.+|IP_.+|ADM_.+|CODE_.+|MH_.+)$/;
/** Reference data and clinic schedules, never archived. */
const notActivity = /^OP_(CLINIC|SESSION|SLOT)$/;

const auditSpecs = [
  'AUD_ID i* Audit row identifier',
  'AUD_ACTION c1@SYS_AUDIT_ACTION! Action: I insert, U update, D delete',
  'AUD_IMAGE c1@SYS_AUDIT_IMAGE! Row image: B before, A after',
  'AUD_USER s30! Login that made the change',
  'AUD_DT t! Date/time of the change',
  'AUD_TERMINAL s30 Terminal or host name',
  'AUD_PROGRAM s30 Screen or program that made the change',
  'AUD_TXN_ID i Database transaction number',
];

const historySpecs = [
  'HIST_ID i* History row identifier',
  'VALID_FROM_DT t! Version valid from',
  'VALID_TO_DT t Version valid to (blank = current)',
  'CHANGED_BY s30 Login that made the change',
  'CHANGE_REASON c4@CHANGE_REASON Reason for the change',
];

const archiveSpecs = ['ARC_BATCH_ID >ARC_BATCH! Archive run that moved the row', 'ARC_DT t! Date/time archived'];

const copy = (c, overrides) => ({ ...c, refTable: '', ...overrides });

/**
 * `<T>_AUD` for the clinical core tables: the audit columns, then a copy of the table's columns
 * (keys and references dropped: an audit row outlives the row it describes).
 *
 * @param {Iterable<import('./table-spec.mjs').LongTailTable>} coreTables
 */
export function auditTables(coreTables) {
  const out = [];
  for (const t of coreTables) {
    if (!audited(t.name)) continue;
    const meta = table(`${t.name}_AUD`, 'audit', auditSpecs, { stamps: false }).columns;
    const copied = t.columns.map((c) =>
      copy(c, {
        primaryKey: false,
        nullable: true,
        references: '',
        ...(c.primaryKey ? { description: `Key of the audited ${t.name} row` } : {}),
      }),
    );
    out.push({ name: `${t.name}_AUD`, family: 'audit', columns: [...meta, ...copied] });
  }
  return out;
}

/**
 * `<T>_HIST` for the main demographic, pathway and stay tables: one row per version of a live row, its key referring to
 * the live row.
 *
 * @param {Iterable<import('./table-spec.mjs').LongTailTable>} coreTables
 */
export function historyTables(coreTables) {
  const out = [];
  for (const t of coreTables) {
    if (!historied.test(t.name)) continue;
    const keys = t.columns.filter((c) => c.primaryKey);
    const meta = table(`${t.name}_HIST`, 'history', historySpecs, { stamps: false }).columns;
    const copied = t.columns.map((c) =>
      c.primaryKey && keys.length === 1
        ? copy(c, {
            primaryKey: false,
            nullable: false,
            references: `${t.name}.${c.name}`,
            description: `${t.name} row this is a version of (${t.name}.${c.name})`,
          })
        : copy(c, { primaryKey: false }),
    );
    out.push({ name: `${t.name}_HIST`, family: 'history', columns: [...meta, ...copied] });
  }
  return out;
}

/** The archive run log that every `ARC_` row points to. */
export function archiveBatchTable() {
  return table(
    'ARC_BATCH',
    'archive',
    [
      'ARC_BATCH_ID i* Archive run identifier',
      'RUN_DT t! Date/time the run started',
      'END_DT t Date/time the run finished',
      'CUTOFF_DT d! Activity before this date was archived',
      'RETENTION_YRS i Retention period applied (years)',
      'TABLES_DONE i Tables processed',
      'ROWS_MOVED i Rows moved to archive',
      'STATUS c1@SYS_BATCH_STATUS Run status',
      'RUN_BY s30 Login or job that ran it',
      'ERROR_TEXT s255 Error text when the run failed',
    ],
    { stamps: false },
  );
}

/**
 * `ARC_<T>` for the given activity tables: the same columns and key, plus the archive run. A reference to
 * another archived table is redirected to its archive; references to PATIENT, staff and reference data stay.
 *
 * @param {import('./table-spec.mjs').LongTailTable[]} tables resolved tables (core activity and module activity)
 */
export function archiveTables(tables) {
  const names = new Set(tables.map((t) => t.name));
  const redirect = (ref) => {
    const [target = '', column = ''] = ref.split('.');
    return names.has(target) ? `ARC_${target}.${column}` : ref;
  };
  return tables.map((t) => {
    const meta = archiveSpecs.map((s) => parseColumnSpec(s, `ARC_${t.name}`));
    const copied = t.columns.map((c) =>
      copy(c, {
        references: c.references ? redirect(c.references) : '',
        ...(c.primaryKey ? { description: `Key the row had in ${t.name}` } : {}),
      }),
    );
    return { name: `ARC_${t.name}`, family: 'archive', columns: [...copied, ...meta] };
  });
}

/**
 * The core tables that are archived.
 *
 * @param {Iterable<import('./table-spec.mjs').LongTailTable>} coreTables
 */
export function archivedCoreTables(coreTables) {
  return [...coreTables].filter((t) => archivedCore.test(t.name) && !notActivity.test(t.name));
}

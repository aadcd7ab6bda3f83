import { cohortSettings } from '../cohort-settings.js';
import { ukDateTime } from './legacy-format.js';
import type { RenderEnv } from './render-env.js';
import type { Cell } from './table-spec.js';
import { isoDateTime } from './target-format.js';

/** Who created and last changed a row, and when: derived from the row key so both renderings agree. */
interface Audit {
  createdBy: string;
  createdAt: number;
  updatedBy?: string;
  updatedAt?: number;
}

function auditOf(env: RenderEnv, salt: string, id: number, created: number, minuteLevel: boolean): Audit {
  const q = env.quirks;
  // Rows of timed events are keyed in a few minutes after the event; others during a working day.
  const createdAt = minuteLevel
    ? Math.min(created + 1 + Math.floor(q.unit(salt, id, 'at') * 30), env.extract * 1440 + 1439)
    : Math.min(created, env.extract) * 1440 + 7 * 60 + Math.floor(q.unit(salt, id, 'at') * 11 * 60);
  const day = Math.floor(createdAt / 1440);
  const who = (field: string) => env.users[Math.floor(q.unit(salt, id, field) * env.users.length)]!;
  if (q.unit(salt, id, 'upd') < 0.45 || day >= env.extract) return { createdBy: who('by'), createdAt };
  const updatedDay = day + Math.floor(q.unit(salt, id, 'ud') * (env.extract - day));
  return {
    createdBy: who('by'),
    createdAt,
    updatedBy: who('ub'),
    updatedAt: Math.max(createdAt + 1, updatedDay * 1440 + 7 * 60 + Math.floor(q.unit(salt, id, 'ut') * 11 * 60)),
  };
}

/** Legacy logins were stored as typed: mostly lower case. */
function legacyUser(login: string | undefined, q: number): string {
  if (!login) return '';
  return q < 0.7 ? login.toLowerCase() : login.toUpperCase();
}

/**
 * The columns every legacy table and LOAD table share: the surrogate key (RECORD_NUMBER, EXTERNAL_SYSTEM_ID),
 * SYSTEM_CODE, the audit columns, and for patient-linked tables PAT_ID/HOSP_NO (LOADPMI_RECORD_NUMBER,
 * MAIN_CRN_TYPE, MAIN_CRN). `created` gives the day the row was keyed in, or with `minuteLevel` the minute of
 * the event it records.
 */
export function commonColumns<T extends { id: number }>(
  table: string,
  keyColumn: string,
  created: (row: T, env: RenderEnv) => number,
  patientLinked: boolean,
  minuteLevel = false,
): { legacy: Record<string, Cell<T>>; national: Record<string, Cell<T>> } {
  // The legacy and target renderings of a row ask for its audit several times in a row: keep the last one.
  let lastRow: T | undefined;
  let lastAudit: Audit | undefined;
  const audit = (row: T, env: RenderEnv): Audit => {
    if (row !== lastRow || !lastAudit) {
      lastAudit = auditOf(env, table, row.id, created(row, env), minuteLevel);
      lastRow = row;
    }
    return lastAudit;
  };
  const legacy: Record<string, Cell<T>> = {
    [keyColumn]: (r) => String(r.id),
    CREATED_BY: (r, e) => legacyUser(audit(r, e).createdBy, e.quirks.unit(table, r.id, 'cbq')),
    CREATED_DT: (r, e) => ukDateTime(audit(r, e).createdAt),
    UPDATED_BY: (r, e) => legacyUser(audit(r, e).updatedBy, e.quirks.unit(table, r.id, 'ubq')),
    UPDATED_DT: (r, e) => ukDateTime(audit(r, e).updatedAt),
  };
  const national: Record<string, Cell<T>> = {
    RECORD_NUMBER: (r) => String(r.id),
    SYSTEM_CODE: () => cohortSettings.systemCode,
    EXTERNAL_SYSTEM_ID: (r) => String(r.id),
    CREATE_USER: (r, e) => audit(r, e).createdBy.toUpperCase(),
    CREATE_DTTM: (r, e) => isoDateTime(audit(r, e).createdAt),
    MODIF_USER: (r, e) => audit(r, e).updatedBy?.toUpperCase() ?? '',
    MODIF_DTTM: (r, e) => isoDateTime(audit(r, e).updatedAt),
  };
  if (patientLinked) {
    legacy.PAT_ID = (_r, e) => String(e.patient.id);
    legacy.HOSP_NO = (_r, e) => e.patient.hospitalNumber;
    national.LOADPMI_RECORD_NUMBER = (_r, e) => String(e.patient.id);
    national.MAIN_CRN_TYPE = () => cohortSettings.mainCrnType;
    national.MAIN_CRN = (_r, e) => e.patient.hospitalNumber;
  }
  return { legacy, national };
}

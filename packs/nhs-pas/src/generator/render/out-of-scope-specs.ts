import { deriveSeed, mix32 } from '@ferry/core';
import type { StaffRef } from '../reference-data.js';
import { legacyFlag, ukDate, ukDateTime } from './legacy-format.js';
import type { TableSpec } from './table-spec.js';

/**
 * A few tables of the legacy catalog's long tail (out of scope: no LOAD table reads them), written so that the
 * extract has the shape of a real one: audit trails next to their tables, and the system's user table.
 */

/** Core tables whose `<TABLE>_AUD` audit trail the extract includes. */
export const auditedTables = ['PATIENT', 'ADM_SPELL'] as const;

/** One image of an audited row. */
export interface AuditImage {
  id: number;
  /** I insert, U update. */
  action: 'I' | 'U';
  /** B before, A after. */
  image: 'B' | 'A';
  user: string;
  at: string;
  txn: number;
  program: string;
  /** The audited row's legacy values by column. */
  values: Map<string, string>;
}

/** An audit trail table: its own AUD_ columns, then the audited table's columns (by name) as they were. */
export function auditSpec(table: string, columns: readonly string[]): TableSpec<AuditImage> {
  const own: TableSpec<AuditImage>['legacy'] = {
    AUD_ID: (a) => String(a.id),
    AUD_ACTION: (a) => a.action,
    AUD_IMAGE: (a) => a.image,
    AUD_USER: (a) => a.user,
    AUD_DT: (a) => a.at,
    AUD_TERMINAL: (a) => `WS${String(mix32(a.txn) % 400).padStart(3, '0')}`,
    AUD_PROGRAM: (a) => a.program,
    AUD_TXN_ID: (a) => String(a.txn),
  };
  const legacy: TableSpec<AuditImage>['legacy'] = {};
  for (const name of columns) legacy[name] = own[name] ?? ((a) => a.values.get(name) ?? '');
  return { source: `${table}_AUD`, legacy, national: {} };
}

/** A legacy system user: a member of staff's login, or a system account. */
export interface UserRow {
  id: number;
  login: string;
  staff?: StaffRef;
  seed: number;
}

const hex = (seed: number, id: number, n: number) => {
  let out = '';
  let h = deriveSeed(seed, 'user', id);
  while (out.length < n) {
    h = mix32(h + 0x9e3779b9);
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, n);
};

export const userSpec: TableSpec<UserRow> = {
  source: 'SYS_USER',
  legacy: {
    USER_ID: (u) => String(u.id),
    LOGIN: (u) => u.login,
    STAFF_ID: (u) => (u.staff ? String(u.staff.id) : ''),
    SURNAME: (u) => (u.staff ? u.staff.surname.toUpperCase() : 'SYSTEM'),
    FORENAME: (u) => (u.staff ? u.staff.forename.toUpperCase() : ''),
    JOB_TITLE: (u) => u.staff?.jobTitle ?? (u.login === 'interface' ? 'Interface engine' : 'System administrator'),
    EMAIL: (u) => u.staff?.email ?? '',
    SMARTCARD_UUID: (u) => (u.staff ? String(100_000_000_000 + (mix32(u.id * 7919 + u.seed) % 899_999_999_999)) : ''),
    DEFAULT_SITE_ID: () => '1',
    PWD_HASH: (u) => `$sha512$${hex(u.seed, u.id, 64)}`,
    PWD_CHANGED_DT: (u, e) => ukDateTime((e.extract - 1 - (mix32(u.id + u.seed) % 90)) * 1440 + 9 * 60 + (u.id % 480)),
    PWD_EXPIRY_DT: (u, e) => ukDate(e.extract - 1 - (mix32(u.id + u.seed) % 90) + 90),
    FAILED_LOGINS: (u) => String(mix32(u.id ^ u.seed) % 4),
    LOCKED_FLAG: (u) => legacyFlag(u.staff ? !u.staff.active : false),
    LAST_LOGIN_DT: (u, e) =>
      u.staff && !u.staff.active
        ? ''
        : ukDateTime((e.extract - (mix32(u.id * 31 + u.seed) % 5)) * 1440 + 7 * 60 + (u.id % 600)),
    START_DT: (u) => ukDate(u.staff?.start),
    END_DT: (u) => ukDate(u.staff?.end),
    CREATED_BY: () => 'pasadmin',
    CREATED_DT: (u) => ukDateTime(((u.staff?.start ?? 11_000) + 1) * 1440 + 10 * 60),
    UPDATED_BY: () => '',
    UPDATED_DT: () => '',
  },
  national: {},
};

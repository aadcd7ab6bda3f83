import { spacedNhsNumber, withWrongCheckDigit } from '@ferry/core';
import type { PatientScope } from './build-context.js';
import type { PatientFacts, RowFlags } from './cohort-facts.js';
import { type DefectKind, type DefectRecord, defectKinds } from './defect-kinds.js';
import { missingParentId } from './id-allocator.js';

/** A row that can carry a defect: its source table, key, and the fact to mark. */
interface Candidate {
  table: string;
  id: number;
  row: RowFlags;
  column: string;
}

const badLocalCodes: Record<string, { codeType: string; values: string[] }> = {
  ETHNIC: { codeType: 'ethnic_category', values: ['WHB', 'XX', 'A9', 'UNK'] },
  REF_SRC: { codeType: 'referral_source', values: ['GPX', 'WALK', 'TEL'] },
  ATTEND: { codeType: 'attendance_status', values: ['ATX', 'WLK', 'Y'] },
  ADM_METH: { codeType: 'admission_method', values: ['EM', 'ZZ', 'EL'] },
  MARITAL: { codeType: 'marital_status', values: ['7', 'C', 'X'] },
};

const malformedDates = ['31/02/2019', '2019-13-45', '12/2019', '00/00/0000', '32/01/2020', '29/02/2021', '15/13/2018'];

function mark(row: RowFlags, column: string, value: string): void {
  row.rejected = true;
  row.overrides = { ...row.overrides, [column]: value };
}

function record(table: string, id: number, defect: DefectKind): DefectRecord {
  return { sourceTable: table, sourceKey: String(id), defect, expected: defectKinds[defect] };
}

function activeRows<T extends RowFlags>(rows: readonly T[]): T[] {
  return rows.filter((r) => (r.recStatus ?? 'A') === 'A' && !r.rejected);
}

/**
 * Injects one defect into a built patient, by changing a fact (issues: the row still loads) or by overriding the
 * legacy text of one column of one row (rejects). Returns undefined when the patient has no row the defect fits;
 * `duplicate_patient` and `activity_after_death` need new rows and are made by the patient builder.
 */
export function applyDefect(
  scope: PatientScope,
  facts: PatientFacts,
  kind: DefectKind,
  codesInUse: (codeType: string) => Set<string>,
): DefectRecord | undefined {
  const { rng, ctx } = scope;
  const core = facts.core;
  switch (kind) {
    case 'invalid_nhs_check_digit': {
      if (!core.nhsNumber) return undefined;
      const wrong = withWrongCheckDigit(core.nhsNumber);
      mark(core, 'NHS_NO', core.nhsStyle === 'spaced' ? spacedNhsNumber(wrong) : wrong);
      return record('PATIENT', core.id, kind);
    }
    case 'repdigit_nhs_number': {
      const digit = rng.chance(0.6) ? 9 : rng.int(0, 8);
      core.nhsNumber = String(digit).repeat(10);
      core.nhsStatus = '02';
      return record('PATIENT', core.id, kind);
    }
    case 'future_date_of_birth': {
      core.dob = ctx.extract + rng.int(1, 400);
      core.birthTime = undefined;
      facts.aliases = [];
      return record('PATIENT', core.id, kind);
    }
    case 'unmapped_local_code': {
      const c: Candidate[] = [];
      if (core.ethnic) c.push({ table: 'PATIENT', id: core.id, row: core, column: 'ETHNIC' });
      if (core.marital) c.push({ table: 'PATIENT', id: core.id, row: core, column: 'MARITAL' });
      for (const r of activeRows(facts.referrals)) c.push({ table: 'REFERRAL', id: r.id, row: r, column: 'REF_SRC' });
      for (const a of activeRows(facts.appointments)) c.push({ table: 'OP_APPT', id: a.id, row: a, column: 'ATTEND' });
      for (const s of activeRows(facts.spells)) c.push({ table: 'ADM_SPELL', id: s.id, row: s, column: 'ADM_METH' });
      if (!c.length) return undefined;
      const pick = rng.pick(c);
      const bad = badLocalCodes[pick.column]!;
      const used = codesInUse(bad.codeType);
      const value = bad.values.find((v) => !used.has(v.toUpperCase()));
      if (!value) return undefined;
      mark(pick.row, pick.column, value);
      return record(pick.table, pick.id, kind);
    }
    case 'orphan_child_row': {
      const c: Candidate[] = [];
      for (const a of facts.addresses) c.push({ table: 'PAT_ADDR', id: a.id, row: a, column: 'PAT_ID' });
      for (const a of facts.contacts) c.push({ table: 'PAT_CONTACT', id: a.id, row: a, column: 'PAT_ID' });
      for (const a of facts.aliases) c.push({ table: 'PAT_ALIAS', id: a.id, row: a, column: 'PAT_ID' });
      for (const s of activeRows(facts.spells)) {
        for (const e of s.episodes) {
          for (const d of e.diagnoses) c.push({ table: 'CODE_DIAG', id: d.id, row: d, column: 'EPISODE_ID' });
          for (const w of e.wardStays) c.push({ table: 'ADM_WARDSTAY', id: w.id, row: w, column: 'EPISODE_ID' });
        }
      }
      for (const a of facts.appointments)
        for (const x of a.coding) c.push({ table: 'OP_APPT_CODING', id: x.id, row: x, column: 'APPT_ID' });
      if (!c.length) return undefined;
      const pick = rng.pick(c);
      mark(pick.row, pick.column, String(missingParentId + rng.int(1, 900_000)));
      return record(pick.table, pick.id, kind);
    }
    case 'missing_mandatory_field': {
      const c: Candidate[] = [
        { table: 'PATIENT', id: core.id, row: core, column: 'SURNAME' },
        { table: 'PATIENT', id: core.id, row: core, column: 'FORENAME' },
      ];
      for (const r of activeRows(facts.referrals))
        c.push({ table: 'REFERRAL', id: r.id, row: r, column: 'REF_RCVD_DT' });
      for (const a of activeRows(facts.addresses)) c.push({ table: 'PAT_ADDR', id: a.id, row: a, column: 'ADDR1' });
      for (const a of activeRows(facts.appointments)) c.push({ table: 'OP_APPT', id: a.id, row: a, column: 'APPT_DT' });
      for (const s of activeRows(facts.spells)) c.push({ table: 'ADM_SPELL', id: s.id, row: s, column: 'ADM_DT' });
      const pick = rng.pick(c);
      mark(pick.row, pick.column, rng.chance(0.3) ? '   ' : '');
      return record(pick.table, pick.id, kind);
    }
    case 'malformed_date': {
      const c: Candidate[] = [{ table: 'PATIENT', id: core.id, row: core, column: 'DOB' }];
      for (const r of activeRows(facts.referrals)) c.push({ table: 'REFERRAL', id: r.id, row: r, column: 'REF_DT' });
      for (const a of activeRows(facts.appointments))
        c.push({ table: 'OP_APPT', id: a.id, row: a, column: 'BOOKED_DT' });
      for (const a of activeRows(facts.addresses)) c.push({ table: 'PAT_ADDR', id: a.id, row: a, column: 'FROM_DT' });
      const pick = rng.pick(c);
      mark(pick.row, pick.column, rng.pick(malformedDates));
      return record(pick.table, pick.id, kind);
    }
    case 'discharge_before_admission': {
      const finished = activeRows(facts.spells).filter((s) => s.discharged !== undefined);
      if (!finished.length) return undefined;
      const s = rng.pick(finished);
      s.discharged = s.admitted - rng.int(1, 3) * 1440 - rng.int(0, 600);
      return record('ADM_SPELL', s.id, kind);
    }
    case 'activity_after_death':
    case 'duplicate_patient':
      return undefined;
  }
}

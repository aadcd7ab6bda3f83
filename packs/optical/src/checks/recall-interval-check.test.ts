import { PgliteDatabase, recordCompletedJob, registerPackExtensions, runChecks } from '@ferry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opticalPack } from '../index.js';
import { opticalChecks } from './quality-checks.js';

// Patients: 1 adult, 2 aged 15 at the exam, 3 diabetic, 4 aged 45 with glaucoma in the family, 5 aged 70 at the exam,
// 6 aged 38 with glaucoma in the family (too young for the short interval), 7 with no examination.
const fixture = `
create table "patient" ("id" integer primary key, "date_of_birth" date, "diabetic" text, "glaucoma_family_history" text,
  ferry_job_id text, ferry_source_table text, ferry_source_key text);
create table "examination" ("id" integer primary key, "patient_id" integer, "exam_date" date,
  ferry_job_id text, ferry_source_table text, ferry_source_key text);
create table "recall" ("id" integer primary key, "patient_id" integer, "due_date" date,
  ferry_job_id text, ferry_source_table text, ferry_source_key text);
insert into "patient" values
 (1, '1980-05-01', 'N', 'N', 'J1', 'p', 'P1'), (2, '2010-06-01', 'N', 'N', 'J1', 'p', 'P2'),
 (3, '1980-05-01', 'Y', 'N', 'J1', 'p', 'P3'), (4, '1979-01-01', 'N', 'Y', 'J1', 'p', 'P4'),
 (5, '1954-03-01', 'N', 'N', 'J1', 'p', 'P5'), (6, '1986-01-01', 'N', 'Y', 'J1', 'p', 'P6'),
 (7, '1980-05-01', 'N', 'N', 'J1', 'p', 'P7');
insert into "examination" values
 (10, 1, '2024-03-10', 'J1', 'e', 'E10'), (11, 1, '2022-01-01', 'J1', 'e', 'E11'), (20, 2, '2025-03-10', 'J1', 'e', 'E20'),
 (30, 3, '2024-03-10', 'J1', 'e', 'E30'), (40, 4, '2024-03-10', 'J1', 'e', 'E40'), (50, 5, '2024-03-10', 'J1', 'e', 'E50'),
 (60, 6, '2024-03-10', 'J1', 'e', 'E60');
insert into "recall" values
 (100, 1, '2026-03-10', 'J1', 'r', 'R100'), (101, 1, '2026-06-10', 'J1', 'r', 'R101'),
 (200, 2, '2026-03-10', 'J1', 'r', 'R200'), (201, 2, '2027-03-10', 'J1', 'r', 'R201'),
 (300, 3, '2025-03-10', 'J1', 'r', 'R300'), (301, 3, '2026-03-10', 'J1', 'r', 'R301'),
 (400, 4, '2025-04-01', 'J1', 'r', 'R400'), (401, 4, '2025-05-01', 'J1', 'r', 'R401'),
 (500, 5, '2025-06-01', 'J1', 'r', 'R500'), (600, 6, '2026-03-10', 'J1', 'r', 'R600'),
 (700, 7, '2030-01-01', 'J1', 'r', 'R700');
`;

describe('recall_interval_by_risk (an optical pack check kind)', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    registerPackExtensions(opticalPack);
    db = await PgliteDatabase.open();
    await db.exec(fixture);
    await recordCompletedJob(db, 'J1', ['patient', 'examination', 'recall']);
  });
  afterAll(async () => db.close());

  it('flags a recall later than 12 months for a patient at risk, or 24 for anyone, after the last examination', async () => {
    const check = opticalChecks().find((c) => c.id === 'recall.due_date.interval_by_risk')!;
    const report = await runChecks(db, [check], { jobId: 'J1', asOfDate: '2026-10-31', codeSets: {} });
    const r = report.checks[0]!;
    // Considered: every recall with an examination before it (not patient 7's).
    expect(r.denominator).toBe(10);
    // Flagged: 101 (27 months, adult), 201 (24 months, 14 at the exam), 301 (24 months, diabetic), 401 (13.7 months,
    // 45 with glaucoma in the family: past the 31 days' grace), 500 (15 months, 70 at the exam). Not flagged: 100 (24
    // months, adult), 200 and 300 (12 months), 400 (12.7 months: within the grace), 600 (24 months, 38 with glaucoma in
    // the family).
    expect(r.offending.map((o) => o.sourceKey).sort()).toEqual(['R101', 'R201', 'R301', 'R401', 'R500']);
  });
});

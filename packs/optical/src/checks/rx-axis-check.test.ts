import { PgliteDatabase, recordCompletedJob, registerPackExtensions, runChecks } from '@ferry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opticalPack } from '../index.js';

const fixture = `
create table "prescription" ("id" integer primary key, "right_cylinder" numeric, "right_axis" integer,
  ferry_job_id text, ferry_source_table text, ferry_source_key text);
insert into "prescription" values
 (1, -0.75, 90, 'J1', 'rx', 'R1'),
 (2, null, 90, 'J1', 'rx', 'R2'),
 (3, -1.00, null, 'J1', 'rx', 'R3'),
 (4, -1.00, 181, 'J1', 'rx', 'R4'),
 (5, 0, null, 'J1', 'rx', 'R5'),
 (6, null, null, 'J1', 'rx', 'R6'),
 (7, 0, 45, 'J1', 'rx', 'R7');
`;

describe('rx_axis_with_cylinder (an optical pack check kind)', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    registerPackExtensions(opticalPack);
    db = await PgliteDatabase.open();
    await db.exec(fixture);
    await recordCompletedJob(db, 'J1', ['prescription']);
  });
  afterAll(async () => db.close());

  it('flags an axis without a cylinder, a cylinder without an axis, and an axis outside 1-180', async () => {
    const report = await runChecks(
      db,
      [
        {
          id: 'rx.axis',
          domain: 'RX',
          dimension: 'validity',
          severity: 'error',
          description: 'axis',
          table: 'prescription',
          kind: 'rx_axis_with_cylinder',
          params: { cylinder: 'right_cylinder', axis: 'right_axis' },
          keyColumn: 'id',
        },
      ],
      { jobId: 'J1', asOfDate: '2026-10-31', codeSets: {} },
    );
    const r = report.checks[0]!;
    expect([r.numerator, r.denominator]).toEqual([4, 6]);
    expect(r.offending.map((o) => o.sourceKey)).toEqual(['R2', 'R3', 'R4', 'R7']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteDatabase } from '../../store/pglite-database.js';
import { recordCompletedJob } from '../../testing/recorded-job.js';
import type { CheckDefinition } from '../check-model.js';
import { runChecks } from '../run-checks.js';

const fixture = `
create table "RX" ("id" integer primary key, "SPHERE" numeric, "IOP" text,
  ferry_job_id text, ferry_source_table text, ferry_source_key text);
insert into "RX" values
 (1, -1.25, '15', 'J1', 'rx', 'R1'),
 (2, -1.13, '88', 'J1', 'rx', 'R2'),
 (3, 25.25, 'high', 'J1', 'rx', 'R3'),
 (4, null, '', 'J1', 'rx', 'R4'),
 (5, 0, '4.5', 'J1', 'rx', 'R5'),
 (6, 99, '99', 'J2', 'rx', 'R6');
`;

const def = (params: Record<string, unknown>): CheckDefinition => ({
  id: 'c',
  domain: 'RX',
  dimension: 'validity',
  severity: 'error',
  description: 'c',
  table: 'RX',
  kind: 'numeric_range',
  params,
  keyColumn: 'id',
});

describe('numeric_range on PGlite', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await PgliteDatabase.open();
    await db.exec(fixture);
    await recordCompletedJob(db, 'J1', ['RX']);
  });
  afterAll(async () => db.close());

  const run = async (params: Record<string, unknown>) => {
    const report = await runChecks(db, [def(params)], { jobId: 'J1', asOfDate: '2026-10-31', codeSets: {} });
    return report.checks[0]!;
  };

  it('flags values off the step or out of range, exactly; blanks are not considered', async () => {
    const r = await run({ column: 'SPHERE', min: -25, max: 25, step: 0.25, label: 'sphere' });
    expect([r.numerator, r.denominator]).toEqual([2, 4]);
    expect(r.offending.map((o) => o.sourceKey)).toEqual(['R2', 'R3']);
    expect(r.message).toBe('sphere is not -25 to 25 in steps of 0.25');
  });

  it('reads text columns, and a value that is not a number offends', async () => {
    const r = await run({ column: 'IOP', min: 5, max: 60 });
    expect([r.numerator, r.denominator]).toEqual([3, 4]);
    expect(r.offending.map((o) => o.targetKey)).toEqual(['2', '3', '5']);
  });

  it('refuses params with no bound and no step, or min above max', async () => {
    await expect(run({ column: 'IOP' })).rejects.toThrow('needs min, max or step');
    await expect(run({ column: 'IOP', min: 9, max: 1 })).rejects.toThrow('min is above max');
  });
});

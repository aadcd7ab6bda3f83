import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  contractHash,
  gateReportSchema,
  gateThresholdsFor,
  PgliteDatabase,
  qualityReportSchema,
  readContractFile,
  recordCompletedJob,
  thresholdFor,
} from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { Command, CommanderError } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exitCodes, reportError } from '../run-command.js';
import { registerCheck } from './check.js';
import { registerGate } from './gate.js';

/** The two verbs on a program built as `buildProgram` builds it, and `main`'s exit-code rules. */
async function main(argv: string[]): Promise<number> {
  const program = new Command('ferry').exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  registerCheck(program);
  registerGate(program);
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? exitCodes.ok : Number(process.exitCode);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : exitCodes.usage;
    return reportError(e);
  }
}

/** Runs the CLI in-process and captures what it prints. */
async function ferry(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    const code = await main(['node', 'ferry', ...args]);
    // Progress lines (one per stage start and end, outside a terminal) are not what these tests are about.
    const progress = /^ferry: \S+ (started|done in .*|failed after .*)\n/gm;
    return { code, out, err: err.replace(progress, '') };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

const checks = [
  {
    id: 'pmi.nhs_number.mod11',
    domain: 'PMI',
    dimension: 'validity',
    severity: 'error',
    description: 'Mod 11',
    table: 'LOAD_PMI',
    kind: 'nhs_number_valid',
    params: { column: 'NHS_NUMBER' },
  },
  {
    id: 'pmi.sex.code',
    domain: 'PMI',
    dimension: 'validity',
    severity: 'error',
    description: 'Sex code',
    table: 'LOAD_PMI',
    kind: 'code_in_set',
    params: { column: 'SEX', codeType: 'gender' },
  },
  {
    id: 'pmi.surname.present',
    domain: 'PMI',
    dimension: 'completeness',
    severity: 'warning',
    description: 'Surname',
    table: 'LOAD_PMI',
    kind: 'not_null',
    params: { column: 'SURNAME' },
  },
];

describe('ferry check and ferry gate', () => {
  let dir: string;
  beforeAll(async () => {
    // First, a job has loaded 100 patients into an embedded target; patient 7 has a bad NHS number.
    dir = await mkdtemp(join(tmpdir(), 'ferry-cli-quality-'));
    const db = await PgliteDatabase.open(join(dir, 'target'));
    await db.exec(`create table "LOAD_PMI" ("RECORD_NUMBER" bigint, "NHS_NUMBER" text, "SURNAME" text, "SEX" text,
      ferry_job_id text, ferry_source_table text, ferry_source_key text)`);
    for (let i = 1; i <= 100; i++) {
      await db.query(`insert into "LOAD_PMI" values ($1, $2, $3, $4, 'J1', 'PATIENT', $5)`, [
        i,
        i === 7 ? '9434765918' : '9434765919',
        'DOE',
        '1',
        `P${i}`,
      ]);
    }
    await recordCompletedJob(db, 'J1', ['LOAD_PMI'], { contractHash: 'C1', sourceFingerprint: 'S1' });
    // Job J0 completed but has no rows left in the target (e.g. every row rejected).
    await recordCompletedJob(db, 'J0', ['LOAD_PMI'], { contractHash: 'C1', sourceFingerprint: 'S1' });
    await db.close();
    await writeFile(join(dir, 'checks.json'), JSON.stringify(checks));
    await writeFile(join(dir, 'code-sets.csv'), 'code_type,code,label,retired\ngender,1,Male,N\ngender,2,Female,N\n');
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('check writes quality_report.json and issues.csv, and exits 0 whatever it finds', async () => {
    const out = join(dir, 'check');
    const r = await ferry(
      'check',
      '--target',
      `pglite:${join(dir, 'target')}`,
      '--job',
      'J1',
      '--checks',
      join(dir, 'checks.json'),
      '--code-sets',
      join(dir, 'code-sets.csv'),
      '--as-of',
      '2025-03-31',
      '--out',
      out,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('error   pmi.nhs_number.mod11: 1 of 100 (1.00%)');
    const report = qualityReportSchema.parse(JSON.parse(await readFile(join(out, 'quality_report.json'), 'utf8')));
    expect(report.checks.map((c) => [c.id, c.numerator, c.denominator])).toEqual([
      ['pmi.nhs_number.mod11', 1, 100],
      ['pmi.sex.code', 0, 100],
      ['pmi.surname.present', 0, 100],
    ]);
    expect(await readFile(join(out, 'issues.csv'), 'utf8')).toBe(
      'check_id,severity,target_table,target_key,source_table,source_key,field,message\npmi.nhs_number.mod11,error,LOAD_PMI,7,PATIENT,P7,NHS_NUMBER,NHS number fails Modulus 11\n',
    );
  });

  it('check reads a csv: target back with its contract and target catalog', async () => {
    // A vendor-loader target: LOAD files plus lineage files, written by a contract over a two-column catalog.
    const load = join(dir, 'csv-target');
    await mkdir(join(load, 'lineage'), { recursive: true });
    await writeFile(join(load, 'LOAD_PMI.csv'), 'RECORD_NUMBER,NHS_NUMBER\n1,9434765919\n2,9434765918\n3,\n');
    await writeFile(
      join(load, 'lineage', 'LOAD_PMI.csv'),
      'RECORD_NUMBER,ferry_job_id,ferry_source_table,ferry_source_key\n1,J9,PATIENT,A1\n2,J9,PATIENT,A2\n3,J9,PATIENT,A3\n',
    );
    await writeFile(
      join(dir, 'mini-catalog.csv'),
      'table_name,column_name,data_type,max_length,nullable,primary_key,references,description\nLOAD_PMI,RECORD_NUMBER,integer,,false,true,,\nLOAD_PMI,NHS_NUMBER,string,10,true,false,,\n',
    );
    const contract = {
      version: 1,
      name: 'mini',
      label: '1.0.0',
      sourceSystem: 'L',
      targetSystem: 'T',
      tables: [
        {
          target: 'LOAD_PMI',
          source: 'PATIENT',
          sourceKey: ['PAT_ID'],
          domain: 'PMI',
          fields: [
            {
              target: 'RECORD_NUMBER',
              source: ['PAT_ID'],
              transform: ['integer'],
              mandatory: true,
              status: 'approved',
            },
            { target: 'NHS_NUMBER', source: ['NHS_NO'], transform: ['nhs_number'], status: 'approved' },
          ],
        },
      ],
    };
    await writeFile(join(dir, 'mini-contract.json'), JSON.stringify(contract));
    await writeFile(join(dir, 'mini-checks.json'), JSON.stringify([checks[0]]));
    const out = join(dir, 'check-csv');
    const r = await ferry(
      'check',
      '--target',
      `csv:${load}`,
      '--contract',
      join(dir, 'mini-contract.json'),
      '--target-catalog',
      join(dir, 'mini-catalog.csv'),
      '--job',
      'J9',
      '--checks',
      join(dir, 'mini-checks.json'),
      '--code-sets',
      join(dir, 'code-sets.csv'),
      '--as-of',
      '2025-03-31',
      '--out',
      out,
      '--json',
    );
    expect([r.code, r.err]).toEqual([0, '']);
    const report = qualityReportSchema.parse(JSON.parse(r.out));
    expect(report.checks.map((c) => [c.id, c.numerator, c.denominator, c.offending.map((o) => o.sourceKey)])).toEqual([
      ['pmi.nhs_number.mod11', 1, 2, ['A2']],
    ]);

    // A CSV target written by a load records its job (lineage/_job.json): another job, or another contract, is refused.
    const args = (job: string) => [
      'check',
      '--target',
      `csv:${load}`,
      '--contract',
      join(dir, 'mini-contract.json'),
      '--target-catalog',
      join(dir, 'mini-catalog.csv'),
      '--job',
      job,
      '--checks',
      join(dir, 'mini-checks.json'),
      '--code-sets',
      join(dir, 'code-sets.csv'),
      '--as-of',
      '2025-03-31',
      '--out',
      join(dir, 'check-csv-2'),
      '--json',
    ];
    const hash = contractHash(await readContractFile(join(dir, 'mini-contract.json')));
    const record = {
      version: 1,
      jobId: 'J9',
      contractHash: 'another',
      releaseProfile: 'development',
      sourceFingerprint: 'S9',
    };
    await writeFile(join(load, 'lineage', '_job.json'), JSON.stringify(record));
    expect((await ferry(...args('J8'))).err).toBe(
      `ferry: Job J8 is not in the target: csv:${load} was written by job J9\n`,
    );
    const otherContract = await ferry(...args('J9'));
    expect([otherContract.code, otherContract.err]).toEqual([
      2,
      `ferry: csv:${load} was written with contract hash another, not the contract given (${hash})\n`,
    ]);
    await writeFile(join(load, 'lineage', '_job.json'), JSON.stringify({ ...record, contractHash: hash }));
    const recorded = await ferry(...args('J9'));
    expect(recorded.code).toBe(0);
    expect(qualityReportSchema.parse(JSON.parse(recorded.out))).toMatchObject({
      subject: { jobId: 'J9', contractHash: hash, sourceFingerprint: 'S9' },
      rowsLoaded: { LOAD_PMI: 3 },
    });
  });

  it('gate exits 0 on PASS and 1 on FAIL, and re-judges the same results under other thresholds', async () => {
    const quality = join(dir, 'check', 'quality_report.json');
    const dev = await ferry('gate', '--quality', quality, '--profile', 'development', '--out', join(dir, 'gate-dev'));
    expect([dev.code, dev.out.split('\n')[0]]).toEqual([0, 'Gate development for job J1: PASS']);

    const cut = await ferry(
      'gate',
      '--quality',
      quality,
      '--profile',
      'cutover_ready',
      '--out',
      join(dir, 'gate-cut'),
      '--json',
    );
    expect(cut.code).toBe(1);
    const gate = gateReportSchema.parse(JSON.parse(cut.out));
    expect(gate.blocking.map((b) => [b.code, b.checkId])).toEqual([['CHECK_FAILED', 'pmi.nhs_number.mod11']]);
    expect(JSON.parse(await readFile(join(dir, 'gate-cut', 'gate_report.json'), 'utf8'))).toEqual(gate);

    await writeFile(
      join(dir, 'relaxed.json'),
      JSON.stringify({
        version: 1,
        profile: 'cutover_ready',
        checks: { 'pmi.nhs_number.mod11': { maxPassRate: 0.01, maxWarnRate: 0.02 } },
      }),
    );
    const relaxed = await ferry(
      'gate',
      '--quality',
      quality,
      '--profile',
      'cutover_ready',
      '--thresholds',
      join(dir, 'relaxed.json'),
      '--out',
      join(dir, 'gate-relaxed'),
    );
    expect(relaxed.code).toBe(0);

    // --pack lays the pack's gate profile over the built-ins (its development profile has a threshold of its own
    // for duplicate NHS numbers); a --thresholds file goes on top of both.
    const renamed = JSON.parse(await readFile(quality, 'utf8'));
    renamed.checks[0].id = 'pmi.nhs_number.duplicate';
    await writeFile(join(dir, 'renamed.json'), JSON.stringify(renamed));
    const source = async (...extra: string[]) => {
      const r = await ferry(
        'gate',
        '--quality',
        join(dir, 'renamed.json'),
        '--profile',
        'development',
        ...extra,
        '--out',
        join(dir, 'gate-pack'),
        '--json',
      );
      return JSON.parse(r.out).checks[0].threshold.source;
    };
    expect(await source('--no-pack')).toBe('default:error');
    expect(await source('--pack', 'nhs-pas')).toBe('check:pmi.nhs_number.duplicate');
    // Without --pack, the thresholds are the lifecycle's: the default pack's profile over the built-ins.
    expect(await source()).toBe('check:pmi.nhs_number.duplicate');
    await writeFile(
      join(dir, 'dev.json'),
      JSON.stringify({
        version: 1,
        profile: 'development',
        rules: [{ domain: 'PMI', maxPassRate: 0.5, maxWarnRate: 0.5 }],
      }),
    );
    expect(await source('--pack', 'nhs-pas', '--thresholds', join(dir, 'dev.json'))).toBe(
      'check:pmi.nhs_number.duplicate',
    );
    const packed = await ferry(
      'gate',
      '--quality',
      quality,
      '--profile',
      'cutover_ready',
      '--pack',
      'nhs-pas',
      '--thresholds',
      join(dir, 'relaxed.json'),
      '--out',
      join(dir, 'gate-pack2'),
    );
    expect(packed.code).toBe(0);
  });

  it('gate blocks on the migration ledger and accepts triage at pre_production', async () => {
    const quality = join(dir, 'check', 'quality_report.json');
    const migration = {
      version: 2,
      jobId: 'J1',
      contract: { name: 'c', label: '1', hash: 'C1' },
      sourceFingerprint: 'S1',
      tables: [
        {
          sourceTable: 'PATIENT',
          targetTable: 'LOAD_PMI',
          domain: 'PMI',
          read: 102,
          loaded: 100,
          rejected: 2,
          outOfScope: 0,
          rejectsByReason: { CROSSWALK_MISS: 2 },
          balanced: true,
        },
      ],
    };
    await writeFile(join(dir, 'migration.json'), JSON.stringify(migration));
    const relaxed = JSON.stringify({
      version: 1,
      profile: 'pre_production',
      checks: { 'pmi.nhs_number.mod11': { maxPassRate: 0.01, maxWarnRate: 0.02 } },
    });
    await writeFile(join(dir, 'pre.json'), relaxed);
    const args = [
      'gate',
      '--quality',
      quality,
      '--profile',
      'pre_production',
      '--thresholds',
      join(dir, 'pre.json'),
      '--migration',
      join(dir, 'migration.json'),
      '--out',
      join(dir, 'gate-pre'),
    ];
    const blocked = await ferry(...args);
    expect(blocked.code).toBe(1);
    expect(blocked.out).toContain(
      'BLOCK CROSSWALK_MISS: PATIENT -> LOAD_PMI: 2 rows rejected for a crosswalk miss in PMI (needs triage)',
    );
    await writeFile(
      join(dir, 'triage.json'),
      JSON.stringify({
        version: 1,
        entries: [{ code: 'CROSSWALK_MISS', sourceTable: 'PATIENT', decision: 'accepted', reviewer: 'dq.lead' }],
      }),
    );
    expect((await ferry(...args, '--triage', join(dir, 'triage.json'))).code).toBe(0);
  });

  it('check on an unknown job, or on a job with no rows in the target, is exit 2, never 100% over nothing', async () => {
    const args = (job: string) => [
      'check',
      '--target',
      `pglite:${join(dir, 'target')}`,
      '--job',
      job,
      '--checks',
      join(dir, 'checks.json'),
      '--code-sets',
      join(dir, 'code-sets.csv'),
      '--as-of',
      '2025-03-31',
      '--out',
      join(dir, 'check-nope'),
    ];
    const nope = await ferry(...args('job-nope'));
    expect([nope.code, nope.out, nope.err]).toEqual([
      2,
      '',
      'ferry: Job job-nope is not in the target (completed jobs there: J0, J1)\n',
    ]);
    const empty = await ferry(...args('J0'));
    expect([empty.code, empty.err]).toEqual([
      2,
      'ferry: Job J0 has no rows in the target (tables LOAD_PMI): a check over nothing cannot pass\n',
    ]);
    await expect(readFile(join(dir, 'check-nope', 'quality_report.json'), 'utf8')).rejects.toThrow();
  });

  it('the quality report names its subject; gate refuses reports of different jobs or sources, and a report over nothing', async () => {
    const quality = join(dir, 'check', 'quality_report.json');
    const report = JSON.parse(await readFile(quality, 'utf8'));
    expect([report.version, report.subject, report.rowsLoaded]).toEqual([
      2,
      { jobId: 'J1', contractHash: 'C1', sourceFingerprint: 'S1' },
      { LOAD_PMI: 100 },
    ]);
    const migration = (over: object) => ({
      version: 2,
      jobId: 'J1',
      contract: { name: 'c', label: '1', hash: 'C1' },
      sourceFingerprint: 'S1',
      tables: [
        {
          sourceTable: 'PATIENT',
          targetTable: 'LOAD_PMI',
          domain: 'PMI',
          read: 100,
          loaded: 100,
          rejected: 0,
          outOfScope: 0,
          rejectsByReason: {},
        },
      ],
      ...over,
    });
    const gate = async (migrationJson: object, profile = 'cutover_ready') => {
      const file = join(dir, 'mig-x.json');
      await writeFile(file, JSON.stringify(migrationJson));
      return ferry('gate', '--quality', quality, '--profile', profile, '--migration', file, '--out', join(dir, 'g'));
    };
    const otherJob = await gate(migration({ jobId: 'J2' }));
    expect([otherJob.code, otherJob.err]).toEqual([
      2,
      `ferry: field jobId: Reports about different jobs: quality report ${quality} is about job J1, migration report ${join(dir, 'mig-x.json')} about J2\n`,
    ]);
    const otherSource = await gate(migration({ sourceFingerprint: 'S2' }), 'development');
    expect(otherSource.code).toBe(2);
    expect(otherSource.err).toContain('Reports about different source extracts');
    const nothing = await gate(migration({ tables: [{ ...migration({}).tables[0], loaded: 0, rejected: 100 }] }));
    expect([nothing.code, nothing.err]).toEqual([
      2,
      `ferry: field tables: migration report ${join(dir, 'mig-x.json')} of job J1 loaded 0 rows: a gate over nothing cannot pass\n`,
    ]);
    // A quality report over nothing (as an older ferry check wrote for an unknown job): refused, not PASS.
    const hollow = {
      ...report,
      checks: report.checks.map((c: object) => ({ ...c, numerator: 0, denominator: 0, rate: 0 })),
    };
    hollow.totals = { ...hollow.totals, rowsConsidered: 0, rowsFailed: 0, passedRowsShare: 1 };
    await writeFile(join(dir, 'hollow.json'), JSON.stringify(hollow));
    const hollowGate = await ferry(
      'gate',
      '--quality',
      join(dir, 'hollow.json'),
      '--profile',
      'cutover_ready',
      '--out',
      join(dir, 'g'),
    );
    expect([hollowGate.code, hollowGate.out]).toEqual([2, '']);
    expect(hollowGate.err).toContain('considered 0 rows (3 checks run): a gate over nothing cannot pass');
  });

  it("gate without --pack applies exactly the lifecycle's thresholds", async () => {
    const r = await ferry(
      'gate',
      '--quality',
      join(dir, 'check', 'quality_report.json'),
      '--profile',
      'pre_production',
      '--out',
      join(dir, 'gate-default'),
      '--json',
    );
    const gate = gateReportSchema.parse(JSON.parse(r.out));
    const { thresholds, sources } = await gateThresholdsFor('pre_production', nhsPasPack);
    expect(gate.version === 2 && gate.thresholdSources).toEqual(sources);
    expect(sources).toEqual(['built-in', 'pack:nhs-pas']);
    for (const c of gate.checks) expect(c.threshold).toEqual(thresholdFor(c, thresholds));

    // The pack is the one whose checks made the report, when it says so; another --pack is refused.
    const report = JSON.parse(await readFile(join(dir, 'check', 'quality_report.json'), 'utf8'));
    expect(report.pack).toBe(null); // its checks came from a --checks file
    await writeFile(join(dir, 'packed.json'), JSON.stringify({ ...report, pack: 'optical-x' }));
    const gatePacked = (...extra: string[]) =>
      ferry(
        'gate',
        '--quality',
        join(dir, 'packed.json'),
        '--profile',
        'development',
        ...extra,
        '--out',
        join(dir, 'gp'),
      );
    expect((await gatePacked()).err).toMatch(/^ferry: Unknown pack 'optical-x'. Known packs: /);
    expect(await gatePacked('--pack', 'nhs-pas')).toMatchObject({
      code: 2,
      err: `ferry: ${join(dir, 'packed.json')} field pack: --pack nhs-pas, but the quality report's checks are pack optical-x's: gate it with --pack optical-x\n`,
    });
  });

  it('bad input is a clear message and exit 2', async () => {
    await writeFile(
      join(dir, 'bad.json'),
      JSON.stringify({ version: 1, profile: 'cutover_ready', defaults: { error: { maxPassRate: 2, maxWarnRate: 2 } } }),
    );
    const quality = join(dir, 'check', 'quality_report.json');
    const bad = await ferry(
      'gate',
      '--quality',
      quality,
      '--profile',
      'cutover_ready',
      '--thresholds',
      join(dir, 'bad.json'),
      '--out',
      join(dir, 'x'),
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^ferry: .*bad\.json field defaults\.error\.maxPassRate: /);
    const missing = await ferry(
      'gate',
      '--quality',
      join(dir, 'nope.json'),
      '--profile',
      'development',
      '--out',
      join(dir, 'x'),
    );
    expect([missing.code, missing.err]).toEqual([
      2,
      `ferry: ${join(dir, 'nope.json')}: Quality report cannot be read\n`,
    ]);
    const profile = await ferry('gate', '--quality', quality, '--profile', 'live', '--out', join(dir, 'x'));
    expect(profile.code).toBe(2);
    const asOf = await ferry(
      'check',
      '--target',
      `pglite:${join(dir, 'target')}`,
      '--job',
      'J1',
      '--checks',
      join(dir, 'checks.json'),
      '--code-sets',
      join(dir, 'code-sets.csv'),
      '--as-of',
      '31/03/2025',
      '--out',
      join(dir, 'x'),
    );
    expect([asOf.code, asOf.err]).toEqual([
      2,
      'ferry: field asOfDate: As-of date must be a real date written yyyy-mm-dd\n',
    ]);
  });
});

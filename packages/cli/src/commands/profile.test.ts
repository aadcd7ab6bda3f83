import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileReportSchema } from '@ferry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../run-command.js';
import { runFerry } from '../testing/run-ferry.js';

/** `ferry ARGS` in-process through the real `main()`: same parsing, output and exit codes. */
const ferry = runFerry;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-cli-profile-'));
  const patients = ['PAT_ID,NHS_NO,SEX,DOB'];
  const nhs = ['9990000018', '9990000026', '9990000034', '9990000042', '9990000050', '9990000069'];
  for (const [i, n] of nhs.entries()) patients.push(`${i + 1},${n},${i % 3 ? 'M' : 'F'},0${i + 1}/02/196${i}`);
  patients.push('7,9990000077,M');
  await writeFile(join(dir, 'PATIENT.csv'), `${patients.join('\n')}\n`);
  await writeFile(join(dir, 'WARD.csv'), 'WARD_CD,WARD_NAME\nW1,Ash\nW2,Beech\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('ferry profile', () => {
  it('writes profile.json and profile.csv and prints a line per table', async () => {
    const out = join(dir, 'out');
    const r = await ferry('profile', '--source', `csv:${dir}`, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PATIENT');
    expect(r.stdout).toContain('7 rows (1 ragged)');
    expect(r.stdout).toContain('Profiled 2 tables');
    const report = profileReportSchema.parse(JSON.parse(await readFile(join(out, 'profile.json'), 'utf8')));
    const sex = report.tables[0]!.columns.find((c) => c.name === 'SEX')!;
    // M is seen 5 times (shown), F twice (hidden by the small-cell rule).
    expect(sex).toMatchObject({ distinct: 2, topValues: [{ value: 'M', count: 5 }], suppressed: 1 });
    const csv = (await readFile(join(out, 'profile.csv'), 'utf8')).trimEnd().split('\n');
    expect(csv).toHaveLength(1 + 4 + 2);
  });

  it('prints one JSON summary with --json and honours --tables', async () => {
    const r = await ferry('profile', '--source', dir, '--tables', 'WARD', '--out', join(dir, 'out2'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      out: join(dir, 'out2'),
      files: { json: join(dir, 'out2', 'profile.json'), csv: join(dir, 'out2', 'profile.csv') },
      tables: [
        {
          table: 'WARD',
          rows: 2,
          raggedRows: 0,
          malformedRows: 0,
          columns: 2,
          types: { text: 2 },
          encoding: 'utf-8',
          delimiter: 'comma',
        },
      ],
    });
  });

  it("never shows the values of the --catalog's keys", async () => {
    const catalog = join(dir, 'catalog.csv');
    await writeFile(
      catalog,
      'table_name,column_name,data_type,max_length,nullable,primary_key,references,description\nWARD,WARD_CD,string,5,false,true,,Ward code\nWARD,WARD_NAME,string,20,true,false,,Name\n',
    );
    const out = join(dir, 'out3');
    const r = await ferry(
      'profile',
      '--source',
      dir,
      '--tables',
      'WARD',
      '--catalog',
      catalog,
      '--small-cell',
      '1',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const report = profileReportSchema.parse(JSON.parse(await readFile(join(out, 'profile.json'), 'utf8')));
    expect(report.tables[0]!.columns.map((c) => [c.name, c.topValuesWithheld, c.topValues.length])).toEqual([
      ['WARD_CD', true, 0],
      ['WARD_NAME', false, 2],
    ]);
  });

  it('exits 2 with a clear message on bad input', async () => {
    const cases: Array<[string[], string]> = [
      [['--source', 'oracle://db', '--out', dir], '--source must be csv:DIR or one of csv:DIR, json:DIR'],
      [['--source', `csv:${join(dir, 'nope')}`, '--out', dir], 'no such file or folder'],
      [['--source', dir, '--tables', 'THEATRE', '--out', dir], "no table 'THEATRE'"],
      [['--source', dir, '--out', dir, '--top', '0'], '--top must be a positive integer'],
      [['--source', dir, '--out', dir, '--encoding', 'ebcdic'], '--encoding must be auto or one of'],
    ];
    for (const [args, message] of cases) {
      const r = await ferry('profile', ...args);
      expect(r.code).toBe(exitCodes.usage);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toContain('    at ');
    }
    expect((await ferry('profile', '--out', dir)).code).toBe(exitCodes.usage);
  });
});

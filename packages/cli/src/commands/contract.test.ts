import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractHash, parseContractJson } from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-cli-contract-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const json = (stdout: string) => JSON.parse(stdout.trim());

describe('ferry contract', () => {
  it('export -> import round-trips the nhs-pas contract with its hash, into a store and back out', async () => {
    const packHash = contractHash(await nhsPasPack.contract());
    const csv = join(dir, 'rt', 'contract.csv');
    const exported = await runFerry('contract', 'export', '--pack', 'nhs-pas', '--out', csv);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toBe(`Exported 869 rows of contract nhs-pas 1.0.0 (${packHash.slice(0, 12)}) to ${csv}\n`);
    const store = join(dir, 'rt', 'store');
    const imported = await runFerry(
      'contract',
      'import',
      csv,
      '--store',
      store,
      '--by',
      'A. Analyst',
      '--at',
      '2026-03-01T10:00:00Z',
      '--json',
    );
    expect(imported.code).toBe(0);
    expect(json(imported.stdout)).toEqual({
      hash: packHash,
      name: 'nhs-pas',
      label: '1.0.0',
      tables: 38,
      rows: 869,
      created: true,
      saved: {
        hash: packHash,
        label: '1.0.0',
        name: 'nhs-pas',
        createdBy: 'A. Analyst',
        createdAt: '2026-03-01T10:00:00Z',
        locked: false,
      },
    });
    const back = join(dir, 'rt', 'back.json');
    expect((await runFerry('contract', 'export', '--store', store, '--ref', '1.0.0', '--out', back)).code).toBe(0);
    expect(contractHash(parseContractJson(await readFile(back, 'utf8'), back))).toBe(packHash);
    // Importing the same content again adds no version.
    const again = await runFerry('contract', 'import', back, '--store', store, '--by', 'Someone', '--json');
    expect(json(again.stdout).created).toBe(false);
  });

  it('reviews, edits, diffs, lists and locks versions; a locked version cannot change', async () => {
    const store = join(dir, 'life');
    const csv = join(dir, 'life.csv');
    await runFerry('contract', 'export', '--pack', 'nhs-pas', '--out', csv);
    await runFerry('contract', 'import', csv, '--store', store, '--by', 'A. Analyst', '--at', '2026-03-01T10:00:00Z');

    // The MH rows are reopened under a new label, then reviewed and approved by two people.
    const reopen = await runFerry(
      'contract',
      'review',
      '1.0.0',
      '--store',
      store,
      '--status',
      'draft',
      '--reviewer',
      'A. Analyst',
      '--domain',
      'MH',
      '--label',
      '1.1.0',
      '--at',
      '2026-03-02T09:00:00Z',
      '--json',
    );
    expect(reopen.code).toBe(0);
    expect(json(reopen.stdout)).toMatchObject({
      changed: 82,
      unchanged: 0,
      version: { label: '1.1.0', createdBy: 'A. Analyst' },
    });
    const skip = await runFerry(
      'contract',
      'review',
      '1.1.0',
      '--store',
      store,
      '--status',
      'approved',
      '--reviewer',
      'B. Lead',
      '--domain',
      'MH',
    );
    expect(skip.code).toBe(2);
    expect(skip.stderr).toContain(
      '82 selected rows cannot move to approved; nothing was changed:\n  LOAD_MH_DETENTIONS.RECORD_NUMBER is draft (draft may move to reviewed)',
    );
    expect(
      (
        await runFerry(
          'contract',
          'review',
          '1.1.0',
          '--store',
          store,
          '--status',
          'reviewed',
          '--reviewer',
          'B. Lead',
          '--current-status',
          'draft',
          '--at',
          '2026-03-03',
        )
      ).code,
    ).toBe(0);
    const approve = await runFerry(
      'contract',
      'review',
      '1.1.0',
      '--store',
      store,
      '--status',
      'approved',
      '--reviewer',
      'C. Safety',
      '--domain',
      'mh',
      '--table',
      'LOAD_MH_T*',
      '--at',
      '2026-03-04',
      '--json',
    );
    const pack = await nhsPasPack.contract();
    const mh = pack.tables.filter((t) => t.domain === 'MH');
    const transfersAndTribunals = mh
      .filter((t) => /^LOAD_MH_T/.test(t.target))
      .reduce((n, t) => n + t.fields.length, 0);
    expect(json(approve.stdout)).toMatchObject({ changed: transfersAndTribunals, unchanged: 0 });
    const edit = await runFerry(
      'contract',
      'edit',
      '1.1.0',
      '--store',
      store,
      '--by',
      'A. Analyst',
      '--set-owner',
      'MH team',
      '--domain',
      'MH',
      '--mandatory',
      'Y',
      '--json',
    );
    const mandatoryMh = mh.reduce((n, t) => n + t.fields.filter((f) => f.mandatory).length, 0);
    expect(json(edit.stdout)).toMatchObject({ changed: mandatoryMh, reopened: 0 });

    const diff = await runFerry('contract', 'diff', '1.0.0', '1.1.0', '--store', store, '--json');
    const d = json(diff.stdout);
    expect(d.counts).toEqual({
      rowsAdded: 0,
      rowsRemoved: 0,
      rowsChanged: 82,
      tablesAdded: 0,
      tablesRemoved: 0,
      tablesChanged: 0,
    });
    expect(d.contract).toEqual([{ attribute: 'label', before: '1.0.0', after: '1.1.0' }]);
    const text = await runFerry('contract', 'diff', '1.0.0', '1.1.0', '--store', store);
    expect(text.stdout.split('\n')[0]).toMatch(/^[0-9a-f]{12} -> [0-9a-f]{12}: 0 rows added, 0 removed, 82 changed$/);
    expect(text.stdout).toContain('~ LOAD_MH_TRANSFERS.RECORD_NUMBER reviewer: nhs-pas-pack -> C. Safety\n');

    const lock = await runFerry(
      'contract',
      'lock',
      '1.1.0',
      '--store',
      store,
      '--by',
      'D. Release',
      '--at',
      '2026-03-05',
      '--json',
    );
    expect(json(lock.stdout)).toMatchObject({ label: '1.1.0', locked: true, lockedBy: 'D. Release', created: true });
    const refused = await runFerry(
      'contract',
      'edit',
      '1.1.0',
      '--store',
      store,
      '--by',
      'A',
      '--set-owner',
      'X',
      '--all',
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^ferry: cannot edit rows: contract nhs-pas 1\.1\.0 \([0-9a-f]{12}\) is locked; save the change as a new version with a new label\n$/,
    );
    // Saving other content under the locked label is refused too.
    const changedCsv = join(dir, 'changed.csv');
    await runFerry('contract', 'export', '--store', store, '--ref', '1.1.0', '--out', changedCsv);
    const csvText = await readFile(changedCsv, 'utf8');
    await writeFile(changedCsv, csvText.replaceAll(',MH team,', ',MH group,').replace(/,Y$/gm, ',N'));
    const overwrite = await runFerry('contract', 'import', changedCsv, '--store', store, '--by', 'A');
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain('label 1.1.0 belongs to locked version');

    const versions = await runFerry('contract', 'versions', '--store', store, '--json');
    expect(
      json(versions.stdout).map((v: { label: string; createdBy: string; locked: boolean }) => [
        v.label,
        v.createdBy,
        v.locked,
      ]),
    ).toEqual([
      ['1.0.0', 'A. Analyst', false],
      ['1.1.0', 'A. Analyst', false],
      ['1.1.0', 'B. Lead', false],
      ['1.1.0', 'C. Safety', false],
      ['1.1.0', 'A. Analyst', false],
      ['1.1.0', 'D. Release', true],
    ]);
    const listed = await runFerry('contract', 'versions', '--store', store);
    expect(listed.stdout.trim().split('\n')).toHaveLength(6);
    expect(listed.stdout).toContain('LOCKED by D. Release 2026-03-05');
  });

  it('exits 2 with a clear message on bad input', async () => {
    const bad = join(dir, 'bad.csv');
    await runFerry('contract', 'export', '--pack', 'nhs-pas', '--out', bad);
    const lines = (await readFile(bad, 'utf8')).split('\n');
    lines[3] = lines[3]!.replace(',approved,', ',finished,');
    await writeFile(bad, lines.join('\n'));
    const r = await runFerry('contract', 'import', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `ferry: ${bad}: 1 error in the contract:\n  ${bad}:4 field status: unknown value 'finished' (expected one of draft, reviewed, approved, rejected)\n`,
    );

    const store = join(dir, 'empty-store');
    const cases: Array<[string[], string]> = [
      [
        ['contract', 'export', '--pack', 'nhs-pas', '--contract', bad, '--out', join(dir, 'x.csv')],
        'give one of --pack NAME, --contract FILE or --ref VERSION',
      ],
      [['contract', 'export', '--ref', '1.0.0', '--out', join(dir, 'x.csv')], '--ref needs --store DIR'],
      [
        ['contract', 'review', '9.9.9', '--store', store, '--status', 'approved', '--reviewer', 'X', '--all'],
        "no contract version with hash or label '9.9.9'",
      ],
      [
        ['contract', 'review', '1.0.0', '--store', store, '--status', 'done', '--reviewer', 'X', '--all'],
        "--status must be one of draft, reviewed, approved, rejected, got 'done'",
      ],
      [
        ['contract', 'review', '1.0.0', '--store', store, '--status', 'approved', '--reviewer', 'X'],
        'select rows with --table',
      ],
      [['contract', 'import', bad, '--store', store], '--store needs --by NAME'],
      [['contract', 'diff', 'nope.json', bad], "no contract file 'nope.json'"],
      [
        ['contract', 'lock', '1.0.0', '--store', store, '--by', 'X', '--at', '03/05/2026'],
        "--at must be an ISO date or date-time, got '03/05/2026'",
      ],
      [
        [
          'contract',
          'review',
          '1.0.0',
          '--store',
          store,
          '--status',
          'approved',
          '--reviewer',
          'X',
          '--mandatory',
          'maybe',
        ],
        "--mandatory must be Y or N, got 'maybe'",
      ],
    ];
    for (const [args, message] of cases) {
      const res = await runFerry(...args);
      expect({ args, code: res.code }).toEqual({ args, code: 2 });
      expect(res.stderr).toContain(message);
    }
  });
});

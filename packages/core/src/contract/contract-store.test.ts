import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FerryError } from '../errors.js';
import { readContractFile } from './contract-file.js';
import { contractHash } from './contract-hash.js';
import { assertLockedForCutover } from './contract-lock.js';
import { reviewRows } from './contract-review.js';
import { ContractStore } from './contract-store.js';
import { nhsPasContractPath, smallContract } from './contract-test-fixture.js';

async function errorOf(fn: () => Promise<unknown> | unknown): Promise<FerryError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof FerryError) return e;
    throw e;
  }
  throw new Error('expected a FerryError');
}

let dir: string;
let store: ContractStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-contract-store-'));
  store = new ContractStore(dir, () => new Date('2026-03-01T12:00:00.000Z'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('ContractStore', () => {
  it('saves immutable content-hashed versions with label, parent, who and when', async () => {
    // First, the analyst saves the pack's reviewed contract; then a reviewed copy of a small draft.
    const nhs = await readContractFile(nhsPasContractPath);
    const first = await store.saveVersion(nhs, { by: 'A. Analyst', message: 'from the pack' });
    expect(first).toStrictEqual({
      created: true,
      entry: {
        hash: contractHash(nhs),
        label: '1.0.0',
        name: 'nhs-pas',
        createdBy: 'A. Analyst',
        createdAt: '2026-03-01T12:00:00.000Z',
        locked: false,
        message: 'from the pack',
      },
    });
    expect(await readdir(join(dir, 'versions'))).toEqual([`${contractHash(nhs)}.json`]);
    const again = await store.saveVersion(nhs, { by: 'Someone else' });
    expect(again).toStrictEqual({ created: false, entry: first.entry });

    const small = smallContract();
    const second = await store.saveVersion(small, { by: 'A. Analyst', at: '2026-03-02T08:00:00Z' });
    expect(second.entry.parent).toBe(first.entry.hash);
    const orphan = await store.saveVersion({ ...small, label: '0.2.0' }, { by: 'A. Analyst', parent: null });
    expect(orphan.entry.parent).toBeUndefined();
    const child = await store.saveVersion({ ...small, label: '0.3.0' }, { by: 'A. Analyst', parent: '0.1.0' });
    expect(child.entry.parent).toBe(second.entry.hash);

    expect((await store.listVersions()).map((v) => [v.label, v.createdBy, v.createdAt])).toEqual([
      ['1.0.0', 'A. Analyst', '2026-03-01T12:00:00.000Z'],
      ['0.1.0', 'A. Analyst', '2026-03-02T08:00:00Z'],
      ['0.2.0', 'A. Analyst', '2026-03-01T12:00:00.000Z'],
      ['0.3.0', 'A. Analyst', '2026-03-01T12:00:00.000Z'],
    ]);
    const loaded = await store.loadVersion('1.0.0');
    expect(contractHash(loaded.contract)).toBe(first.entry.hash);
    expect((await store.loadVersion(first.entry.hash.slice(0, 10))).entry).toStrictEqual(first.entry);
    expect((await store.loadVersion(first.entry.hash)).contract).toStrictEqual(nhs);
  });

  it('resolves a label shared by drafts to the latest, and names unknown and ambiguous references', async () => {
    const a = await store.saveVersion(smallContract(), { by: 'A' });
    const edited = reviewRows(
      smallContract(),
      { column: 'SEX' },
      { status: 'approved', reviewer: 'B', at: '2026-03-01' },
    ).contract;
    const b = await store.saveVersion(edited, { by: 'A' });
    expect(b.entry.label).toBe(a.entry.label);
    expect((await store.resolve('0.1.0')).hash).toBe(b.entry.hash);
    const e = await errorOf(() => store.loadVersion('9.9.9'));
    expect(e.code).toBe('FERRY_ERR_NOT_FOUND');
    expect(e.message).toBe("no contract version with hash or label '9.9.9' (labels: 0.1.0)");
  });

  it('locks a version: the locked copy is a new version that owns its label; saving over it is refused', async () => {
    const draft = await store.saveVersion(smallContract(), { by: 'A. Analyst' });
    const locked = await store.lockVersion('0.1.0', { by: 'B. Lead', at: '2026-03-05T17:00:00Z' });
    expect(locked.created).toBe(true);
    expect(locked.entry).toStrictEqual({
      hash: contractHash({ ...smallContract(), locked: true }),
      label: '0.1.0',
      name: 'demo',
      parent: draft.entry.hash,
      createdBy: 'B. Lead',
      createdAt: '2026-03-05T17:00:00Z',
      locked: true,
      lockedBy: 'B. Lead',
      lockedAt: '2026-03-05T17:00:00Z',
      message: `lock of ${draft.entry.hash.slice(0, 12)}`,
    });
    // The label now means the locked version; locking again is a no-op.
    const rc = await store.loadVersion('0.1.0');
    expect(rc.contract.locked).toBe(true);
    expect(rc.entry.hash).toBe(locked.entry.hash);
    expect(await store.lockVersion(locked.entry.hash, { by: 'C' })).toStrictEqual({
      created: false,
      entry: locked.entry,
    });

    // Saving other content under the locked label is refused, and so is editing the locked content.
    const changed = { ...smallContract(), targetSystem: 'LOAD-V2' };
    const e = await errorOf(() => store.saveVersion(changed, { by: 'A. Analyst' }));
    expect(e.code).toBe('FERRY_ERR_CONTRACT_LOCKED');
    expect(e.message).toBe(
      `label 0.1.0 belongs to locked version ${locked.entry.hash.slice(0, 12)}; a locked version cannot change: save the change under a new label`,
    );
    const edit = await errorOf(() => reviewRows(rc.contract, {}, { status: 'draft' }));
    expect(edit.code).toBe('FERRY_ERR_CONTRACT_LOCKED');
    expect(edit.message).toBe(
      `cannot mark rows draft: contract demo 0.1.0 (${locked.entry.hash.slice(0, 12)}) is locked; save the change as a new version with a new label`,
    );
    // The same change under a new label is a new draft version.
    expect((await store.saveVersion({ ...changed, label: '0.2.0' }, { by: 'A. Analyst' })).created).toBe(true);
    expect(await store.listVersions()).toHaveLength(3);
  });

  it('refuses a version file changed after it was saved', async () => {
    const { entry } = await store.saveVersion(smallContract(), { by: 'A' });
    const path = store.versionPath(entry.hash);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"LEGPAS"', '"LEGPAS2"'));
    const e = await errorOf(() => store.loadVersion(entry.hash));
    expect(e.code).toBe('FERRY_ERR_CONTRACT_INVALID');
    expect(e.describe()).toBe(
      `${path}: the version file was changed after it was saved (its content no longer has its hash)`,
    );
  });

  it('refuses an invalid contract, a blank author and a malformed index', async () => {
    expect((await errorOf(() => store.saveVersion({ ...smallContract(), tables: [] }, { by: 'A' }))).message).toBe(
      'Too small: expected array to have >=1 items at tables',
    );
    expect((await errorOf(() => store.saveVersion(smallContract(), { by: '  ' }))).code).toBe('FERRY_ERR_USAGE');
    await writeFile(store.indexPath, '{"version":1,"versions":[{"hash":"xyz"}]}');
    const e = await errorOf(() => store.listVersions());
    expect(e.code).toBe('FERRY_ERR_CONTRACT_INVALID');
    expect(e.context.field).toBe('versions.0.hash');
  });
});

describe('assertLockedForCutover', () => {
  it('lets every profile but cutover_ready run an unlocked contract', () => {
    const draft = smallContract();
    expect(() => assertLockedForCutover(draft, 'development')).not.toThrow();
    expect(() => assertLockedForCutover(draft, 'pre_production')).not.toThrow();
    expect(() => assertLockedForCutover({ ...draft, locked: true }, 'cutover_ready')).not.toThrow();
    let error: unknown;
    try {
      assertLockedForCutover(draft, 'cutover_ready');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FerryError);
    expect((error as FerryError).code).toBe('FERRY_ERR_CONTRACT_LOCKED');
    expect((error as FerryError).message).toBe(
      `release profile cutover_ready needs a locked contract version, but contract demo 0.1.0 (${contractHash(draft).slice(0, 12)}) is not locked; lock it with \`ferry contract lock\``,
    );
  });
});

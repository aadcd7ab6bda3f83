import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { contractHash } from '../contract/contract-hash.js';
import { crosswalkHash } from '../crosswalk/crosswalk-hash.js';
import { sourceFingerprint } from '../provenance/source-fingerprint.js';
import { contract, crosswalkSet } from '../testing/mini-migration-fixture.js';
import { buildInputHashes, sourceFileHashes } from './input-hashes.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('input hashes', () => {
  it("records each source file's sha256, the fingerprint the job id uses, the crosswalks' and the contract's hashes", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-inputs-'));
    const patient = 'PAT_ID,SURNAME,SEX,REC_STATUS\n1,SMITH,M,A\n';
    const referral = 'REF_ID,PAT_ID,RCVD_DT\n10,1,01/02/2024\n';
    await writeFile(join(dir, 'PATIENT.csv'), patient);
    await writeFile(join(dir, 'REFERRAL.csv'), referral);
    const source = await CsvSourceConnector.open(dir);
    const files = await sourceFileHashes(source);
    expect(files).toEqual([
      { table: 'PATIENT', file: 'PATIENT.csv', sha256: sha(patient), bytes: patient.length },
      { table: 'REFERRAL', file: 'REFERRAL.csv', sha256: sha(referral), bytes: referral.length },
    ]);
    const inputs = buildInputHashes({ sourceFiles: files, crosswalks: crosswalkSet, contract });
    expect(inputs.source.fingerprint).toBe(await sourceFingerprint(source));
    expect(inputs.source.fingerprint).toBe(sha(`PATIENT:${sha(patient)}\nREFERRAL:${sha(referral)}`));
    expect(inputs.contract).toEqual({ name: contract.name, label: contract.label, hash: contractHash(contract) });
    expect(inputs.crosswalks.sha256).toBe(crosswalkHash(crosswalkSet));
    expect(inputs.crosswalks.entries).toBe(crosswalkSet.entries.length);
    const used = new Set(contract.tables.flatMap((t) => t.fields.flatMap((f) => (f.crosswalk ? [f.crosswalk] : []))));
    expect(used.size).toBeGreaterThan(0);
    for (const c of inputs.crosswalks.codeTypes) {
      const entries = crosswalkSet.entries.filter((e) => e.codeType === c.codeType);
      expect(c).toMatchObject({
        entries: entries.length,
        approved: entries.filter((e) => e.status === 'approved').length,
        usedByContract: used.has(c.codeType),
      });
      expect(c.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('changes the file hash and the fingerprint when one byte of a source file changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-inputs-'));
    await writeFile(join(dir, 'PATIENT.csv'), 'PAT_ID,SURNAME\n1,SMITH\n');
    const before = buildInputHashes({
      sourceFiles: await sourceFileHashes(await CsvSourceConnector.open(dir)),
      crosswalks: crosswalkSet,
      contract,
    });
    await writeFile(join(dir, 'PATIENT.csv'), 'PAT_ID,SURNAME\n1,SMITI\n');
    const after = buildInputHashes({
      sourceFiles: await sourceFileHashes(await CsvSourceConnector.open(dir)),
      crosswalks: crosswalkSet,
      contract,
    });
    expect(after.source.files[0]!.sha256).not.toBe(before.source.files[0]!.sha256);
    expect(after.source.fingerprint).not.toBe(before.source.fingerprint);
    expect(after.crosswalks).toEqual(before.crosswalks);
  });
});

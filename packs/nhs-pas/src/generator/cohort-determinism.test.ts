import { describe, expect, it } from 'vitest';
import { generateTestCohort, hashTree } from './testing/cohort-files.js';

describe('generateCohort determinism', () => {
  it('writes byte-identical files for the same arguments (20 patients here; 1,000 in cohort-coherence.test.ts)', async () => {
    for (const defects of ['typical', 'heavy'] as const) {
      const a = await generateTestCohort(20, 7, defects);
      const b = await generateTestCohort(20, 7, defects);
      const ha = hashTree(a.dir);
      expect(Object.keys(ha).length).toBeGreaterThan(90);
      expect(hashTree(b.dir)).toEqual(ha);
      expect(b.result).toEqual(a.result);
    }
  });

  it('writes different patients for a different seed', async () => {
    const a = await generateTestCohort(20, 7, 'none');
    const b = await generateTestCohort(20, 8, 'none');
    const ha = hashTree(a.dir);
    const hb = hashTree(b.dir);
    for (const file of ['source/PATIENT.csv', 'source/PAT_ADDR.csv', 'expected/LOAD_PMI.csv', 'source/STAFF.csv']) {
      expect(hb[file], file).not.toBe(ha[file]);
    }
  });

  it('refuses bad options with a usage error', async () => {
    await expect(generateTestCohort(0, 1, 'none')).rejects.toMatchObject({ code: 'FERRY_ERR_USAGE' });
    await expect(generateTestCohort(5, -1, 'none')).rejects.toMatchObject({ code: 'FERRY_ERR_USAGE' });
    await expect(generateTestCohort(5, 1, 'lots' as 'none')).rejects.toMatchObject({ code: 'FERRY_ERR_USAGE' });
  });
});

import { describe, expect, it } from 'vitest';
import { CsvFileWriter } from './csv-writer.js';

describe('CsvFileWriter on a full disk', () => {
  it('fails naming the file (ENOSPC with its path), never silently, whether the data fills a chunk or not', async () => {
    // /dev/full: every write fails with ENOSPC, as on a full disk (no root needed).
    for (const rows of [1, 5_000]) {
      const w = await CsvFileWriter.open('/dev/full', ['source_table', 'message']);
      const failed = (async () => {
        for (let i = 0; i < rows; i++) await w.write(['PATIENT', 'x'.repeat(40)]);
        await w.close();
      })().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(await failed).toMatchObject({ code: 'ENOSPC', path: '/dev/full', syscall: 'write' });
      // Closing again says the same, never that all went well.
      await expect(w.close()).rejects.toMatchObject({ code: 'ENOSPC', path: '/dev/full' });
    }
  });
});

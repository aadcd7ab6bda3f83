import { PostgresDatabase } from '@ferry/core';

/**
 * A digest of everything a job loaded into a target: per LOAD table the row count and an MD5 over its rows (lineage
 * columns included), and the number of rejects. Two loads with equal digests loaded the same rows, row for row.
 */
export async function loadDigests(url: string, jobId: string): Promise<Record<string, string>> {
  const db = await PostgresDatabase.open(url);
  try {
    const tables = await db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'LOAD_%' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const [r] = await db.query<{ n: string; h: string | null }>(
        `SELECT count(*)::text AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t}" x WHERE ferry_job_id = $1`,
        [jobId],
      );
      out[t] = `${r!.n}:${r!.h}`;
    }
    const [rej] = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM ferry_rejects WHERE job_id = $1', [
      jobId,
    ]);
    out.rejects = rej!.n;
    return out;
  } finally {
    await db.close();
  }
}

import mysql from 'mysql2/promise';

/** The MySQL/MariaDB server integration tests use (`FERRY_TEST_MYSQL_URL`, default root on 127.0.0.1:3306). */
export const mysqlTestSettings = (() => {
  const u = new URL(process.env.FERRY_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username) || 'root',
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
})();

let reachable: Promise<boolean> | undefined;

/** True when the test MariaDB answers. Under CI=true an unreachable server is an error: nothing may skip in CI. */
export function mysqlReachable(): Promise<boolean> {
  reachable ??= (async () => {
    try {
      const c = await mysql.createConnection({ ...mysqlTestSettings, connectTimeout: 2000 });
      await c.query('select 1');
      await c.end();
      return true;
    } catch (e) {
      if (process.env.CI === 'true') {
        throw new Error(
          `CI=true but MariaDB at ${mysqlTestSettings.host}:${mysqlTestSettings.port} is unreachable: ${(e as Error).message}`,
        );
      }
      process.stderr.write('[ferry tests] MariaDB unreachable: MySQL connector tests fail\n');
      return false;
    }
  })();
  return reachable;
}

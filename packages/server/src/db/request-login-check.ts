import type { SqlDatabase } from '@ferry/core';

/** What the server's own database login may do beyond the application role. */
export interface LoginPrivileges {
  login: string;
  superuser: boolean;
  bypassRls: boolean;
  /** Tables of the platform schema this login owns (an owner can switch row-level security off). */
  ownedTables: string[];
}

/** Reads the privileges of the login the server connected with. */
export async function loginPrivileges(db: SqlDatabase): Promise<LoginPrivileges> {
  const [role] = await db.query<{ login: string; superuser: boolean; bypass: boolean }>(
    `SELECT current_user AS login, rolsuper AS superuser, rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`,
  );
  const owned = await db.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relrowsecurity
       AND pg_has_role(current_user, c.relowner, 'USAGE')
     ORDER BY 1`,
  );
  return {
    login: role?.login ?? 'unknown',
    superuser: role?.superuser ?? false,
    bypassRls: role?.bypass ?? false,
    ownedTables: owned.map((r) => r.relname),
  };
}

/**
 * Why serving requests with this login weakens tenant isolation: row-level security does not bind a superuser or a
 * BYPASSRLS role, and a table's owner can turn it off. Empty when the login is fit to serve requests.
 *
 * @example
 * loginProblems({ login: 'postgres', superuser: true, bypassRls: true, ownedTables: [] })
 * // => ["login 'postgres' is a superuser", "login 'postgres' can bypass row-level security (BYPASSRLS)"]
 */
export function loginProblems(p: LoginPrivileges): string[] {
  const problems: string[] = [];
  if (p.superuser) problems.push(`login '${p.login}' is a superuser`);
  if (p.bypassRls && !p.superuser) problems.push(`login '${p.login}' can bypass row-level security (BYPASSRLS)`);
  if (p.ownedTables.length) {
    const shown = p.ownedTables.slice(0, 5).join(', ');
    const more = p.ownedTables.length > 5 ? ` and ${p.ownedTables.length - 5} more` : '';
    problems.push(`login '${p.login}' owns the tenant tables (${shown}${more})`);
  }
  return problems;
}

/** The advice given with the problems: serve as a login that only holds the application role. */
export const requestLoginAdvice =
  'serve requests as a login that is neither a superuser nor the owner of the platform tables ' +
  '(CREATE ROLE ferry_login LOGIN PASSWORD ...; GRANT ferry_app TO ferry_login) and run `ferry db migrate` as the owner';

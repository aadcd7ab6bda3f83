/** The categories of the attack suite, in the order it reports them. */
export const attackCategories = {
  tenant: "(a) another organisation's ids",
  credentials: '(b) missing, forged and expired credentials',
  csrf: '(c) cookie sessions without the CSRF token',
  injection: '(d) SQL injection and path traversal',
  text: '(e) NULs, lone surrogates and overlong strings',
  transport: '(f) security headers and CORS',
  connectors: '(g) connectors at the platform, loopback and other folders',
  audit: '(h) every successful state change audited',
  privileged: '(i) refused privileged attempts audited',
} as const;
export type AttackCategory = keyof typeof attackCategories;

/** One check of the attack: what was tried, whether the server held, and what it answered when it did not. */
export interface AttackCheck {
  category: AttackCategory;
  name: string;
  held: boolean;
  detail?: string;
}

/** The checks of one attack, counted per category. */
export class AttackTally {
  readonly checks: AttackCheck[] = [];

  add(category: AttackCategory, name: string, held: boolean, detail?: string): void {
    this.checks.push({ category, name, held, ...(held || detail === undefined ? {} : { detail }) });
  }

  get held(): number {
    return this.checks.filter((c) => c.held).length;
  }

  get failed(): AttackCheck[] {
    return this.checks.filter((c) => !c.held);
  }

  /** `N of M checks held`, then each category's count, then every check that did not hold with what it saw. */
  report(title: string): string {
    const lines = [`${title}: ${this.held} of ${this.checks.length} checks held`];
    for (const [key, label] of Object.entries(attackCategories)) {
      const mine = this.checks.filter((c) => c.category === key);
      if (mine.length) lines.push(`  ${label}: ${mine.filter((c) => c.held).length} of ${mine.length}`);
    }
    for (const c of this.failed)
      lines.push(`  NOT HELD ${attackCategories[c.category]}: ${c.name}${c.detail ? ` -> ${c.detail}` : ''}`);
    return lines.join('\n');
  }
}

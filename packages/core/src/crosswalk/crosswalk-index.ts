import type { CrosswalkSet } from './crosswalk-model.js';

/**
 * Approved crosswalk entries indexed for lookup: code type -> local code -> national code.
 * Entries that are not approved do not translate (a value that only has a draft mapping is a miss).
 */
export class CrosswalkIndex {
  private readonly byType = new Map<string, Map<string, string>>();

  constructor(set: CrosswalkSet) {
    for (const e of set.entries) {
      if (e.status !== 'approved') continue;
      let m = this.byType.get(e.codeType);
      if (!m) {
        m = new Map();
        this.byType.set(e.codeType, m);
      }
      m.set(e.sourceCode, e.targetCode);
    }
  }

  hasType(codeType: string): boolean {
    return this.byType.has(codeType);
  }

  codeTypes(): string[] {
    return [...this.byType.keys()].sort();
  }

  /** The national code for a local code, or undefined for a miss. */
  translate(codeType: string, sourceCode: string): string | undefined {
    return this.byType.get(codeType)?.get(sourceCode);
  }
}

import { type CrosswalkSet, crosswalkSetSchema } from './crosswalk-model.js';

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

  /** The approved translations as plain data (code type -> [local code, national code][]), e.g. for a worker thread. */
  snapshot(): Record<string, [string, string][]> {
    const out: Record<string, [string, string][]> = {};
    for (const [type, m] of this.byType) out[type] = [...m];
    return out;
  }

  /** An index of the translations a {@link snapshot} holds. */
  static fromSnapshot(snapshot: Record<string, [string, string][]>): CrosswalkIndex {
    const entries = Object.entries(snapshot).flatMap(([codeType, pairs]) =>
      pairs.map(([sourceCode, targetCode]) => ({ codeType, sourceCode, targetCode, status: 'approved' as const })),
    );
    return new CrosswalkIndex(crosswalkSetSchema.parse({ version: 1, entries }));
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

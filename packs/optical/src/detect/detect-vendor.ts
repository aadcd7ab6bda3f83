import { sourceColumns } from '../model/build-catalogs.js';
import type { VendorName } from '../model/code-sets.js';
import { targetTables } from '../model/target-model.js';
import { vendors } from '../vendors/index.js';

/** What detection found: the vendor preset (or none: use the auto-mapper) and how sure it is (0..1). */
export interface VendorDetection {
  vendor?: VendorName;
  /** The registry name of the preset, e.g. `optical:acuity`. */
  preset?: string;
  confidence: number;
  /** Every vendor's score, best first. */
  scores: Array<{ vendor: VendorName; confidence: number }>;
}

/** Below this, no preset is named and the caller falls back to the auto-mapper. */
export const detectionThreshold = 0.6;

/**
 * Names the outgoing system from the header rows of uploaded files: for each vendor, the share of uploaded column
 * names (exact, case included: the naming style is the signal) that its export has, times the share of the uploaded
 * files that match one of its export files by their columns.
 *
 * @example
 * detectVendor([['patient_id', 'first_name', 'last_name', 'dob']]) // => { vendor: 'optix', confidence: 1, ... }
 */
export function detectVendor(headers: ReadonlyArray<readonly string[]>): VendorDetection {
  const scores = (Object.keys(vendors) as VendorName[]).map((name) => {
    const v = vendors[name];
    const fileColumns = targetTables.map((t) => new Set(sourceColumns(v, t)));
    const all = new Set(fileColumns.flatMap((s) => [...s]));
    let known = 0;
    let total = 0;
    let filesMatched = 0;
    for (const header of headers) {
      const cols = header.map((h) => h.replace(/^\uFEFF/, '').trim()).filter(Boolean);
      total += cols.length;
      known += cols.filter((c) => all.has(c)).length;
      const best = Math.max(
        0,
        ...fileColumns.map((s) => cols.filter((c) => s.has(c)).length / Math.max(1, cols.length)),
      );
      if (best >= 0.5) filesMatched++;
    }
    const confidence = total === 0 ? 0 : (known / total) * (filesMatched / headers.length);
    return { vendor: name, confidence: Math.round(confidence * 1000) / 1000 };
  });
  scores.sort((a, b) => b.confidence - a.confidence);
  const best = scores[0]!;
  return best.confidence >= detectionThreshold
    ? { vendor: best.vendor, preset: `optical:${best.vendor}`, confidence: best.confidence, scores }
    : { confidence: best.confidence, scores };
}

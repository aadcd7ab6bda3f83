import type { VendorName } from '../model/code-sets.js';
import { acuity } from './acuity.js';
import { occuco } from './occuco.js';
import { optix } from './optix.js';
import type { VendorSpec } from './vendor-spec.js';

export type { VendorSpec } from './vendor-spec.js';

/** Every vendor preset, by name. */
export const vendors: Readonly<Record<VendorName, VendorSpec>> = { optix, occuco, acuity };

/**
 * The families of live long-tail tables, in output order. Each is a function returning its tables; shadows
 * (audit, history, archive) and lookups are derived afterwards in ../long-tail.mjs.
 */
import { aeTables } from './ae-family.mjs';
import { billingTables } from './billing-family.mjs';
import { communityTables } from './community-family.mjs';
import { criticalCareTables } from './critical-care-family.mjs';
import { interfaceTables } from './interface-family.mjs';
import { caseNoteFamilyTables, letterFamilyTables } from './letter-family.mjs';
import { maternityTables } from './maternity-family.mjs';
import { pathologyTables } from './pathology-family.mjs';
import { pharmacyTables } from './pharmacy-family.mjs';
import { radiologyTables } from './radiology-family.mjs';
import { systemTables } from './system-family.mjs';
import { theatreTables } from './theatre-family.mjs';
import { estatesTables, transportTables } from './transport-estates-family.mjs';

/** @type {(() => import('./table-spec.mjs').LongTailTable[])[]} */
export const moduleFamilies = [
  systemTables,
  interfaceTables,
  letterFamilyTables,
  caseNoteFamilyTables,
  aeTables,
  theatreTables,
  maternityTables,
  pharmacyTables,
  pathologyTables,
  radiologyTables,
  billingTables,
  communityTables,
  criticalCareTables,
  transportTables,
  estatesTables,
];

/**
 * The families of live long-tail tables, in output order. Each is a function returning its tables; shadows
 * (audit, history, archive) and lookups are derived afterwards in ../long-tail.mjs.
 */
import { systemTables } from './system-family.mjs';

/** @type {(() => import('./table-spec.mjs').LongTailTable[])[]} */
export const moduleFamilies = [systemTables];

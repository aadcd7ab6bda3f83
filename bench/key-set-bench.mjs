#!/usr/bin/env node
// Memory of a load's target keys (KeySet), for integer keys and for text keys held exactly or sealed past a budget.
// Adds N keys in chunks of 10,000, committing after each as a load does, and prints the heap the set holds after a GC.
//
//   node --expose-gc bench/key-set-bench.mjs [--rows 7000000]
import { parseArgs } from 'node:util';
import { KeySet } from '../packages/core/dist/migrate/key-set.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '7000000' } } });
const rows = Number(values.rows);
if (!globalThis.gc) throw new Error('run with node --expose-gc');
const heap = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
};
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;

for (const [label, key, budget] of [
  ['integer keys (RECORD_NUMBER)', (i) => String(i + 1), undefined],
  ['text keys, held exactly (no budget)', (i) => `H${String(i).padStart(8, '0')}`, Number.POSITIVE_INFINITY],
  ['text keys, budget 200,000 (sealed past it)', (i) => `H${String(i).padStart(8, '0')}`, 200_000],
]) {
  const before = heap();
  const t = performance.now();
  const set = new KeySet(budget);
  for (let i = 0; i < rows; i++) {
    set.add(key(i));
    if (i % 10_000 === 9_999) set.commit();
  }
  set.commitAll();
  const ms = performance.now() - t;
  console.log(
    `${label.padEnd(44)} ${rows.toLocaleString('en-GB')} keys: ${mb(heap() - before).padStart(9)}  ${(ms / 1000).toFixed(1)} s  (${set.size === rows ? 'all held' : `size ${set.size}`})`,
  );
}

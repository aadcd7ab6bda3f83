import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { elkGraphOf, type Layout, type LayoutInput, positionsOf } from './erd-graph';

/** ELK runs in a web worker, so laying out hundreds of tables never freezes the page. */
const elk = new ELK({ workerUrl: elkWorkerUrl });

/** Positions of the boxes and group frames, laid out by ELK in its worker (see `elkGraphOf`). */
export async function layoutBoxes(input: LayoutInput): Promise<Layout> {
  return positionsOf(await elk.layout(elkGraphOf(input)));
}

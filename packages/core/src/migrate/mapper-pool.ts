import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CsvChunkParseOptions } from '../connectors/csv/csv-reader.js';
import type { CsvTextChunk } from '../connectors/csv/csv-record-splitter.js';
import { FerryError, type FerryErrorCode, type FerryErrorContext } from '../errors.js';
import type { ChunkMapperSpec, PackedChunk } from './chunk-mapper.js';
import type { MapperReply, MapperRequest } from './chunk-mapper-worker.js';

/**
 * The worker script: next to this module when running the built package; when running from the TypeScript sources
 * (tests), the built one (`npm run build`).
 */
function workerScript(): URL {
  const here = new URL('./chunk-mapper-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return here;
  const built = new URL('../../dist/migrate/chunk-mapper-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(built))) {
    throw new FerryError('FERRY_ERR_INTERNAL', 'mapper workers need the built core: run `npm run build` first');
  }
  return built;
}

interface Pending {
  resolve: (chunk: PackedChunk) => void;
  reject: (e: Error) => void;
}

interface MapperThread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Worker threads that parse and map chunks of CSV text (`--workers N`): the CPU-bound part of a load. Each chunk goes
 * to the thread with the fewest chunks in hand; answers come back as promises, which the load awaits in chunk order.
 * A thread that dies fails the chunks it held, and so the load, which can then be resumed.
 *
 * @example
 * const pool = new MapperPool(2);
 * pool.configure(spec, crosswalks.snapshot(), parse);
 * const packed = await pool.map(textChunk, chunkNo);
 * await pool.close();
 */
export class MapperPool {
  private readonly threads: MapperThread[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number) {
    const script = workerScript();
    for (let i = 0; i < size; i++) {
      // A thread holds a contract table, at most two chunks of text and their COPY lines, and parses a slice of a chunk
      // at a time, so its records die young; its young generation is sized for that. The old generation is not
      // capped: a thread over its cap can take the whole process down (V8 fatal error) rather than fail the load.
      const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      const thread: MapperThread = { worker, pending: new Map() };
      worker.on('message', (reply: MapperReply) => this.answer(thread, reply));
      const fail = (e: Error) => {
        for (const p of thread.pending.values()) p.reject(e);
        thread.pending.clear();
      };
      worker.on('error', (e) =>
        fail(new FerryError('FERRY_ERR_INTERNAL', `a mapper thread failed: ${e.message}`, {}, { cause: e })),
      );
      worker.on('exit', (code) => {
        if (!this.closed) fail(new FerryError('FERRY_ERR_INTERNAL', `a mapper thread exited (code ${code})`));
      });
      this.threads.push(thread);
    }
  }

  /** Sets the contract table the next chunks are mapped with (after the chunks already sent). */
  configure(spec: ChunkMapperSpec, crosswalks: Record<string, [string, string][]>, parse: CsvChunkParseOptions): void {
    const msg: MapperRequest = { kind: 'table', spec, crosswalks, parse };
    for (const t of this.threads) t.worker.postMessage(msg);
  }

  /** Decodes, parses and maps one chunk on the least busy thread. */
  map(chunk: CsvTextChunk, chunkNo: number): Promise<PackedChunk> {
    let thread = this.threads[0]!;
    for (const t of this.threads) if (t.pending.size < thread.pending.size) thread = t;
    const id = this.nextId++;
    const msg: MapperRequest = { kind: 'chunk', id, chunkNo, bytes: chunk.bytes, firstLine: chunk.firstLine };
    return new Promise<PackedChunk>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      // The chunk's bytes move to the thread (a buffer of their own): no copy.
      thread.worker.postMessage(msg, [chunk.bytes.buffer as ArrayBuffer]);
    });
  }

  private answer(thread: MapperThread, reply: MapperReply): void {
    const p = thread.pending.get(reply.id);
    if (!p) return;
    thread.pending.delete(reply.id);
    if (reply.kind === 'mapped') {
      p.resolve(reply.chunk);
      return;
    }
    const e = reply.error;
    p.reject(
      e.ferry
        ? new FerryError(e.code as FerryErrorCode, e.message, e.context as FerryErrorContext)
        : new FerryError('FERRY_ERR_INTERNAL', `a mapper thread failed: ${e.message}`),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}

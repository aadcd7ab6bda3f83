import { parentPort } from 'node:worker_threads';
import { type CsvChunkParseOptions, csvFieldBytes } from '../connectors/csv/csv-reader.js';
import type { CsvRecord } from '../connectors/csv/csv-record.js';
import { CsvRecordParser } from '../connectors/csv/csv-record-parser.js';
import { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { isFerryError } from '../errors.js';
import { ChunkMapper, type ChunkMapperSpec } from './chunk-mapper.js';

/** What the load's main thread sends a mapper worker. */
export type MapperRequest =
  | {
      kind: 'table';
      spec: ChunkMapperSpec;
      crosswalks: Record<string, [string, string][]>;
      parse: CsvChunkParseOptions;
    }
  | { kind: 'chunk'; id: number; chunkNo: number; text: string; firstLine: number };

/** What a mapper worker answers for a chunk. */
export type MapperReply =
  | { kind: 'mapped'; id: number; chunk: import('./chunk-mapper.js').PackedChunk }
  | { kind: 'error'; id: number; error: { ferry: boolean; code?: string; message: string; context?: object } };

/**
 * A load's mapper thread: parses each chunk of CSV text it is sent (numbered from the chunk's first line), maps it
 * through the contract table it was last configured with, and sends it back packed, COPY bytes transferred.
 */
let mapper: ChunkMapper | undefined;
/** Characters parsed at a time (a few hundred records). */
const sliceChars = 1 << 16;
let parse: CsvChunkParseOptions | undefined;

parentPort!.on('message', (msg: MapperRequest) => {
  if (msg.kind === 'table') {
    mapper = new ChunkMapper(msg.spec, CrosswalkIndex.fromSnapshot(msg.crosswalks));
    parse = msg.parse;
    return;
  }
  try {
    if (!mapper || !parse) throw new Error('mapper worker: a chunk came before its table');
    const parser = new CsvRecordParser({
      file: parse.file,
      maxFieldBytes: parse.maxFieldBytes,
      fieldBytes: csvFieldBytes(parse.encoding),
      firstLine: msg.firstLine,
    });
    // Parsed a slice at a time and mapped at once, so that a chunk's records die young (cheap to collect).
    const chunk = mapper.beginPacked(msg.chunkNo);
    const records: CsvRecord[] = [];
    const text = msg.text;
    for (let at = 0; at < text.length; at += sliceChars) {
      parser.push(text.slice(at, at + sliceChars), records);
      for (const r of records) mapper.addPacked(chunk, r);
      records.length = 0;
    }
    parser.end(records);
    for (const r of records) mapper.addPacked(chunk, r);
    mapper.finishPacked(chunk);
    const reply: MapperReply = { kind: 'mapped', id: msg.id, chunk };
    parentPort!.postMessage(reply, chunk.copy ? [chunk.copy.data.buffer as ArrayBuffer] : []);
  } catch (e) {
    const reply: MapperReply = {
      kind: 'error',
      id: msg.id,
      error: isFerryError(e)
        ? { ferry: true, code: e.code, message: e.message, context: e.context }
        : { ferry: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) },
    };
    parentPort!.postMessage(reply);
  }
});

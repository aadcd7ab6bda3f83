import { parentPort } from 'node:worker_threads';
import { type CsvChunkParseOptions, csvFieldBytes, decodeCsvChunk } from '../connectors/csv/csv-reader.js';
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
  | { kind: 'chunk'; id: number; chunkNo: number; bytes: Uint8Array; firstLine: number };

/** What a mapper worker answers for a chunk. */
export type MapperReply =
  | { kind: 'mapped'; id: number; chunk: import('./chunk-mapper.js').PackedChunk }
  | { kind: 'error'; id: number; error: { ferry: boolean; code?: string; message: string; context?: object } };

/**
 * A load's mapper thread: decodes and parses each chunk of a CSV file it is sent (numbered from the chunk's first line), maps it
 * through the contract table it was last configured with, and sends it back packed, COPY bytes transferred.
 */
let mapper: ChunkMapper | undefined;
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
      delimiter: parse.delimiter,
      newline: parse.newline,
      ...(parse.expectedFields !== undefined ? { expectedFields: parse.expectedFields } : {}),
    });
    // Decoded and parsed a slice at a time and mapped at once, so that a chunk's strings die young.
    const chunk = mapper.beginPacked(msg.chunkNo);
    const records: CsvRecord[] = [];
    for (const text of decodeCsvChunk(msg.bytes, parse, msg.firstLine)) {
      parser.push(text, records);
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

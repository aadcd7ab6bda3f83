import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

/** One NDJSON file per resource type (`<Type>.ndjson`), opened on first write, with back-pressure. */
export class NdjsonWriters {
  private readonly streams = new Map<string, WriteStream>();
  readonly counts = new Map<string, number>();

  constructor(private readonly dir: string) {}

  async write(resource: { resourceType: string }): Promise<void> {
    let stream = this.streams.get(resource.resourceType);
    if (!stream) {
      stream = createWriteStream(join(this.dir, `${resource.resourceType}.ndjson`));
      this.streams.set(resource.resourceType, stream);
    }
    this.counts.set(resource.resourceType, (this.counts.get(resource.resourceType) ?? 0) + 1);
    if (!stream.write(`${JSON.stringify(resource)}\n`)) await once(stream, 'drain');
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.streams.values()].map(
        (s) => new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve()))),
      ),
    );
  }
}

import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { FerryError } from '../errors.js';

/** Node's codes of a write that failed for want of space. */
const fullDiskCodes: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
};

/** The part of Emscripten's NODEFS this guard wraps (PGlite 0.3's runtime). */
interface EmscriptenNodeFs {
  tryFSOperation<T>(f: () => T): T;
  realPath(node: unknown): string;
  stream_ops: { write(stream: { node: unknown }, ...rest: unknown[]): number };
}

/**
 * Makes a full disk under an embedded (PGlite) database a clear, immediate failure instead of a spin.
 *
 * PostgreSQL answers a failed WAL write with PANIC; inside PGlite's WASM that is swallowed by the protocol loop
 * (`execProtocolRawSync` retries `PostgresMainLoopOnce` on any exception that is not its longjmp), which then runs
 * forever at 100% CPU. So the first ENOSPC/EDQUOT the database's file system sees is turned into a `FerryError`
 * (FERRY_ERR_DISK_FULL, naming the database folder and the file) thrown out of the WASM call, past that loop, and the
 * database is marked failed: every later call rejects with the same error without entering PostgreSQL again, and
 * closing it does not run a checkpoint. What was committed before is on disk (its WAL); the next open recovers it.
 */
export class PgliteDiskGuard {
  private failureValue: FerryError | undefined;
  /** The file node being written, to name it when the write fails. */
  private writing: unknown;

  constructor(private readonly dataDir: string) {}

  /** The disk-full error that stopped this database, if one did. */
  get failure(): FerryError | undefined {
    return this.failureValue;
  }

  /** PGlite options: its data folder through Node's file system, with each file operation watched. */
  options(): Pick<PGliteOptions, 'fs'> {
    const guard = this;
    class GuardedNodeFs extends NodeFS {
      override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
        const { emscriptenOpts } = await super.init(pg, opts);
        const preRun = [
          ...((emscriptenOpts.preRun as ((mod: Record<string, unknown>) => void)[] | undefined) ?? []),
          (mod: Record<string, unknown>) => guard.watch(mod.NODEFS as EmscriptenNodeFs),
        ];
        return { emscriptenOpts: { ...emscriptenOpts, preRun } as typeof emscriptenOpts };
      }
    }
    return { fs: new GuardedNodeFs(this.dataDir) };
  }

  /** Refuses every later protocol call once the disk filled (PostgreSQL's state inside the WASM is not trusted). */
  protect(pg: PGlite): void {
    const target = pg as unknown as { execProtocolRawSync(message: Uint8Array): Uint8Array };
    const run = target.execProtocolRawSync.bind(pg);
    target.execProtocolRawSync = (message: Uint8Array) => {
      if (this.failureValue) throw this.failureValue;
      return run(message);
    };
  }

  private watch(nodefs: EmscriptenNodeFs): void {
    const tryFSOperation = nodefs.tryFSOperation.bind(nodefs);
    nodefs.tryFSOperation = <T>(f: () => T): T => {
      if (this.failureValue) throw this.escaping(this.failureValue);
      let result: T;
      try {
        result = f();
      } catch (e) {
        const failure = this.checked(e, this.writing === undefined ? undefined : safeRealPath(nodefs, this.writing));
        if (failure) throw failure;
        // Any other failure as Emscripten turns it into an errno for PostgreSQL.
        return tryFSOperation(() => {
          throw e;
        });
      }
      return result;
    };
    const write = nodefs.stream_ops.write.bind(nodefs.stream_ops);
    nodefs.stream_ops.write = (stream, ...rest) => {
      this.writing = stream.node;
      try {
        return write(stream, ...rest);
      } finally {
        this.writing = undefined;
      }
    };
  }

  /** Node's error of a file operation: a full disk becomes the database's failure (returned); else undefined. */
  private checked(e: unknown, file: string | undefined): FerryError | undefined {
    const code = (e as { code?: unknown } | undefined)?.code;
    if (this.failureValue) return this.escaping(this.failureValue);
    if (typeof code !== 'string' || !fullDiskCodes[code]) return undefined;
    const failure = new FerryError(
      'FERRY_ERR_DISK_FULL',
      `The embedded database in ${this.dataDir} cannot write${file ? ` ${file}` : ''}: ${fullDiskCodes[code]}. Free space (or raise the quota) and rerun, or --resume; what was committed before is kept`,
      { path: this.dataDir, ...(file ? { written: file } : {}), errno: code },
      { cause: e },
    );
    this.failureValue = failure;
    return this.escaping(failure);
  }

  /**
   * PGlite's protocol loop reads `status` of whatever it catches to tell its longjmp from anything else; the first
   * read throws the failure again, which carries it out of the loop (the loop has no other exit).
   */
  private escaping(failure: FerryError): FerryError {
    if (!Object.hasOwn(failure, 'status')) {
      let thrown = false;
      Object.defineProperty(failure, 'status', {
        enumerable: false,
        configurable: true,
        get() {
          if (thrown) return undefined;
          thrown = true;
          throw failure;
        },
      });
    }
    return failure;
  }
}

function safeRealPath(nodefs: EmscriptenNodeFs, node: unknown): string | undefined {
  try {
    return nodefs.realPath(node);
  } catch {
    return undefined;
  }
}

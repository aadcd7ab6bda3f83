import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

/**
 * Fault injection without root: synchronous writes to files opened under `dir` (what PGlite's Emscripten file system
 * does) fail with ENOSPC once `fill()` is called, as on a full disk. `restore()` puts Node's `fs` back.
 */
export function fullDiskUnder(dir: string): { fill: () => void; restore: () => void } {
  const { openSync, writeSync } = fs;
  const fds = new Set<number>();
  let full = false;
  const patched = fs as unknown as Record<'openSync' | 'writeSync', unknown>;
  patched.openSync = (path: fs.PathLike, ...rest: unknown[]) => {
    const fd = (openSync as (...a: unknown[]) => number)(path, ...rest);
    if (String(path).startsWith(dir)) fds.add(fd);
    return fd;
  };
  patched.writeSync = (fd: number, ...rest: unknown[]) => {
    if (full && fds.has(fd)) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        errno: -28,
        syscall: 'write',
      });
    }
    return (writeSync as (...a: unknown[]) => number)(fd, ...rest);
  };
  syncBuiltinESMExports();
  return {
    fill: () => {
      full = true;
    },
    restore: () => {
      patched.openSync = openSync;
      patched.writeSync = writeSync;
      syncBuiltinESMExports();
    },
  };
}

import { reportError } from './run-command.js';
import { installStopSignals, stopRequestedBy } from './stop-signals.js';

let installed = false;

/** Ends the process quietly when the reader of its output went away (`ferry runs list | head -1`). */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw e;
  });
}

/**
 * What the `ferry` process does about failures outside a command's own flow: a closed output pipe ends it quietly,
 * an error nobody caught (a database connection's 'error' event, a rejected promise) is reported like any other
 * (a message and an exit code, never a stack trace), SIGINT and SIGTERM end it with 130 and 143.
 */
export function installProcessGuards(): void {
  if (installed) return;
  installed = true;
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  const fatal = (e: unknown) => {
    const code = reportError(e);
    process.exit(code);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  installStopSignals();
}

/** Sets the process's exit code, and ends it at once when a signal stopped it (work may still be winding down). */
export function finish(code: number): void {
  if (stopRequestedBy()) process.exit(code);
  process.exitCode = code;
}

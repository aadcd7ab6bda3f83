import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { exitCodes, reportError } from './run-command.js';

/** Builds the `ferry` program with every verb registered. */
export function buildProgram(): Command {
  const program = new Command('ferry')
    .description('Governed, clinically safe healthcare data migrations')
    .version('0.1.0')
    .showHelpAfterError('(run ferry --help for usage)')
    // One line per verb in `ferry --help`, whatever the terminal width.
    .configureHelp({ helpWidth: 200 })
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Runs the CLI and returns the process exit code: 0 ok, 1 gate blocked, 2 bad usage or input, 3 internal. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? exitCodes.ok : Number(process.exitCode);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return exitCodes.usage;
    }
    return reportError(e);
  }
}

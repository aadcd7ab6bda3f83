import { configureLocks } from '@ferry/core';
import { Command, CommanderError, Option } from 'commander';
import { cliSettings, setCliSettings } from './cli-settings.js';
import { registerCommands } from './commands/index.js';
import { cliLog } from './log-file.js';
import { exitCodes, intOption, reportError } from './run-command.js';

export { finish, installProcessGuards } from './process-guards.js';

interface GlobalFlags {
  quiet?: boolean;
  verbose?: boolean;
  logFile?: string;
  lockWait?: number;
}

/** The arguments of the running command, for the holder of the locks it takes. */
let commandLine: string[] = [];

/** The arguments as others may read them (in a lock file): the SQL of `--*-where` options, which may quote a value, hidden. */
export function redactArgs(args: readonly string[]): string[] {
  return args.map((arg, i) => {
    if (/^--[\w-]*where=/.test(arg)) return `${arg.slice(0, arg.indexOf('=') + 1)}***`;
    return i > 0 && /^--[\w-]*where$/.test(args[i - 1]!) ? '***' : arg;
  });
}

/** Builds the `ferry` program with every verb registered. */
export function buildProgram(): Command {
  const program = new Command('ferry')
    .description('Governed, clinically safe healthcare data migrations')
    .version('0.1.0')
    .addOption(new Option('-q, --quiet', 'no progress lines on stderr (results and errors only)').conflicts('verbose'))
    .option('-v, --verbose', 'progress within stages too, and progress lines even with --json')
    .option('--log-file <path>', 'append a log (full errors for support; keys and counts, no data values) to PATH')
    .option(
      '--lock-wait <seconds>',
      'wait this long for an embedded database or lifecycle folder another process holds (default 5)',
      intOption('--lock-wait'),
    )
    .showHelpAfterError('(run ferry --help for usage)')
    // One line per verb in `ferry --help`, whatever the terminal width.
    .configureHelp({ helpWidth: 200 })
    .exitOverride();
  program.hook('preAction', (_program, command) => {
    const flags = command.optsWithGlobals<GlobalFlags>();
    setCliSettings({
      quiet: flags.quiet === true,
      verbose: flags.verbose === true,
      logFile: flags.logFile,
      lockWaitSeconds: flags.lockWait ?? 5,
    });
    cliLog.reset();
    if (cliSettings.logFile) cliLog.add(cliSettings.logFile);
    const path =
      command.parent && command.parent !== program ? `${command.parent.name()} ${command.name()}` : command.name();
    configureLocks({
      waitMs: cliSettings.lockWaitSeconds * 1000,
      command: ['ferry', ...redactArgs(commandLine)].join(' '),
      onWait: (what, holder, waitMs) => {
        if (!cliSettings.quiet)
          process.stderr.write(
            `ferry: waiting up to ${Math.round(waitMs / 1000)} s for ${what}, in use by ${holder}\n`,
          );
      },
    });
    // A --log-file asked for and not writable (a full disk, a folder, no permission) stops the command before it runs.
    const failed = cliLog.begin(`ferry ${path} started (pid ${process.pid})`);
    if (failed) throw failed;
  });
  registerCommands(program);
  return program;
}

/** Runs the CLI and returns the process exit code: 0 ok, 1 gate blocked, 2 bad usage or input, 3 internal. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  commandLine = argv.slice(2);
  try {
    await program.parseAsync(argv);
    const code = process.exitCode === undefined ? exitCodes.ok : Number(process.exitCode);
    cliLog.write('info', `exit ${code}`);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return exitCodes.usage;
    }
    return reportError(e);
  }
}

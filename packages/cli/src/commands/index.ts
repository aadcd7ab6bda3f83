import type { Command } from 'commander';

/** Each verb lives in its own file and registers itself here, in the order `ferry --help` lists them. */
const commands: Array<(program: Command) => void> = [];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}

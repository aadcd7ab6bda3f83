import type { Command } from 'commander';
import { registerCatalog } from './catalog.js';
import { registerCheck } from './check.js';
import { registerGate } from './gate.js';
import { registerPreview } from './preview.js';

/** Each verb lives in its own file and registers itself here, in the order `ferry --help` lists them. */
const commands: Array<(program: Command) => void> = [registerCatalog, registerPreview, registerCheck, registerGate];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}

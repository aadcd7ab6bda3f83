/** The global options of `ferry`, read once before a verb runs. */
export interface CliSettings {
  /** No progress lines: only results and errors. */
  quiet: boolean;
  /** Progress lines also within a stage (tables, checks), and with --json. */
  verbose: boolean;
  logFile?: string;
  /** How long to wait for a lock another process holds (seconds). */
  lockWaitSeconds: number;
}

export const defaultCliSettings: CliSettings = { quiet: false, verbose: false, lockWaitSeconds: 5 };

/** The settings of the command running now. */
export const cliSettings: CliSettings = { ...defaultCliSettings };

export function setCliSettings(next: CliSettings): void {
  Object.assign(cliSettings, defaultCliSettings, next);
}

import cliProgress from 'cli-progress';

/**
 * A progress bar per long stage on a terminal (stderr), nothing when piped or under --json.
 */
export class StageProgress {
  private bar?: cliProgress.SingleBar;
  private readonly enabled: boolean;

  constructor(enabled: boolean) {
    this.enabled = enabled && Boolean(process.stderr.isTTY);
  }

  start(label: string, total: number): void {
    if (!this.enabled) return;
    this.stop();
    this.bar = new cliProgress.SingleBar(
      {
        format: `${label.padEnd(10)} [{bar}] {percentage}% {value}/{total} {detail}`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(Math.max(total, 1), 0, { detail: '' });
  }

  update(done: number, total: number, detail = ''): void {
    if (!this.bar) return;
    this.bar.setTotal(Math.max(total, 1));
    this.bar.update(done, { detail });
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

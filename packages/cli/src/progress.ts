import cliProgress from 'cli-progress';
import { cliSettings } from './cli-settings.js';

/** How progress shows: a bar on a terminal, a line per event elsewhere (logs, CI, pipes), or nothing. */
export type ProgressMode = 'bar' | 'lines' | 'off';

/**
 * The progress mode of a command: nothing with --quiet; under --json only with --verbose (as lines); otherwise a bar on
 * a terminal and lines when stderr is not one.
 */
export function progressMode(interactive: boolean): ProgressMode {
  if (cliSettings.quiet) return 'off';
  if (!interactive) return cliSettings.verbose ? 'lines' : 'off';
  return process.stderr.isTTY ? 'bar' : 'lines';
}

const n = (x: number) => x.toLocaleString('en-GB');

/** Seconds, one decimal: `12.3 s`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Progress of a long stage on stderr: a bar on a terminal; outside one, a line when the stage starts and when it ends
 * (with its time and counts), and with --verbose a line each time the stage moves to another table or check.
 */
export class StageProgress {
  private bar?: cliProgress.SingleBar;
  private readonly mode: ProgressMode;
  private label?: string;
  private started = 0;
  private lastDetail?: string;

  /** `interactive`: the command prints for a person (not --json). */
  constructor(interactive: boolean) {
    this.mode = progressMode(interactive);
  }

  start(label: string, total: number): void {
    if (this.mode === 'off') return;
    this.stop();
    this.label = label;
    this.started = performance.now();
    this.lastDetail = undefined;
    if (this.mode === 'lines') {
      line(`${label} started`);
      return;
    }
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
    if (this.mode === 'lines') {
      if (cliSettings.verbose && this.label && detail && detail !== this.lastDetail) {
        line(`${this.label} ${n(done)}/${n(total)} ${detail}`);
      }
      this.lastDetail = detail || this.lastDetail;
      return;
    }
    if (!this.bar) return;
    this.bar.setTotal(Math.max(total, 1));
    this.bar.update(done, { detail });
  }

  /** Ends the stage; `summary` (counts) is added to its closing line. */
  stop(summary?: string): void {
    if (this.mode === 'lines' && this.label) {
      line(`${this.label} done in ${formatSeconds(performance.now() - this.started)}${summary ? `, ${summary}` : ''}`);
    }
    this.label = undefined;
    this.bar?.stop();
    this.bar = undefined;
  }

  /** A line of its own outside a terminal (e.g. a stage reused from an earlier run). */
  note(text: string): void {
    if (this.mode === 'lines') line(text);
  }

  /** Ends the stage as failed (a line outside a terminal; the error itself is reported by the caller). */
  fail(): void {
    if (this.mode === 'lines' && this.label) {
      line(`${this.label} failed after ${formatSeconds(performance.now() - this.started)}`);
    }
    this.label = undefined;
    this.bar?.stop();
    this.bar = undefined;
  }
}

function line(text: string): void {
  process.stderr.write(`ferry: ${text}\n`);
}

/** What each lifecycle stage counts, in words: the rows it read or wrote, the fields it mapped, the issues found. */
const stageCounts: Record<string, string> = {
  generate: 'rows generated',
  profile: 'rows profiled',
  map: 'target fields mapped',
  migrate: 'rows read',
  check: 'issues',
  reconcile: 'target rows reconciled',
};

/** A stage's count in words for a progress line: `5,000 rows read`. */
export function rowsSummary(rows: number | undefined, stage?: string): string | undefined {
  return rows === undefined ? undefined : `${n(rows)} ${(stage && stageCounts[stage]) ?? 'rows'}`;
}

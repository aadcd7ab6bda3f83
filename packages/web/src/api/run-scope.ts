import type { Run } from './runs-api';

/** What a run ran: a generated cohort, a rerun from a stage, one stage alone, or stages up to one. */
export function runScope(r: Run): string {
  const upTo = r.toStage ? ` to ${r.toStage}` : '';
  if (r.fromStage && r.fromStage === r.toStage) return `${r.fromStage} alone`;
  if (r.fromStage) return `rerun from ${r.fromStage}${upTo}`;
  if (r.source.kind === 'generated') return `generated, ${String(r.source.patients)} patients${upTo}`;
  return String(r.source.kind ?? '') + upTo;
}

/** What an exit code of `ferry lifecycle` means. */
export function exitCodeMeaning(code: number): string {
  return (
    [
      'passed, or stopped where asked',
      'the gate blocks or reconciliation differs',
      'a user error',
      'an internal error',
    ][code] ?? 'unknown'
  );
}

import { isFerryError } from '@ferry/core';

/**
 * The exit codes of `ferry lifecycle` (the CLI's `exitCodes`; a CLI test holds the two together): 0 passed or stopped
 * where asked, 1 the gate blocks or the reconciliation does not match, 2 a user error, 3 an internal error.
 */
export const lifecycleExitCodes = { ok: 0, gateBlocked: 1, usage: 2, internal: 3 } as const;

/** The exit code of a run that finished with an outcome. */
export function exitCodeOfOutcome(outcome: 'PASS' | 'FAIL' | 'PARTIAL' | 'ERROR'): number {
  if (outcome === 'PASS' || outcome === 'PARTIAL') return lifecycleExitCodes.ok;
  if (outcome === 'FAIL') return lifecycleExitCodes.gateBlocked;
  return lifecycleExitCodes.internal;
}

/** The exit code of a run that stopped on an error: 2 for a Ferry error a person can fix, 3 for anything else. */
export function exitCodeOfError(e: unknown): number {
  return isFerryError(e) && e.kind !== 'internal' ? lifecycleExitCodes.usage : lifecycleExitCodes.internal;
}

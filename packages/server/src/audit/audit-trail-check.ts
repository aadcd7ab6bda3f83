import type { SqlExecutor } from '@ferry/core';
import { type AuditAnchorCheck, type AuditAnchorConfig, checkAuditAnchors } from './audit-anchors.js';
import { type AuditVerification, verifyAuditChains } from './audit-verifier.js';

/** A reason the trail cannot be trusted as complete, beyond a broken chain. */
export interface AuditTrailGap {
  chain: string;
  problem: 'no_trail' | 'empty_trail' | 'missing_chain' | 'no_anchors';
  message: string;
}

/** Verification of the whole trail: the chains, the gaps, and what this check cannot prove. */
export interface AuditTrailCheck extends AuditVerification {
  gaps: AuditTrailGap[];
  /** The comparison with the signed checkpoints kept outside the database; null when no anchor config was given. */
  anchors: AuditAnchorCheck | null;
  /** What a database-only check cannot detect, for the person reading the result. */
  limits: string;
}

/** What no check of the database alone can prove: printed with every result. */
export const auditVerifyLimits =
  'Limits: a chain rewritten with recomputed hashes, or events removed from its end, leave no trace in the database: ' +
  'only events at or before a signed checkpoint (the anchor file, FERRY_AUDIT_ANCHOR_FILE) are proven against that; ' +
  "events after a chain's last checkpoint are not.";

/** How the trail is checked: one chain, and the anchors (signed checkpoints) to compare it with. */
export interface AuditTrailOptions {
  chain?: string;
  anchors?: AuditAnchorConfig;
  /** Fail when there is no anchor (production mode, `--require-anchors`); otherwise it is only reported. */
  requireAnchors?: boolean;
}

async function tableExists(db: SqlExecutor, table: string): Promise<boolean> {
  const [row] = await db.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM information_schema.tables
      WHERE table_schema = ANY (current_schemas(false)) AND table_name = $1`,
    [table],
  );
  return Number(row?.n ?? 0) > 0;
}

/**
 * Verifies the audit trail as a whole, as the database owner (`ferry audit verify`): every chain's hashes and links
 * (`verifyAuditChains`: an edited event, an event removed from the start or middle of a chain), and what the trail
 * must contain given the rest of the database, since an empty or dropped trail has no broken link to find:
 * - `no_trail`: there is no audit_events table (the schema was rolled back or never migrated);
 * - `empty_trail`: the trail (or the chain asked for) holds no event at all;
 * - `missing_chain`: users exist whose organisation's chain (the platform chain for users of no organisation) holds
 *   no event, though creating a user is always audited.
 * - with `anchors`: every signed checkpoint must match the database (`checkAuditAnchors`: a chain rewritten with
 *   recomputed hashes before a checkpoint, or cut below it, fails); `no_anchors` when none exists and
 *   `requireAnchors`. Events after a chain's last checkpoint are listed in `anchors.unproven`.
 * `ok` is false on any finding, anchor finding or gap.
 *
 * @example
 * const result = await verifyAuditTrail(db); // { ok: false, gaps: [{ problem: 'empty_trail', ... }], ... }
 */
export async function verifyAuditTrail(db: SqlExecutor, options: AuditTrailOptions = {}): Promise<AuditTrailCheck> {
  if (!(await tableExists(db, 'audit_events'))) {
    return {
      ok: false,
      chains: [],
      findings: [],
      gaps: [
        {
          chain: options.chain ?? '*',
          problem: 'no_trail',
          message:
            'there is no audit trail table (audit_events): the platform schema was rolled back or never migrated; nothing can be verified',
        },
      ],
      anchors: null,
      limits: auditVerifyLimits,
    };
  }
  const verification = await verifyAuditChains(db, options.chain !== undefined ? { chain: options.chain } : {});
  const gaps: AuditTrailGap[] = [];
  const events = verification.chains.reduce((n, c) => n + c.events, 0);
  if (events === 0) {
    gaps.push({
      chain: options.chain ?? '*',
      problem: 'empty_trail',
      message: `the audit trail${options.chain ? ` of chain ${options.chain}` : ''} holds no event: an empty trail proves nothing (a trail dropped and recreated, e.g. by ferry db rollback, looks like this)`,
    });
  }
  if (await tableExists(db, 'users')) {
    const owners = await db.query<{ chain: string; users: string }>(
      `SELECT coalesce(organisation_id::text, 'platform') AS chain, count(*)::text AS users FROM users GROUP BY 1 ORDER BY 1`,
    );
    const seen = new Set(verification.chains.map((c) => c.chain));
    for (const o of owners) {
      if (options.chain !== undefined && o.chain !== options.chain) continue;
      if (seen.has(o.chain)) continue;
      gaps.push({
        chain: o.chain,
        problem: 'missing_chain',
        message: `chain ${o.chain} holds no event, but ${o.users} user(s) of it exist and creating a user is always audited: its events were lost`,
      });
    }
  }
  let anchors: AuditAnchorCheck | null = null;
  if (options.anchors) {
    anchors = await checkAuditAnchors(db, options.anchors, verification.chains, options);
    if (!anchors.anchored && options.requireAnchors)
      gaps.push({
        chain: options.chain ?? '*',
        problem: 'no_anchors',
        message: 'no anchors: the whole trail is unproven (no signed checkpoint in the anchor file)',
      });
  }
  const anchorFindings = anchors?.findings.length ?? 0;
  return {
    ...verification,
    ok: verification.ok && gaps.length === 0 && anchorFindings === 0,
    gaps,
    anchors,
    limits: auditVerifyLimits,
  };
}

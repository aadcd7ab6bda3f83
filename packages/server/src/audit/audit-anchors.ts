import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SqlExecutor } from '@ferry/core';
import { z } from 'zod';
import { verifyAuditChains } from './audit-verifier.js';

/** Where checkpoints are kept (outside the database) and the key that signs them (FERRY_AUDIT_KEY). */
export interface AuditAnchorConfig {
  /** An append-only JSON-lines file, one signed checkpoint of one chain's head per line. */
  file: string;
  key: string;
}

/** One checkpoint: a chain's head (seq and hash) at a time, signed with the audit key. */
export interface AuditAnchor {
  chain: string;
  seq: number;
  hash: string;
  at: string;
  mac: string;
}

/** A checkpoint that does not hold: forged or unreadable, or the database no longer matches it. */
export interface AuditAnchorFinding {
  chain: string;
  seq: number;
  problem: 'anchor_forged' | 'anchor_unreadable' | 'anchor_mismatch' | 'anchor_missing_event';
  message: string;
}

/** What the anchors prove of the trail, and what they leave unproven. */
export interface AuditAnchorCheck {
  /** False when there is no anchor file (or it holds no valid checkpoint): nothing of the trail is proven. */
  anchored: boolean;
  findings: AuditAnchorFinding[];
  /** Per chain, the events no checkpoint covers (after the last one, or all when it has none). */
  unproven: { chain: string; fromSeq: number; toSeq: number; message: string }[];
}

const anchorLine = z.object({
  chain: z.string().min(1),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().min(1),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

/** HMAC-SHA256 over a checkpoint's fields, with the audit key the database does not hold. */
export function auditAnchorMac(key: string, anchor: Omit<AuditAnchor, 'mac'>): string {
  return createHmac('sha256', key)
    .update(['ferry.audit-anchor.v1', anchor.chain, String(anchor.seq), anchor.hash, anchor.at].join('\n'))
    .digest('hex');
}

function macMatches(key: string, anchor: AuditAnchor): boolean {
  const expected = Buffer.from(auditAnchorMac(key, anchor), 'hex');
  const given = Buffer.from(anchor.mac, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The anchor file's checkpoints, each checked: `valid` are signed with the key, `findings` name the bad lines. */
export async function readAuditAnchors(
  config: AuditAnchorConfig,
): Promise<{ exists: boolean; valid: AuditAnchor[]; findings: AuditAnchorFinding[] }> {
  let text: string;
  try {
    text = await readFile(config.file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, valid: [], findings: [] };
    throw error;
  }
  const valid: AuditAnchor[] = [];
  const findings: AuditAnchorFinding[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let parsed: ReturnType<typeof anchorLine.safeParse>;
    try {
      parsed = anchorLine.safeParse(JSON.parse(line));
    } catch {
      parsed = anchorLine.safeParse(undefined);
    }
    if (!parsed.success) {
      findings.push({
        chain: '*',
        seq: 0,
        problem: 'anchor_unreadable',
        message: `line ${i + 1} of the anchor file is not a checkpoint`,
      });
      return;
    }
    const anchor = parsed.data;
    if (!macMatches(config.key, anchor)) {
      findings.push({
        chain: anchor.chain,
        seq: anchor.seq,
        problem: 'anchor_forged',
        message: `line ${i + 1} of the anchor file (chain ${anchor.chain}, seq ${anchor.seq}) is not signed with the audit key: forged or altered`,
      });
      return;
    }
    valid.push(anchor);
  });
  return { exists: true, valid, findings };
}

/**
 * Compares the database with the signed checkpoints: every valid checkpoint's event must still be there with the
 * same hash, so a chain rewritten with recomputed hashes before a checkpoint, or cut short below it, fails. Events
 * after a chain's last checkpoint are reported unproven. `heads` are the chains the database holds (from the
 * verification), `chain` limits the check to one.
 *
 * @example
 * const { findings, unproven } = await checkAuditAnchors(db, anchors, verification.chains);
 */
export async function checkAuditAnchors(
  run: SqlExecutor,
  config: AuditAnchorConfig,
  heads: readonly { chain: string; headSeq: number }[],
  options: { chain?: string } = {},
): Promise<AuditAnchorCheck> {
  const read = await readAuditAnchors(config);
  const findings = read.findings.filter(
    (f) => options.chain === undefined || f.chain === '*' || f.chain === options.chain,
  );
  const byChain = new Map<string, AuditAnchor[]>();
  for (const a of read.valid) {
    if (options.chain !== undefined && a.chain !== options.chain) continue;
    byChain.set(a.chain, [...(byChain.get(a.chain) ?? []), a]);
  }
  const lastAnchored = new Map<string, number>();
  for (const [chain, anchors] of byChain) {
    const seqs = [...new Set(anchors.map((a) => a.seq))];
    const rows = await run.query<{ seq: string | number; hash: string }>(
      'SELECT seq, hash FROM audit_events WHERE chain = $1 AND seq = ANY($2::bigint[])',
      [chain, seqs],
    );
    const stored = new Map(rows.map((r) => [Number(r.seq), r.hash]));
    for (const a of anchors) {
      const hash = stored.get(a.seq);
      if (hash === undefined)
        findings.push({
          chain,
          seq: a.seq,
          problem: 'anchor_missing_event',
          message: `chain ${chain} has no event ${a.seq}, which the checkpoint of ${a.at} recorded: events were removed`,
        });
      else if (hash !== a.hash)
        findings.push({
          chain,
          seq: a.seq,
          problem: 'anchor_mismatch',
          message: `event ${a.seq} of chain ${chain} differs from the checkpoint of ${a.at}: the chain was rewritten at or before event ${a.seq}`,
        });
    }
    lastAnchored.set(chain, Math.max(...anchors.map((a) => a.seq)));
  }
  findings.sort((x, y) => x.chain.localeCompare(y.chain) || x.seq - y.seq);
  const unproven: AuditAnchorCheck['unproven'] = [];
  for (const h of heads) {
    if (options.chain !== undefined && h.chain !== options.chain) continue;
    const last = lastAnchored.get(h.chain) ?? 0;
    if (h.headSeq <= last) continue;
    unproven.push({
      chain: h.chain,
      fromSeq: last + 1,
      toSeq: h.headSeq,
      message:
        last > 0
          ? `chain ${h.chain}: events ${last + 1} to ${h.headSeq} unproven (after the last checkpoint at seq ${last})`
          : `chain ${h.chain}: events 1 to ${h.headSeq} unproven (no checkpoint of this chain)`,
    });
  }
  return { anchored: read.valid.length > 0, findings, unproven };
}

/**
 * Appends a signed checkpoint of each chain whose head moved since its last valid checkpoint. The events after
 * that checkpoint are verified first (linked to its hash): a chain whose new events do not verify is not anchored,
 * and is returned in `refused`, so a checkpoint never blesses a broken chain. Appends only; creates the file (0600).
 *
 * @example
 * const { written } = await writeAuditCheckpoint(db, anchors, new Date());
 */
export async function writeAuditCheckpoint(
  run: SqlExecutor,
  config: AuditAnchorConfig,
  now: Date,
): Promise<{ written: AuditAnchor[]; refused: { chain: string; message: string }[] }> {
  const read = await readAuditAnchors(config);
  const last = new Map<string, AuditAnchor>();
  for (const a of read.valid) if ((last.get(a.chain)?.seq ?? 0) < a.seq) last.set(a.chain, a);
  const heads = await run.query<{ chain: string; seq: string | number; hash: string }>(
    'SELECT DISTINCT ON (chain) chain, seq, hash FROM audit_events ORDER BY chain, seq DESC',
  );
  const written: AuditAnchor[] = [];
  const refused: { chain: string; message: string }[] = [];
  for (const head of heads) {
    const seq = Number(head.seq);
    const previous = last.get(head.chain);
    if (previous && previous.seq >= seq) continue;
    const check = await verifyAuditChains(run, {
      chain: head.chain,
      ...(previous ? { from: { seq: previous.seq, hash: previous.hash } } : {}),
    });
    if (!check.ok) {
      refused.push({
        chain: head.chain,
        message: `chain ${head.chain} not anchored: ${check.findings.map((f) => f.message).join('; ')}`,
      });
      continue;
    }
    const fields = { chain: head.chain, seq, hash: head.hash, at: now.toISOString() };
    written.push({ ...fields, mac: auditAnchorMac(config.key, fields) });
  }
  if (written.length) {
    await mkdir(dirname(config.file), { recursive: true });
    await appendFile(config.file, written.map((a) => `${JSON.stringify(a)}\n`).join(''), { mode: 0o600 });
  }
  return { written, refused };
}

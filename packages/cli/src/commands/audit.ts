import {
  loadAuditAnchorSettings,
  loadDatabaseConfig,
  openPlatformDatabase,
  verifyAuditTrail,
  writeAuditCheckpoint,
} from '@ferry/server';
import type { Command } from 'commander';
import { action, exitCodes } from '../run-command.js';

interface AuditFlags {
  org?: string;
  json?: boolean;
  requireAnchors?: boolean;
}

export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description('The platform audit trail (DATABASE_URL, or the embedded .ferry/platform)');
  audit
    .command('verify')
    .description(
      'Recompute every hash chain of the audit trail and compare it with the signed checkpoints of the anchor file ' +
        '(FERRY_AUDIT_ANCHOR_FILE, signed with FERRY_AUDIT_KEY); exit 1 when an event was changed or removed, a chain ' +
        'was rewritten before a checkpoint, a checkpoint is forged, or the trail is missing, empty or lacks the chain ' +
        'of an organisation with users',
    )
    .option('--org <id>', 'verify one organisation\'s chain ("platform" for the platform chain)')
    .option('--require-anchors', 'fail when there is no checkpoint at all (always so in production mode)')
    .option('--json', 'print JSON')
    .action(
      action(async (flags: AuditFlags) => {
        const config = loadDatabaseConfig(process.env);
        const anchors = loadAuditAnchorSettings(process.env);
        const db = await openPlatformDatabase(config.databaseUrl, { poolSize: 1 });
        try {
          // Run as the database owner: every chain is read, whatever the row-level security of the application role.
          const result = await verifyAuditTrail(db, {
            ...(flags.org ? { chain: flags.org } : {}),
            anchors,
            requireAnchors: flags.requireAnchors === true || anchors.production,
          });
          if (flags.json) {
            process.stdout.write(`${JSON.stringify(result)}\n`);
          } else {
            for (const c of result.chains)
              process.stdout.write(`chain ${c.chain}: ${c.events} events, head ${c.headSeq} ${c.headHash}\n`);
            for (const f of result.findings) process.stdout.write(`BROKEN ${f.problem}: ${f.message}\n`);
            for (const f of result.anchors?.findings ?? []) process.stdout.write(`BROKEN ${f.problem}: ${f.message}\n`);
            for (const g of result.gaps) process.stdout.write(`INCOMPLETE ${g.problem}: ${g.message}\n`);
            if (result.anchors && !result.anchors.anchored && !result.gaps.some((g) => g.problem === 'no_anchors'))
              process.stdout.write('UNPROVEN no anchors: the whole trail is unproven (run ferry audit checkpoint)\n');
            else for (const u of result.anchors?.unproven ?? []) process.stdout.write(`UNPROVEN ${u.message}\n`);
            const problems = result.findings.length + result.gaps.length + (result.anchors?.findings.length ?? 0);
            process.stdout.write(
              result.ok
                ? 'Audit trail intact: every chain verifies from its first event and matches its checkpoints\n'
                : `Audit trail NOT VERIFIED: ${problems} problem(s)\n`,
            );
            process.stdout.write(`${result.limits}\n`);
          }
          return result.ok ? exitCodes.ok : exitCodes.gateBlocked;
        } finally {
          await db.close();
        }
      }),
    );
  audit
    .command('checkpoint')
    .description(
      'Append a signed checkpoint (HMAC with FERRY_AUDIT_KEY) of each chain whose head moved to the anchor file ' +
        '(FERRY_AUDIT_ANCHOR_FILE); a chain whose new events do not verify is not anchored (exit 1)',
    )
    .option('--json', 'print JSON')
    .action(
      action(async (flags: { json?: boolean }) => {
        const config = loadDatabaseConfig(process.env);
        const anchors = loadAuditAnchorSettings(process.env);
        const db = await openPlatformDatabase(config.databaseUrl, { poolSize: 1 });
        try {
          const result = await writeAuditCheckpoint(db, anchors, new Date());
          if (flags.json) {
            process.stdout.write(`${JSON.stringify({ file: anchors.file, ...result })}\n`);
          } else {
            for (const a of result.written)
              process.stdout.write(`checkpoint chain ${a.chain}: head ${a.seq} ${a.hash}\n`);
            for (const r of result.refused) process.stdout.write(`REFUSED ${r.message}\n`);
            process.stdout.write(
              `${result.written.length} checkpoint(s) appended to ${anchors.file}${result.written.length || result.refused.length ? '' : ' (no head moved)'}\n`,
            );
          }
          return result.refused.length ? exitCodes.gateBlocked : exitCodes.ok;
        } finally {
          await db.close();
        }
      }),
    );
}

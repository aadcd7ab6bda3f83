import { loadDatabaseConfig, openPlatformDatabase, verifyAuditTrail } from '@ferry/server';
import type { Command } from 'commander';
import { action, exitCodes } from '../run-command.js';

interface AuditFlags {
  org?: string;
  json?: boolean;
}

export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description('The platform audit trail (DATABASE_URL, or the embedded .ferry/platform)');
  audit
    .command('verify')
    .description(
      'Recompute every hash chain of the audit trail; exit 1 when an event was changed or removed, or the trail is ' +
        'missing, empty or lacks the chain of an organisation with users',
    )
    .option('--org <id>', 'verify one organisation\'s chain ("platform" for the platform chain)')
    .option('--json', 'print JSON')
    .action(
      action(async (flags: AuditFlags) => {
        const config = loadDatabaseConfig(process.env);
        const db = await openPlatformDatabase(config.databaseUrl, { poolSize: 1 });
        try {
          // Run as the database owner: every chain is read, whatever the row-level security of the application role.
          const result = await verifyAuditTrail(db, flags.org ? { chain: flags.org } : {});
          if (flags.json) {
            process.stdout.write(`${JSON.stringify(result)}\n`);
          } else {
            for (const c of result.chains)
              process.stdout.write(`chain ${c.chain}: ${c.events} events, head ${c.headSeq} ${c.headHash}\n`);
            for (const f of result.findings) process.stdout.write(`BROKEN ${f.problem}: ${f.message}\n`);
            for (const g of result.gaps) process.stdout.write(`INCOMPLETE ${g.problem}: ${g.message}\n`);
            const problems = result.findings.length + result.gaps.length;
            process.stdout.write(
              result.ok
                ? 'Audit trail intact: every chain verifies from its first event\n'
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
}

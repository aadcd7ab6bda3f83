import { loadServerConfig, startServer } from '@ferry/server';
import type { Command } from 'commander';
import { action, intOption } from '../run-command.js';
import { untilStopped } from '../until-stopped.js';

interface ServeFlags {
  port?: number;
  host?: string;
  /** false with --no-runner */
  runner: boolean;
  tlsCert?: string;
  tlsKey?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Start the Ferry API server (port 9133; FERRY_* variables configure it, DATABASE_URL picks PostgreSQL)',
    )
    .option('--port <n>', 'port to listen on (default FERRY_PORT or 9133)', intOption('--port'))
    .option('--host <address>', 'address to listen on (default FERRY_HOST or 127.0.0.1)')
    .option(
      '--no-runner',
      'on PostgreSQL, only queue lifecycle runs: `ferry runs worker` processes execute them (FERRY_SERVE_RUNNER=false)',
    )
    .option('--tls-cert <file>', 'PEM certificate (chain) file: serve HTTPS (default FERRY_TLS_CERT)')
    .option('--tls-key <file>', 'PEM private key file of the certificate (default FERRY_TLS_KEY)')
    .action(
      action(async (flags: ServeFlags) => {
        const config = loadServerConfig({
          ...process.env,
          ...(flags.port !== undefined ? { FERRY_PORT: String(flags.port) } : {}),
          ...(flags.host !== undefined ? { FERRY_HOST: flags.host } : {}),
          ...(flags.runner === false ? { FERRY_SERVE_RUNNER: 'false' } : {}),
          ...(flags.tlsCert !== undefined ? { FERRY_TLS_CERT: flags.tlsCert } : {}),
          ...(flags.tlsKey !== undefined ? { FERRY_TLS_KEY: flags.tlsKey } : {}),
        });
        const server = await startServer(config);
        process.stdout.write(
          `Ferry ${config.mode} server listening on ${server.url} (API explorer at ${server.url}/docs)\n`,
        );
        const signal = await untilStopped();
        await server.close();
        process.stdout.write(`Stopped on ${signal}\n`);
        return 0;
      }),
    );
}

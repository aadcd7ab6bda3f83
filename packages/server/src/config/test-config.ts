import { join } from 'node:path';
import type { ServerConfig } from './server-config.js';
import { loadServerConfig } from './server-config.js';

/**
 * A configuration for tests: test mode, silent logs, cheap password hashing, and the given overrides.
 *
 * @example
 * const config = loadTestConfig({ dataDir: await mkdtemp(...) });
 */
export function loadTestConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const base = loadServerConfig({
    FERRY_MODE: 'test',
    FERRY_LOG_LEVEL: 'silent',
    FERRY_ARGON2_MEMORY_KIB: '1024',
    FERRY_ARGON2_ITERATIONS: '1',
    FERRY_BOOTSTRAP_ADMIN_PASSWORD: 'correct horse battery staple',
  });
  // No checkpoint timer (tests write anchors when they choose), and the anchor file in the test's own data folder.
  const auditAnchors = {
    ...base.auditAnchors,
    checkpointSeconds: 0,
    ...(overrides.dataDir ? { file: join(overrides.dataDir, 'audit-anchors.jsonl') } : {}),
  };
  return { ...base, auditAnchors, ...overrides };
}

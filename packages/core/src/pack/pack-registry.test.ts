import { describe, expect, it } from 'vitest';
import type { Pack, PackPreset } from './pack.js';
import { PackRegistry } from './pack-registry.js';

const fail = () => Promise.reject(new Error('not used'));
const preset = (name: string): PackPreset => ({
  name,
  description: `${name} export`,
  sourceCatalog: fail,
  contract: fail,
  crosswalks: fail,
  generate: fail,
});
const pack = (name: string, presets: PackPreset[] = []): Pack => ({
  name,
  description: `${name} pack`,
  sourceCatalog: fail,
  targetCatalog: fail,
  crosswalks: fail,
  contract: fail,
  qualityChecks: fail,
  codeSets: fail,
  gateThresholds: fail,
  generate: fail,
  presets,
});

describe('PackRegistry', () => {
  const a = pack('alpha');
  const b = pack('beta', [preset('one'), preset('two')]);
  const registry = new PackRegistry([a, b]);

  it('finds packs and presets by name; a preset keeps the pack and takes its source side', () => {
    expect(registry.names()).toEqual(['alpha', 'beta', 'beta:one', 'beta:two']);
    expect(registry.get('alpha')).toBe(a);
    const two = registry.get('beta:two');
    expect(two.name).toBe('beta:two');
    expect(two.description).toBe('beta pack (two export)');
    expect(two.contract).toBe(b.presets![1]!.contract);
    expect(two.targetCatalog).toBe(b.targetCatalog);
  });

  it('refuses an unknown pack or preset with one error naming the known ones', () => {
    for (const name of ['gamma', 'beta:three', 'alpha:one', 'beta:one:x'])
      expect(() => registry.get(name)).toThrow(`Unknown pack '${name}'. Known packs: alpha, beta, beta:one, beta:two`);
  });

  it('refuses a pack registered twice or with a name that would clash with preset naming', () => {
    expect(() => new PackRegistry([a, a])).toThrow("Pack 'alpha' is registered twice");
    expect(() => new PackRegistry([pack('a:b')])).toThrow("Pack name 'a:b' is not lower-case letters, digits and -");
  });
});

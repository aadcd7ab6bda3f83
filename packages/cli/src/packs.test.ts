import { describe, expect, it } from 'vitest';
import { loadPack } from './packs.js';

describe('loadPack', () => {
  it('finds the shipped packs and the optical vendor presets', async () => {
    expect(loadPack('nhs-pas').name).toBe('nhs-pas');
    expect(loadPack('optical').name).toBe('optical');
    const acuity = loadPack('optical:acuity');
    expect(acuity.name).toBe('optical:acuity');
    expect((await acuity.contract()).sourceSystem).toBe('ACUITY');
    expect((await acuity.sourceCatalog()).tables.map((t) => t.name)).toContain('spectacleRx');
  });

  it('names every known pack and preset for an unknown one', () => {
    expect(() => loadPack('optical:vision')).toThrow(
      "Unknown pack 'optical:vision'. Known packs: nhs-pas, optical, optical:optix, optical:occuco, optical:acuity",
    );
  });
});

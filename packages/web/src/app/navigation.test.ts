import { describe, expect, it } from 'vitest';
import { hrefOf, navigation } from './navigation';

describe('navigation', () => {
  it('groups the sidebar Overview / Design / Execution / Ops', () => {
    expect(navigation.map((g) => g.label)).toEqual(['Overview', 'Design', 'Execution', 'Ops']);
  });

  it('links project pages under the open project, and none without one', () => {
    const mappings = navigation[1]!.items.find((i) => i.label === 'Mappings')!;
    expect(hrefOf(mappings, 'p1')).toBe('/projects/p1/mappings');
    expect(hrefOf(mappings, null)).toBeNull();
    const audit = navigation[3]!.items.find((i) => i.label === 'Audit')!;
    expect(hrefOf(audit, null)).toBe('/admin/audit');
  });

  it('names the permission every entry but Settings needs', () => {
    const without = navigation.flatMap((g) => g.items).filter((i) => !i.permission);
    expect(without.map((i) => i.label)).toEqual(['Settings']);
  });

  it('lists the target databases under Ops, for those who may read them', () => {
    const targets = navigation[3]!.items.find((i) => i.label === 'Targets')!;
    expect(targets.permission).toBe('target.read');
    expect(hrefOf(targets, null)).toBe('/settings/targets');
  });

  it('lists the ERD under Design, next to Schemas, for those who may read catalogs', () => {
    const design = navigation.find((g) => g.label === 'Design')!;
    const labels = design.items.map((i) => i.label);
    expect(labels.indexOf('ERD')).toBe(labels.indexOf('Schemas') + 1);
    const erd = design.items.find((i) => i.label === 'ERD')!;
    expect(erd.permission).toBe('catalog.read');
    expect(hrefOf(erd, 'p1')).toBe('/projects/p1/erd');
  });
});

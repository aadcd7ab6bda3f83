import { describe, expect, it } from 'vitest';
import type { Catalog } from '../catalog/catalog-model.js';
import { buildMatchingFeatures } from './catalog-features.js';
import { findTableCopies } from './table-copies.js';

const col = (name: string, primaryKey = false) => ({
  name,
  dataType: 'string' as const,
  nullable: !primaryKey,
  primaryKey,
  description: '',
});
const patient = ['pat_id', 'surname', 'forename', 'dob', 'sex', 'postcode'];
const audit = ['crt_usr', 'crt_dt'];
const source: Catalog = {
  version: 1,
  name: 'src',
  tables: [
    { name: 'pat', inScope: true, columns: [...patient, ...audit].map((c, i) => col(c, i === 0)) },
    {
      name: 'pat_log',
      inScope: true,
      columns: ['log_id', ...patient, 'action', ...audit].map((c, i) => col(c, i === 0)),
    },
    { name: 'pat_arch', inScope: true, columns: [...patient, ...audit].map((c, i) => col(c, i === 0)) },
    { name: 'alert', inScope: true, columns: ['alert_id', 'pat_id', 'text', ...audit].map((c, i) => col(c, i === 0)) },
    { name: 'visit', inScope: true, columns: ['visit_id', 'pat_id', 'ward', ...audit].map((c, i) => col(c, i === 0)) },
  ],
};
const target: Catalog = { version: 1, name: 't', tables: [] };

describe('findTableCopies', () => {
  const features = buildMatchingFeatures(source, target);

  it('finds a table holding every column of another and more, and no ordinary table sharing audit columns', () => {
    const copies = findTableCopies(features.source);
    expect(copies.get('pat_log')).toEqual({ of: 'pat', reason: 'holds every column of pat and 2 more' });
    expect(copies.has('pat')).toBe(false);
    expect(copies.has('alert')).toBe(false);
    expect(copies.has('visit')).toBe(false);
  });

  it('takes the one of two same-shaped tables without rows, or named as a copy, for the copy', () => {
    expect(findTableCopies(features.source).get('pat_arch')?.of).toBe('pat');
    const rows = new Map([
      ['pat', 10],
      ['pat_arch', 0],
      ['alert', 0],
    ]);
    const copies = findTableCopies(features.source, rows);
    expect(copies.get('pat_arch')?.of).toBe('pat');
    expect(copies.get('alert')).toEqual({ reason: 'no rows' });
  });
});

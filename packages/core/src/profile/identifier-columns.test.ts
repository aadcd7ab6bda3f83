import { describe, expect, it } from 'vitest';
import type { Catalog } from '../catalog/catalog-model.js';
import { catalogIdentifierColumns } from './identifier-columns.js';

const col = (name: string, extra: object = {}) => ({
  name,
  dataType: 'string' as const,
  nullable: true,
  primaryKey: false,
  description: '',
  ...extra,
});

describe('catalogIdentifierColumns', () => {
  it('answers the declared kind for flagged columns, true for keys and references, false otherwise', () => {
    const catalog: Catalog = {
      version: 1,
      name: 'c',
      tables: [
        {
          name: 'NOK',
          inScope: true,
          columns: [
            col('NOK_ID', { primaryKey: true, nullable: false }),
            col('PAT_ID', { references: 'NOK.NOK_ID' }),
            col('CASE_REF', { identifier: 'hospital_number' }),
            col('RELATION'),
          ],
        },
      ],
    };
    const ids = catalogIdentifierColumns(catalog);
    expect(['NOK_ID', 'PAT_ID', 'CASE_REF', 'RELATION'].map((c) => ids('NOK', c))).toEqual([
      true,
      true,
      'hospital_number',
      false,
    ]);
    expect(ids('OTHER', 'CASE_REF')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { addMinutes, compact, fhirDate, ukDateTime } from './fhir-values.js';

describe('FHIR values from LOAD text', () => {
  it('gives UK wall-clock times their offset: GMT in winter, BST in summer, across the changeover', () => {
    expect(ukDateTime('2026-01-15 09:30:00')).toBe('2026-01-15T09:30:00+00:00');
    expect(ukDateTime('2026-07-01 14:05')).toBe('2026-07-01T14:05:00+01:00');
    expect(ukDateTime('2026-03-29 00:30:00')).toBe('2026-03-29T00:30:00+00:00');
    expect(ukDateTime('2026-03-29 03:00:00')).toBe('2026-03-29T03:00:00+01:00');
    expect(ukDateTime('2026-10-25 03:00:00')).toBe('2026-10-25T03:00:00+00:00');
    expect(ukDateTime('2026-02-01')).toBe('2026-02-01');
    expect(ukDateTime(undefined)).toBeUndefined();
    expect(ukDateTime('not a date')).toBeUndefined();
  });

  it('adds minutes keeping the offset, and keeps only real dates', () => {
    expect(addMinutes('2026-07-01T23:50:00+01:00', 15)).toBe('2026-07-02T00:05:00+01:00');
    expect(addMinutes('2026-07-01T10:00:00+01:00', 0)).toBe('2026-07-01T10:00:00+01:00');
    expect(fhirDate('2026-07-01 10:00:00')).toBe('2026-07-01');
    expect(fhirDate('01/07/2026')).toBeUndefined();
  });

  it('drops empty values, arrays and objects so that no empty element is written', () => {
    expect(
      compact({ a: '', b: undefined, c: [], d: {}, e: [{ x: undefined }, { y: 'v' }], f: { g: { h: '' } }, i: 0 }),
    ).toEqual({ e: [{ y: 'v' }], i: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { titleCase, transformSteps } from './transform-steps.js';

const run = (step: string, v: string) => transformSteps[step]!(v);

describe('transform steps', () => {
  it('title-cases names at spaces, hyphens and apostrophes', () => {
    expect(titleCase("O'BRIEN")).toBe("O'Brien");
    expect(titleCase('SMITH-JONES')).toBe('Smith-Jones');
    expect(titleCase('MCDONALD')).toBe('Mcdonald');
    expect(titleCase('mary ann')).toBe('Mary Ann');
  });

  it('title-cases like its code-point-by-code-point definition, on any text', () => {
    const reference = (value: string) => {
      let out = '';
      let upperNext = true;
      for (const ch of value.toLowerCase()) {
        out += upperNext ? ch.toUpperCase() : ch;
        upperNext = ch === ' ' || ch === '-' || ch === "'";
      }
      return out;
    };
    const alphabet = ['a', 'B', ' ', '-', "'", 'ß', 'ǆ', 'é', 'İ', '😀', '\ud801\udc28', 'x', 'Ω'];
    let seed = 3;
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      for (let k = (i % 9) + 1; k > 0; k--) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += alphabet[seed % alphabet.length];
      }
      expect(titleCase(s), s).toBe(reference(s));
    }
  });

  it('normalises and validates NHS numbers', () => {
    expect(run('nhs_number', '943 476 5919')).toEqual({ ok: true, value: '9434765919' });
    expect(run('nhs_number', '943-476-5918').ok).toBe(false);
    expect(run('nhs_number', '999 123 4560').ok).toBe(false);
    expect(run('nhs_number', '1111111111')).toEqual({ ok: true, value: '1111111111' });
  });

  it('parses UK and ISO dates and rejects impossible ones', () => {
    expect(run('date', '03/02/1961')).toEqual({ ok: true, value: '1961-02-03' });
    expect(run('date', '1961-02-03')).toEqual({ ok: true, value: '1961-02-03' });
    expect(run('date', '29/02/2023').ok).toBe(false);
    expect(run('date', '12/2019').ok).toBe(false);
    expect(run('datetime', '01/03/2024 14:05')).toEqual({ ok: true, value: '2024-03-01 14:05:00' });
  });

  it('normalises postcodes, integers, flags and phones', () => {
    expect(run('postcode', ' sw1a1aa ')).toEqual({ ok: true, value: 'SW1A 1AA' });
    expect(run('integer', '007')).toEqual({ ok: true, value: '7' });
    expect(run('integer', '7.5').ok).toBe(false);
    expect(run('yn', 'true')).toEqual({ ok: true, value: 'Y' });
    expect(run('yn', 'maybe').ok).toBe(false);
    expect(run('phone', '+44 (0)20 7946 0000')).toEqual({ ok: true, value: '+4402079460000' });
  });
});

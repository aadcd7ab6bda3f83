import { describe, expect, it } from 'vitest';
import { detectValueTraits } from './format-detector.js';

describe('detectValueTraits', () => {
  it('recognises integers and decimals with their numeric value', () => {
    expect(detectValueTraits('-42')).toMatchObject({ integer: true, decimal: true, numeric: -42 });
    expect(detectValueTraits('3.50')).toMatchObject({ integer: false, decimal: true, numeric: 3.5 });
    expect(detectValueTraits('1e5')).toMatchObject({ integer: false, decimal: false, numeric: undefined });
  });

  it('recognises UK and ISO dates, and flags impossible calendar dates by shape only', () => {
    expect(detectValueTraits('03/02/1961')).toMatchObject({ dateShape: 'dd/mm/yyyy', isoDate: '1961-02-03' });
    expect(detectValueTraits('3/2/1961')).toMatchObject({ dateShape: 'd/m/yyyy', isoDate: '1961-02-03' });
    expect(detectValueTraits('1961-02-03')).toMatchObject({ dateShape: 'yyyy-mm-dd', isoDate: '1961-02-03' });
    expect(detectValueTraits('31/02/2020')).toMatchObject({ dateShape: 'dd/mm/yyyy', isoDate: undefined });
  });

  it('recognises date-times in both layouts', () => {
    expect(detectValueTraits('03/02/2024 14:05')).toMatchObject({
      datetimeShape: 'dd/mm/yyyy hh:mm',
      isoDateTime: '2024-02-03 14:05:00',
    });
    expect(detectValueTraits('2024-02-03T14:05:09')).toMatchObject({
      datetimeShape: 'yyyy-mm-dd hh:mm:ss',
      isoDateTime: '2024-02-03 14:05:09',
    });
  });

  it('recognises NHS numbers, rejecting a wrong check digit and repdigits', () => {
    expect(detectValueTraits('9434765919')).toMatchObject({ nhsShaped: true, nhsValid: true, integer: true });
    expect(detectValueTraits('943 476 5919')).toMatchObject({ nhsShaped: true, nhsValid: true, integer: false });
    expect(detectValueTraits('9434765918')).toMatchObject({ nhsShaped: true, nhsValid: false });
    expect(detectValueTraits('4444444444')).toMatchObject({ nhsShaped: true, nhsValid: false });
    expect(detectValueTraits('943476591')).toMatchObject({ nhsShaped: false });
  });

  it('recognises postcodes and flags', () => {
    expect(detectValueTraits('SW1A 1AA').postcode).toBe(true);
    expect(detectValueTraits('ZZ99 3VZ').postcode).toBe(true);
    expect(detectValueTraits('Q1 1AA').postcode).toBe(false);
    expect(detectValueTraits('y').flag).toBe(true);
    expect(detectValueTraits('No').flag).toBe(true);
    expect(detectValueTraits('MAYBE').flag).toBe(false);
  });
});

import { StepFailure } from '@ferry/core';
import { describe, expect, it } from 'vitest';
import { opticalSteps } from './optical-steps.js';

const run = (step: string, v: string) => {
  const r = opticalSteps[step]!(v);
  return r instanceof StepFailure ? `invalid: ${r.reason}` : r;
};

describe('optical transform steps', () => {
  it('rx_power reads signed, unsigned and plano powers into two decimals', () => {
    expect(['+1.25', '-0.5', '2', 'PL', 'Plano', 'DS', '-3.00 DS', '.75'].map((v) => run('rx_power', v))).toEqual([
      '1.25',
      '-0.50',
      '2.00',
      '0.00',
      '0.00',
      '0.00',
      '-3.00',
      '0.75',
    ]);
    expect(run('rx_power', 'abc')).toMatch(/^invalid/);
  });

  it('transposes a plus-cylinder prescription to minus-cylinder form', () => {
    // +1.00 / +0.50 x 90 (plus-cyl) is +1.50 / -0.50 x 180 (minus-cyl).
    expect(run('rx_sphere_minus_cyl', '+1.00 +0.50')).toBe('1.50');
    expect(run('rx_cyl_minus_cyl', '+0.50')).toBe('-0.50');
    expect(run('rx_axis_minus_cyl', '+0.50 90')).toBe('180');
    // -2.00 / +1.25 x 135 is -0.75 / -1.25 x 45.
    expect(run('rx_sphere_minus_cyl', '-2.00 +1.25')).toBe('-0.75');
    expect(run('rx_axis_minus_cyl', '+1.25 135')).toBe('45');
  });

  it('leaves a minus-cylinder or spherical prescription as it is', () => {
    expect(run('rx_sphere_minus_cyl', '-2.00 -1.25')).toBe('-2.00');
    expect(run('rx_cyl_minus_cyl', '-1.25')).toBe('-1.25');
    expect(run('rx_axis_minus_cyl', '-1.25 135')).toBe('135');
    expect(run('rx_sphere_minus_cyl', '+3.25')).toBe('3.25');
    // A cylinder with no axis leaves the axis blank; an axis with no cylinder is kept for the checks to flag.
    expect(run('rx_axis_minus_cyl', '+0.75')).toBe('');
    expect(run('rx_axis_minus_cyl', '90')).toBe('90');
    expect(run('rx_axis_minus_cyl', '+0.75 ninety')).toMatch(/^invalid/);
  });

  it('rx_axis reads whole degrees, 0 as 180', () => {
    expect(run('rx_axis', '0')).toBe('180');
    expect(run('rx_axis', '045')).toBe('45');
    expect(run('rx_axis', '12.5')).toMatch(/^invalid/);
  });

  it('va_snellen writes US 20/x notation as 6/x and keeps other notations', () => {
    expect(['20/20', '20/25', '20/200', '20/15', '6/9', 'cf', ' hm ', '6/8'].map((v) => run('va_snellen', v))).toEqual([
      '6/6',
      '6/7.5',
      '6/60',
      '6/4.5',
      '6/9',
      'CF',
      'HM',
      '6/8',
    ]);
  });

  it('zip_or_postcode keeps US ZIP codes and formats UK postcodes', () => {
    expect(['04101', '04101-1234', 'sw1a1aa', 'LS1 4AB'].map((v) => run('zip_or_postcode', v))).toEqual([
      '04101',
      '04101-1234',
      'SW1A 1AA',
      'LS1 4AB',
    ]);
  });
});

import { StepFailure, type StringStep } from '@ferry/core';

const badPower = new StepFailure('not a lens power in dioptres (e.g. -1.25, +0.50, PL)');
const badAxis = new StepFailure('not a cylinder axis in whole degrees');
const badRx = new StepFailure('not a sphere and cylinder pair');
const plano = new Set(['PL', 'PLANO', 'PLAN', 'DS', 'SPH', 'INFINITY', '0']);
const powerText = /^[+-]?(\d+(\.\d*)?|\.\d+)(\s*(D|DS|DC))?$/i;

/** Dioptres in hundredths, or undefined when the text is not a power. Plano spellings are 0. */
export function powerHundredths(text: string): number | undefined {
  const t = text.trim().toUpperCase();
  if (plano.has(t)) return 0;
  if (!powerText.test(t)) return undefined;
  return Math.round(Number.parseFloat(t.replace(/\s*(DS|DC|D)$/, '')) * 100);
}

/** Hundredths of a dioptre as the target holds them: `-1.25`, `0.00`, `2.50`. */
export function powerText2(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}

function cylinderToken(t: string): boolean {
  return t.includes('.') || t.startsWith('+') || t.startsWith('-') || plano.has(t.toUpperCase());
}

/** Transposes an axis by 90 degrees, staying in 1..180. */
export function transposeAxis(axis: number): number {
  return axis <= 90 ? axis + 90 : axis - 90;
}

function axisValue(t: string): number | undefined {
  if (!/^\d{1,3}$/.test(t)) return undefined;
  const n = Number(t);
  return n === 0 ? 180 : n;
}

/**
 * Optical transform steps of the optical pack. Prescriptions from systems that write plus-cylinder form are turned
 * into minus-cylinder form (the UK convention the target holds) by three steps over the same source columns:
 * sphere' = sphere + cylinder, cylinder' = -cylinder, axis' = axis +/- 90, applied only when the cylinder is
 * positive (a minus cylinder is already in the target's form).
 */
export const opticalSteps: Record<string, StringStep> = {
  /** A lens power: `+1.25`, `-0.5`, `PL`/`Plano`/`DS` (0) -> `1.25`, `-0.50`, `0.00`. */
  rx_power: (v) => {
    const h = powerHundredths(v);
    return h === undefined ? badPower : powerText2(h);
  },
  /** A cylinder axis in whole degrees; 0 (written by some systems for 180) -> 180. */
  rx_axis: (v) => {
    const a = axisValue(v.trim());
    return a === undefined ? badAxis : String(a);
  },
  /** `SPHERE CYLINDER` (joined with a space) -> the minus-cylinder sphere. A lone value is the sphere. */
  rx_sphere_minus_cyl: (v) => {
    const parts = v.trim().split(/\s+/);
    if (parts.length > 2) return badRx;
    const s = powerHundredths(parts[0]!);
    const c = parts.length === 2 ? powerHundredths(parts[1]!) : 0;
    if (s === undefined || c === undefined) return badRx;
    return powerText2(c > 0 ? s + c : s);
  },
  /** A cylinder -> minus-cylinder form (a positive cylinder changes sign). */
  rx_cyl_minus_cyl: (v) => {
    const c = powerHundredths(v);
    if (c === undefined) return badPower;
    return powerText2(c > 0 ? -c : c);
  },
  /**
   * `CYLINDER AXIS` (joined with a space) -> the minus-cylinder axis (turned by 90 degrees when the cylinder is
   * positive). Alone, a value with a sign or a decimal point is a cylinder with no axis (blank), a whole number is an
   * axis with no cylinder (kept, for the quality checks to flag).
   */
  rx_axis_minus_cyl: (v) => {
    const parts = v.trim().split(/\s+/);
    if (parts.length === 1) {
      if (cylinderToken(parts[0]!)) return powerHundredths(parts[0]!) === undefined ? badRx : '';
      const a = axisValue(parts[0]!);
      return a === undefined ? badAxis : String(a);
    }
    if (parts.length !== 2) return badRx;
    const c = powerHundredths(parts[0]!);
    const a = axisValue(parts[1]!);
    if (c === undefined || a === undefined) return badRx;
    return String(c > 0 ? transposeAxis(a) : a);
  },
  /** Distance VA as UK Snellen: `20/20` (feet) -> `6/6`, `6/6` kept, `cf`/`hm`/`pl`/`npl` upper-cased. */
  va_snellen: (v) => {
    const t = v.trim().toUpperCase().replace(/\s+/g, '');
    const us = /^20\/(\d+)$/.exec(t);
    if (us) {
      const metres = (Number(us[1]) * 6) / 20;
      return `6/${Number.isInteger(metres) ? metres : metres.toFixed(1)}`;
    }
    return t;
  },
  /** A US ZIP code (`12345`, `12345-6789`) kept; anything else written as a UK postcode. */
  zip_or_postcode: (v) => {
    const t = v.trim();
    if (/^\d{5}(-\d{4})?$/.test(t)) return t;
    const compact = t.replace(/\s+/g, '').toUpperCase();
    return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
  },
};

import type { DateFormatName } from '@ferry/core';
import type { VendorName } from '../model/code-sets.js';

/** How one outgoing system names and writes its export. */
export interface VendorSpec {
  name: VendorName;
  /** Display name. */
  label: string;
  description: string;
  /** The export file (source table) of each target table. */
  tables: Readonly<Record<string, string>>;
  /** The column a target column comes from in this export (`table` is the target table). */
  column(table: string, target: string): string;
  /** The source date format of date and date-time columns (declared in the contract: never guessed). */
  dateFormat: DateFormatName;
  /** Writes a date (`yyyy-mm-dd`) and a date-time (`yyyy-mm-dd hh:mm:ss`) as the export does. */
  writeDate(iso: string): string;
  writeDateTime(iso: string): string;
  /** Writes a Y/N flag. */
  writeFlag(yn: string): string;
  /** Writes signed dioptres (hundredths) as the export does. */
  writePower(hundredths: number): string;
  /** Writes a Snellen 6/x VA as the export does. */
  writeVa(va: string): string;
  /** Writes a phone number (digits) as the export does. */
  writePhone(digits: string): string;
  /** Writes a postcode as the export does. */
  writePostcode(postcode: string): string;
  /** Prescriptions in plus-cylinder form (transposed to minus-cylinder on import). */
  plusCylinder: boolean;
  /** Telephone numbers are US numbers (10 digits), addresses may carry a US ZIP code. */
  usLocale: boolean;
}

/** `right_objective_sphere` -> `RightObjectiveSphere`. */
export function pascalCase(snake: string): string {
  return snake
    .split('_')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join('');
}

/** `right_objective_sphere` -> `rightObjectiveSphere`. */
export function camelCase(snake: string): string {
  const p = pascalCase(snake);
  return p[0]!.toLowerCase() + p.slice(1);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function isoParts(iso: string): { y: string; m: string; d: string; hh: number; mi: string } {
  return {
    y: iso.slice(0, 4),
    m: iso.slice(5, 7),
    d: iso.slice(8, 10),
    hh: Number(iso.slice(11, 13) || '0'),
    mi: iso.slice(14, 16) || '00',
  };
}

/** Signed dioptres with two decimals and an explicit sign: `+1.25`, `-0.50`, `+0.00`. */
export function signedPower(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '+';
  return `${sign}${(Math.abs(hundredths) / 100).toFixed(2)}`;
}

/** Snellen 6/x as US 20/x (feet): 6/6 -> 20/20, 6/7.5 -> 20/25, 6/60 -> 20/200. */
export function usSnellen(va: string): string {
  const m = /^6\/(\d+(?:\.\d+)?)$/.exec(va);
  if (!m) return va;
  const feet = (Number(m[1]) * 20) / 6;
  return Number.isInteger(feet) ? `20/${feet}` : va;
}

export { pad2 };

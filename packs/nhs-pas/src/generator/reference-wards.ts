import { dayFromIso, type SeededRandom, ukForename, ukLandline, ukSurname } from '@ferry/core';
import type { SiteRef, WardRef } from './reference-data.js';

const opened = dayFromIso('1998-04-01');

const wardPlan: ReadonlyArray<readonly [number, string, string, string, string, WardRef['sex'], boolean]> = [
  // site, code, name, type, tfc, sex, day case
  [1, 'AMU', 'Acute Medical Unit', 'MED', '300', 'X', false],
  [1, 'W2', 'Ward 2', 'MED', '300', 'X', false],
  [1, 'W3', 'Ward 3 (Respiratory)', 'MED', '340', 'X', false],
  [1, 'W4', 'Ward 4 (Cardiology)', 'MED', '320', 'X', false],
  [1, 'CCU', 'Coronary Care Unit', 'MED', '320', 'X', false],
  [1, 'W5', 'Ward 5 (Gastroenterology)', 'MED', '301', 'X', false],
  [1, 'W6', 'Ward 6 (Neurology)', 'MED', '400', 'X', false],
  [1, 'ASH', 'Ash Ward', 'COE', '430', 'F', false],
  [1, 'BEECH', 'Beech Ward', 'COE', '430', 'M', false],
  [1, 'W7', 'Ward 7 (Surgical Assessment)', 'SURG', '100', 'X', false],
  [1, 'W8', 'Ward 8 (General Surgery)', 'SURG', '100', 'X', false],
  [1, 'W9', 'Ward 9 (Urology)', 'SURG', '101', 'X', false],
  [1, 'W10', 'Ward 10 (Trauma)', 'SURG', '110', 'X', false],
  [1, 'W11', 'Ward 11 (ENT and Head and Neck)', 'SURG', '120', 'X', false],
  [1, 'GYN', 'Gynaecology Ward', 'SURG', '502', 'F', false],
  [1, 'MAPLE', 'Maple Ward (Children)', 'PAED', '420', 'X', false],
  [1, 'DSU', 'Day Surgery Unit', 'DC', '100', 'X', true],
  [1, 'EDU', 'Endoscopy Day Unit', 'DC', '301', 'X', true],
  [1, 'MDU', 'Medical Day Unit', 'DC', '410', 'X', true],
  [1, 'W13', 'Ward 13', 'MED', '300', 'X', false],
  [2, 'ROWAN', 'Rowan Ward (Rehabilitation)', 'COE', '430', 'X', false],
  [2, 'HOLLY', 'Holly Ward', 'COE', '430', 'X', false],
  [3, 'EYEDC', 'Eye Day Case Unit', 'DC', '130', 'X', true],
  [3, 'ORTHO', 'Elective Orthopaedic Ward', 'SURG', '110', 'X', false],
  [3, 'SKIN', 'Dermatology Treatment Room', 'DC', '330', 'X', true],
  [4, 'CALDER', 'Calder Ward', 'MH', '710', 'M', false],
  [4, 'WHARFE', 'Wharfe Ward', 'MH', '710', 'F', false],
  [4, 'AIRE', 'Aire Ward (PICU)', 'MH', '710', 'X', false],
];

/** The wards of the trust's sites (one closed in 2019); treatment functions without a local code are left blank. */
export function buildWards(rng: SeededRandom, sites: SiteRef[], specialtyCode: Map<string, string>): WardRef[] {
  return wardPlan.map(([siteId, code, name, type, tfc, sex, dayCase], i) => {
    const closed = code === 'W13';
    return {
      id: 201 + i,
      code,
      name,
      siteId: sites[siteId - 1]!.id,
      type,
      beds: dayCase ? rng.int(8, 16) : rng.int(18, 32),
      sex,
      tfc: specialtyCode.has(tfc) ? tfc : undefined,
      mh: type === 'MH',
      dayCase,
      phone: ukLandline(rng),
      active: !closed,
      opened: opened + rng.int(0, 2000),
      closed: closed ? dayFromIso('2019-06-30') : undefined,
      sister: `${ukForename(rng, rng.chance(0.85) ? 'female' : 'male', rng.int(1965, 1992))} ${ukSurname(rng)}`,
    };
  });
}

import {
  gpCode,
  gpPracticeCode,
  gpPracticeName,
  randomInwardCode,
  type SeededRandom,
  ukForename,
  ukSurname,
  ukTowns,
} from '@ferry/core';

/** A GP practice of the catchment, with its GPs. */
export interface PracticeRef {
  code: string;
  name: string;
  postcode: string;
  town: string;
  gps: ReadonlyArray<{ code: string; name: string }>;
}

/** ODS-style practice code prefixes per town (letter and two digits; the rest is a serial). */
const prefixes: Record<string, string> = {
  Leeds: 'B86',
  Bradford: 'B83',
  Wakefield: 'B87',
  Huddersfield: 'B85',
  Halifax: 'B84',
  Harrogate: 'B82',
  York: 'B82',
  Sheffield: 'C88',
  Manchester: 'P84',
  London: 'F84',
  'Newcastle upon Tyne': 'A87',
};

/** The practices of every town: a handful per district, more in the bigger towns. */
export function buildPractices(rng: SeededRandom): Map<string, PracticeRef[]> {
  const out = new Map<string, PracticeRef[]>();
  const serials = new Map<string, number>();
  for (const town of ukTowns) {
    const list: PracticeRef[] = [];
    const prefix = prefixes[town.town] ?? 'Y01';
    for (const district of town.districts) {
      const n = town.town === 'Leeds' ? rng.int(2, 3) : 1;
      for (let i = 0; i < n; i++) {
        const serial = (serials.get(prefix) ?? rng.int(1, 40)) + rng.int(1, 5);
        serials.set(prefix, serial);
        const gps = Array.from({ length: rng.int(3, 8) }, () => {
          const sex = rng.chance(0.55) ? 'female' : 'male';
          const forename = ukForename(rng, sex, rng.int(1960, 1992));
          return { code: gpCode(rng), name: `Dr ${forename.slice(0, 1)} ${ukSurname(rng)}` };
        });
        list.push({
          code: gpPracticeCode(prefix, serial % 1000),
          name: gpPracticeName(rng, district.locality),
          postcode: `${district.outward} ${randomInwardCode(rng)}`,
          town: town.town,
          gps,
        });
      }
    }
    out.set(town.town, list);
  }
  return out;
}

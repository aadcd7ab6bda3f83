import { once } from 'node:events';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { localCodes, sourceHeader } from './bench-contract.mjs';

/** Seeded PRNG (mulberry32): the same file on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const surnames = [
  'SMITH',
  'JONES',
  "O'BRIEN",
  'TAYLOR',
  'BROWN',
  'WILLIAMS',
  'SMITH-JONES',
  'EVANS',
  'PATEL',
  'KHAN',
  'MCDONALD',
  'WILSON',
];
const forenames = [
  'JOHN',
  'MARY',
  'AMIR',
  'SARAH',
  'DAVID',
  'FATIMA',
  'JAMES',
  'EMMA',
  'OLIVER',
  'PRIYA',
  'ANNE MARIE',
];
const streets = ['High Street', 'Church Road', 'Station Road', 'Park Avenue', 'Mill Lane', 'Victoria Road'];
const towns = [
  ['LEEDS', 'LS1', 'LS6'],
  ['MANCHESTER', 'M1', 'M14'],
  ['BIRMINGHAM', 'B33', 'B15'],
  ['LONDON', 'SW1A', 'EC1A'],
  ['YORK', 'YO1', 'YO10'],
];
const inward = ['1AA', '2BD', '4FT', '9XY', '3QP', '6HN'];
const weights = [10, 9, 8, 7, 6, 5, 4, 3, 2];

function nhsNumber(stem) {
  const s = String(stem);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(s[i]) * weights[i];
  const c = 11 - (sum % 11);
  if (c === 10) return undefined;
  return s + (c === 11 ? 0 : c);
}

const pad = (n) => String(n).padStart(2, '0');
const quote = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * Writes the bench's legacy patient extract: mixed dd/mm/yyyy and ISO dates, NHS numbers with and without spaces and
 * about 1% with a bad check digit, local sex/ethnicity/marital codes, upper-case names, postcodes with and without the
 * space, quoted addresses with commas, CRLF line ends. Cached: an existing file of the right size is reused.
 */
export async function writePatientExtract(path, rows) {
  if (existsSync(`${path}.done`) && existsSync(path)) return statSync(path).size;
  const rnd = prng(20261122);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const out = createWriteStream(path);
  let buf = `${sourceHeader.join(',')}\r\n`;
  let stem = 0;
  for (let i = 1; i <= rows; i++) {
    // Stems cycle through the 999 test range (a million stems, a tenth without a valid check digit).
    let nhs;
    do nhs = nhsNumber(999000000 + (stem++ % 1000000));
    while (!nhs);
    if (rnd() < 0.01) nhs = nhs.slice(0, 9) + ((Number(nhs[9]) + 1) % 10);
    if (rnd() < 0.5) nhs = `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;
    const y = 1920 + Math.floor(rnd() * 100);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    const dob = rnd() < 0.5 ? `${pad(d)}/${pad(m)}/${y}` : `${y}-${pad(m)}-${pad(d)}`;
    const [town, out1, out2] = pick(towns);
    const pc = `${rnd() < 0.5 ? out1 : out2}${rnd() < 0.5 ? ' ' : ''}${pick(inward)}`;
    const address = `${1 + Math.floor(rnd() * 200)} ${pick(streets)}, Flat ${1 + Math.floor(rnd() * 9)}`;
    const dod = rnd() < 0.03 ? `${pad(d)}/${pad(m)}/${Math.min(2025, y + 60)}` : '';
    const reg = `${pad(1 + Math.floor(rnd() * 28))}/${pad(1 + Math.floor(rnd() * 12))}/${2000 + Math.floor(rnd() * 25)}`;
    const fields = [
      String(i),
      `H${String(i).padStart(7, '0')}`,
      nhs,
      pick(surnames),
      pick(forenames),
      dob,
      pick(localCodes.SEX),
      pick(localCodes.ETHNIC),
      pick(localCodes.MARITAL),
      address,
      town,
      pc,
      `0113 496 ${String(i % 10000).padStart(4, '0')}`,
      dod,
      reg,
      rnd() < 0.1 ? 'Prefers "Jim", hard of hearing' : '',
    ];
    buf += `${fields.map(quote).join(',')}\r\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  createWriteStream(`${path}.done`).end('');
  return statSync(path).size;
}

// Seeded synthetic values for the held-out test schemas. No real person's data: NHS numbers in the 999
// test range (passing Modulus 11), Ofcom drama phone numbers, invented names and addresses.

/** mulberry32: a small seeded generator, so the same declarations give the same files. */
export function seeded(seed) {
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
  'Smith',
  'Jones',
  'Patel',
  'Okafor',
  'Williams',
  'Brown',
  'Khan',
  'Evans',
  'Nowak',
  'Murphy',
  'Taylor',
  'Ahmed',
];
const forenames = [
  'Amelia',
  'Oliver',
  'Priya',
  'Noah',
  'Grace',
  'Mohammed',
  'Isla',
  'Jack',
  'Zofia',
  'Aoife',
  'Leo',
  'Ruth',
];
const titles = ['Mr', 'Mrs', 'Ms', 'Miss', 'Dr'];
const streets = ['High Street', 'Station Road', 'Church Lane', 'Mill View', 'Park Avenue', 'Victoria Road'];
const towns = ['Leeds', 'Bradford', 'Harrogate', 'Wakefield', 'York', 'Halifax'];
const postcodes = ['LS1 4AP', 'BD7 1DP', 'HG1 2RS', 'WF1 3JS', 'YO10 5DD', 'HX1 1UN', 'LS6 2QB', 'BD18 3LA'];
const words = ['review', 'follow', 'patient', 'request', 'letter', 'sent', 'urgent', 'noted', 'phoned', 'clinic'];
const users = ['jsmith', 'akhan', 'mpatel', 'system', 'rnowak', 'lbrown'];

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const pad = (n, w) => String(n).padStart(w, '0');

/** A 999-range NHS number passing Modulus 11. */
function nhsNumber(rnd) {
  for (;;) {
    const d = [9, 9, 9, ...Array.from({ length: 6 }, () => Math.floor(rnd() * 10))];
    const sum = d.reduce((s, x, i) => s + x * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return [...d, check === 11 ? 0 : check].join('');
  }
}

function randomDate(rnd, fromYear, toYear) {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear, 11, 31);
  return new Date(start + Math.floor(rnd() * ((end - start) / 86_400_000)) * 86_400_000);
}

const horologEpoch = Date.UTC(1840, 11, 31);
const iso = (d) => d.toISOString().slice(0, 10);
const hhmm = (rnd) => `${pad(Math.floor(rnd() * 24), 2)}:${pad(Math.floor(rnd() * 12) * 5, 2)}`;

/** Formats a date the way a source writes it. */
function writeDate(d, format, rnd) {
  switch (format) {
    case 'iso':
      return iso(d);
    case 'yyyymmdd':
      return iso(d).replaceAll('-', '');
    case 'horolog':
      return String(Math.round((d.getTime() - horologEpoch) / 86_400_000));
    case 'dmy':
      return `${pad(d.getUTCDate(), 2)}/${pad(d.getUTCMonth() + 1, 2)}/${d.getUTCFullYear()}`;
    case 'isodt':
      return `${iso(d)} ${hhmm(rnd)}:00`;
    case 'isot':
      return `${iso(d)}T${hhmm(rnd)}:00`;
    default:
      throw new Error(`unknown date format ${format}`);
  }
}

/**
 * One value of a kind, e.g. `id`, `fk`, `nhs`, `date:yyyymmdd:1930:2020`, `code:A,B,C`, `flag:Y,N`, `text`.
 * `row` is the 0-based row number; `parents` the row counts of referenced tables.
 */
export function value(kind, rnd, row, parentRows) {
  const [k, arg, from, to] = kind.split(':');
  switch (k) {
    case 'id':
      return String(row + 1 + Number(arg ?? 0));
    case 'fk':
      return String(1 + Math.floor(rnd() * parentRows) + Number(arg ?? 0));
    case 'hospno':
      return `${arg ?? 'H'}${pad(100000 + row * 7, 6)}`;
    case 'nhs':
      return rnd() < 0.05 ? '' : nhsNumber(rnd);
    case 'surname':
      return pick(rnd, surnames);
    case 'forename':
      return pick(rnd, forenames);
    case 'title':
      return pick(rnd, titles);
    case 'initials':
      return `${pick(rnd, forenames)[0]}${pick(rnd, surnames)[0]}`;
    case 'street':
      return `${1 + Math.floor(rnd() * 120)} ${pick(rnd, streets)}`;
    case 'town':
      return pick(rnd, towns);
    case 'county':
      return 'West Yorkshire';
    case 'postcode':
      return pick(rnd, postcodes);
    case 'phone':
      return `0113 496 ${pad(Math.floor(rnd() * 1000), 4)}`;
    case 'mobile':
      return `07700 900${pad(Math.floor(rnd() * 1000), 3)}`;
    case 'email':
      return `${pick(rnd, forenames).toLowerCase()}.${row}@example.org`;
    case 'user':
      return pick(rnd, users);
    case 'ods':
      return `${arg ?? 'B'}${pad(80000 + Math.floor(rnd() * 999), 5)}`;
    case 'gmc':
      return String(1000000 + Math.floor(rnd() * 8999999));
    case 'staff':
      return `${arg ?? 'C'}${pad(1 + Math.floor(rnd() * (Number(from) || 40)), 4)}`;
    case 'staffseq':
      return `${arg ?? 'C'}${pad(row + 1, 4)}`;
    case 'code':
      return pick(rnd, arg.split(','));
    case 'flag':
      return pick(rnd, (arg ?? 'Y,N').split(','));
    case 'bool':
      return pick(rnd, ['true', 'false']);
    case 'date':
      return rnd() < 0.1 ? '' : writeDate(randomDate(rnd, Number(from ?? 2015), Number(to ?? 2024)), arg, rnd);
    case 'time':
      return hhmm(rnd);
    case 'int':
      return String(Math.floor(rnd() * Number(arg ?? 100)));
    case 'seq':
      return String(1 + (row % 4));
    case 'uuid':
      return pad(Math.floor(rnd() * 1e12), 12);
    case 'text':
      return Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => pick(rnd, words)).join(' ');
    case 'word':
      return pick(rnd, arg ? arg.split(',') : words);
    case 'empty':
      return '';
    default:
      throw new Error(`unknown value kind ${kind}`);
  }
}

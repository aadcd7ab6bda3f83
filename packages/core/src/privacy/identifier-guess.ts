import type { IdentifierKind } from './identifier-kind.js';

/** What the guess reads about a column: its name and raw counts of the shapes its non-empty values took. */
export interface IdentifierEvidence {
  /** The column's name as the source writes it. */
  name: string;
  nonEmpty: number;
  nhsNumberShaped: number;
  nhsNumberValid: number;
  postcode: number;
  email: number;
  phone: number;
  /** Values that are real dates or date-times. */
  dates: number;
  /** Values of letters, spaces, hyphens and apostrophes only (how names are written). */
  alphabetic: number;
}

/** Share of non-empty values that must take a shape for the shape alone to mark the column. */
export const identifierShapeShare = 0.8;

/** Name words, split from `PAT_SURNAME`, `firstName`, `date-of-birth`: lower case. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

const nameWordsOfNames = new Set([
  'surname',
  'forename',
  'forenames',
  'firstname',
  'lastname',
  'givenname',
  'familyname',
  'middlename',
  'middlenames',
  'maidenname',
  'knownas',
  'fullname',
  'patientname',
]);
const nameQualifiers = new Set(['first', 'last', 'given', 'family', 'middle', 'maiden', 'full', 'birth', 'previous']);
const hospitalNumberJoined = new Set([
  'mrn',
  'hospno',
  'hospnum',
  'casenote',
  'casenotes',
  'pasno',
  'pasid',
  'crn',
  'urn',
]);

/** Whether the column's name says it holds people's names (SURNAME, FORENAME, first_name, KNOWN_AS). */
function namedAsName(words: string[]): boolean {
  const joined = words.join('');
  if (nameWordsOfNames.has(joined)) return true;
  if (words.some((w) => nameWordsOfNames.has(w))) return true;
  const i = words.indexOf('name');
  return i > 0 && nameQualifiers.has(words[i - 1]!);
}

function namedAsDateOfBirth(words: string[]): boolean {
  const joined = words.join('');
  return words.includes('dob') || joined.includes('dateofbirth') || joined.includes('birthdate') || joined === 'born';
}

function namedAsHospitalNumber(words: string[]): boolean {
  const joined = words.join('');
  if (hospitalNumberJoined.has(joined) || words.includes('mrn')) return true;
  if (words.includes('hosp') || words.includes('hospital')) {
    return words.some((w) => ['no', 'num', 'number', 'id', 'ref'].includes(w));
  }
  return (words.includes('case') && words.includes('note')) || joined.includes('casenote');
}

/**
 * Guesses whether a column identifies people, and how, from the shape of its values and, for shapes values cannot
 * show (names, dates of birth, hospital numbers), from its name. Shapes decide first: a column of valid NHS numbers
 * is one whatever it is called. Undefined when nothing marks the column.
 *
 * @example
 * guessIdentifier({ name: 'PAT_SURNAME', nonEmpty: 30, alphabetic: 30, ... }) // => 'name'
 * guessIdentifier({ name: 'C7', nonEmpty: 30, email: 29, ... }) // => 'email'
 */
export function guessIdentifier(e: IdentifierEvidence): IdentifierKind | undefined {
  const n = e.nonEmpty;
  const words = nameWords(e.name);
  if (n > 0) {
    const shaped = (k: number) => k / n >= identifierShapeShare;
    if (shaped(e.nhsNumberShaped) && e.nhsNumberValid >= e.nhsNumberShaped / 2) return 'nhs_number';
    if (shaped(e.email)) return 'email';
    if (shaped(e.postcode)) return 'postcode';
    if (shaped(e.phone)) return 'phone';
    if (shaped(e.dates) && namedAsDateOfBirth(words)) return 'date_of_birth';
    if (shaped(e.alphabetic) && namedAsName(words)) return 'name';
    if (namedAsHospitalNumber(words)) return 'hospital_number';
    return undefined;
  }
  if (namedAsDateOfBirth(words)) return 'date_of_birth';
  if (namedAsName(words)) return 'name';
  if (namedAsHospitalNumber(words)) return 'hospital_number';
  return undefined;
}

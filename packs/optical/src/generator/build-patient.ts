import { platformCodes } from '../model/code-sets.js';
import type { OpticalDefect } from './defects.js';
import { dayOf, isoOf, type Random } from './random.js';

/** A row in target form: target column -> value ('' is blank). */
export type Row = Record<string, string>;

/** One patient's records, table by table, in target form, with the defect planned for it. */
export interface PatientRecords {
  rows: Record<string, Row[]>;
  defect?: OpticalDefect;
}

const firstNames = [
  'Amelia',
  'Oliver',
  'Isla',
  'George',
  'Ava',
  'Noah',
  'Mia',
  'Arthur',
  'Ivy',
  'Leo',
  'Grace',
  'Harry',
  'Freya',
  'Jack',
  'Lily',
  'Oscar',
  'Priya',
  'Mohammed',
  'Chloe',
  'Daniel',
];
const lastNames = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Wright',
  'Khan',
  'Walker',
  'Evans',
  'Thomas',
  'Roberts',
  'Smith-Jones',
  'Hughes',
  'Green',
  'Lewis',
  'Clarke',
];
const streets = [
  'High Street',
  'Station Road',
  'Church Lane',
  'Park Avenue',
  'Mill Road',
  'Victoria Street',
  'Queens Road',
];
const towns: ReadonlyArray<[string, string]> = [
  ['Leeds', 'LS1'],
  ['York', 'YO1'],
  ['Bristol', 'BS8'],
  ['Norwich', 'NR2'],
  ['Exeter', 'EX4'],
  ['London', 'SW1A'],
  ['Bath', 'BA1'],
];
const occupations = [
  'Teacher',
  'Nurse',
  'Retired',
  'Student',
  'Software developer',
  'Driver',
  'Accountant',
  'Electrician',
];
const histories = ['', '', 'Hypertension', 'Type 2 diabetes', 'Asthma', 'Migraine'];
const allergyList = ['', '', '', 'Penicillin', 'Latex', 'None known'];
const optometrists = ['A. Shah', 'R. Hughes', 'K. Obi', 'L. Marsh'];
const reasons = [
  'Routine check',
  'Blurred distance vision',
  'Headaches when reading',
  'Difficulty with near tasks',
  'Contact lens review',
];
const findings = [
  'Media clear, discs healthy',
  'Early lens opacity both eyes',
  'Discs healthy, C/D 0.3',
  'Dry eye signs, advised lubricants',
];
const snellen = ['6/4.5', '6/6', '6/6', '6/7.5', '6/9', '6/12', '6/18', '6/24', '6/36', '6/60'];
const logmar = ['-0.10', '0.00', '0.00', '0.10', '0.20', '0.30'];
const frames = [
  'Ray-Ban RB5154 Black',
  'Oakley Holbrook Grey',
  'Practice own brand Tortoise',
  'Lindberg Titanium Gold',
];
const coatings = ['Anti-reflection', 'Anti-reflection, blue filter', 'Hard coat', 'Photochromic grey', ''];
const brands = ['Dailies Total1', 'Acuvue Oasys', 'Biofinity', 'Bespoke RGP'];
const labs = ['Rodenstock UK', 'Essilor Basingstoke', 'Norville', 'Zeiss Birmingham'];

/** Settings shared by every patient of a practice. */
export interface PracticeSettings {
  extractDay: number;
  usLocale: boolean;
}

/** Sequential ids per table (distinct per table). */
export class Ids {
  private next: Record<string, number> = {
    patient: 10_000,
    examination: 200_000,
    prescription: 400_000,
    contact_lens_spec: 500_000,
    dispense: 600_000,
    appointment: 700_000,
    clinical_note: 800_000,
    lab_order: 900_000,
    recall: 950_000,
  };
  take(table: string): string {
    this.next[table] = (this.next[table] ?? 0) + 1;
    return String(this.next[table]);
  }
}

/** A valid NHS number (Modulus 11), never a repdigit. */
export function nhsNumber(rnd: Random): string {
  for (;;) {
    const digits = Array.from({ length: 9 }, (_, i) => (i === 0 ? rnd.int(4, 7) : rnd.int(0, 9)));
    const sum = digits.reduce((s, d, i) => s + d * (10 - i), 0);
    const c = 11 - (sum % 11);
    if (c === 10) continue;
    const n = `${digits.join('')}${c === 11 ? 0 : c}`;
    if (!/^(\d)\1{9}$/.test(n)) return n;
  }
}

const pick = <T>(rnd: Random, xs: readonly T[]) => rnd.pick(xs);
const power = (h: number) => (h / 100).toFixed(2);

interface Refraction {
  sphere: number;
  cylinder: number;
  axis: number;
}

function refraction(rnd: Random, base?: Refraction): Refraction {
  if (base) {
    const cylinder = rnd.chance(0.7) ? base.cylinder : Math.min(0, base.cylinder + rnd.pick([-25, 25]));
    return {
      sphere: base.sphere + rnd.pick([-25, 0, 0, 25]),
      cylinder,
      axis: cylinder === 0 ? 0 : base.axis || rnd.int(1, 180),
    };
  }
  const cylinder = rnd.chance(0.3) ? 0 : -25 * rnd.int(1, 10);
  return { sphere: 25 * rnd.int(-24, 16), cylinder, axis: cylinder === 0 ? 0 : rnd.int(1, 180) };
}

function rxColumns(prefix: string, r: Refraction): Row {
  return {
    [`${prefix}_sphere`]: power(r.sphere),
    [`${prefix}_cylinder`]: r.cylinder === 0 ? '' : power(r.cylinder),
    [`${prefix}_axis`]: r.cylinder === 0 ? '' : String(r.axis),
  };
}

/**
 * Builds one patient's coherent records: exams every one to three years, a prescription for most, dispenses and lab
 * orders for most prescriptions, contact lens specifications for wearers, appointments (with no-shows and
 * cancellations), notes and a recall whose interval follows age and risk.
 */
export function buildPatient(rnd: Random, ids: Ids, s: PracticeSettings, defect?: OpticalDefect): PatientRecords {
  const rows: Record<string, Row[]> = {
    patient: [],
    examination: [],
    prescription: [],
    contact_lens_spec: [],
    dispense: [],
    appointment: [],
    clinical_note: [],
    lab_order: [],
    recall: [],
  };
  const patientId = ids.take('patient');
  const age = rnd.int(4, 92);
  const dobDay = s.extractDay - age * 365 - rnd.int(0, 364);
  const sex = rnd.pick(['1', '2', '1', '2', '9', 'X']);
  const diabetic = rnd.chance(0.08);
  const glaucomaFh = age >= 40 && rnd.chance(0.06);
  const clWearer = age >= 14 && rnd.chance(0.2);
  const gos = diabetic
    ? 'DIABETES'
    : age < 16
      ? 'UNDER_16'
      : age >= 60
        ? 'AGE_60'
        : glaucomaFh
          ? 'GLAUCOMA_FH'
          : age < 19 && rnd.chance(0.5)
            ? 'FT_EDUCATION'
            : rnd.chance(0.1)
              ? 'BENEFITS'
              : 'PRIVATE';
  const first = pick(rnd, firstNames);
  const last = pick(rnd, lastNames);
  const [town, district] = pick(rnd, towns);
  const usZip = s.usLocale && rnd.chance(0.1);
  const digits = (n: number) => Array.from({ length: n }, () => rnd.int(0, 9)).join('');
  rows.patient!.push({
    id: patientId,
    external_id: patientId,
    title: sex === '1' ? 'Mr' : sex === '2' ? pick(rnd, ['Mrs', 'Ms', 'Miss']) : '',
    first_name: first,
    last_name: last,
    date_of_birth: isoOf(dobDay),
    sex,
    email: rnd.chance(0.7) ? `${first}.${last}${rnd.int(1, 99)}@example.com`.toLowerCase() : '',
    mobile_phone: s.usLocale ? `${rnd.int(201, 989)}555${digits(4)}` : `07700${digits(6)}`,
    phone: rnd.chance(0.4) ? (s.usLocale ? `${rnd.int(201, 989)}555${digits(4)}` : `01632${digits(6)}`) : '',
    address_line1: `${rnd.int(1, 220)} ${pick(rnd, streets)}`,
    city: town,
    postcode: usZip ? digits(5) : `${district} ${rnd.int(1, 9)}${pick(rnd, ['AB', 'DE', 'HJ', 'NP', 'QR', 'TW'])}`,
    nhs_number: rnd.chance(0.85) || defect === 'invalid_nhs_check_digit' ? nhsNumber(rnd) : '',
    gp_practice_code: `${pick(rnd, ['B', 'C', 'D', 'J'])}8${digits(4)}`,
    occupation: age < 18 ? 'Student' : age >= 67 ? 'Retired' : pick(rnd, occupations),
    medical_history: diabetic ? 'Type 2 diabetes' : pick(rnd, histories),
    allergies: pick(rnd, allergyList),
    contact_lens_wearer: clWearer ? 'Y' : 'N',
    diabetic: diabetic ? 'Y' : 'N',
    glaucoma_family_history: glaucomaFh ? 'Y' : 'N',
    gos_eligibility: gos,
  });
  if (defect === 'repdigit_nhs_number') rows.patient![0]!.nhs_number = '4444444444';

  // Exams, newest last; the first at least three years after birth.
  const needsExam =
    defect !== undefined &&
    !['invalid_nhs_check_digit', 'missing_mandatory_field', 'repdigit_nhs_number'].includes(defect);
  let count = rnd.int(0, 9);
  if (needsExam && count < 2) count = 2;
  const examDays: number[] = [];
  let day = s.extractDay - rnd.int(20, 400);
  for (let i = 0; i < count && day > dobDay + 3 * 365; i++) {
    examDays.unshift(day);
    day -= rnd.int(330, 1000);
  }
  let last_: Refraction[] | undefined;
  let forcedRx = false;
  let forcedDispense = false;
  examDays.forEach((examDay, i) => {
    const examId = ids.take('examination');
    const isLast = i === examDays.length - 1;
    const aftercare = clWearer && rnd.chance(0.25) && !isLast;
    let outcome = aftercare
      ? 'NO_CHANGE'
      : rnd.pick(['RX_ISSUED', 'RX_ISSUED', 'RX_ISSUED', 'RX_ISSUED', 'RX_ISSUED', 'NO_CHANGE', 'NO_RX', 'REFERRED']);
    if (needsExam && isLast) outcome = 'RX_ISSUED';
    const objective = [refraction(rnd, last_?.[0]), refraction(rnd, last_?.[1])] as const;
    const subjective = [refraction(rnd, objective[0]), refraction(rnd, objective[1])] as const;
    last_ = [subjective[0], subjective[1]];
    const exam: Row = {
      id: examId,
      external_id: examId,
      patient_id: patientId,
      exam_date: isoOf(examDay),
      optometrist: pick(rnd, optometrists),
      exam_type: aftercare
        ? 'CL_AFTERCARE'
        : gos === 'PRIVATE'
          ? 'PRIVATE'
          : age >= 80 && rnd.chance(0.3)
            ? 'GOS6'
            : 'GOS1',
      reason_for_visit: aftercare ? 'Contact lens review' : pick(rnd, reasons),
      right_unaided_va: pick(rnd, snellen),
      right_aided_va: pick(rnd, snellen.slice(0, 4)),
      right_va_logmar: pick(rnd, logmar),
      left_unaided_va: pick(rnd, snellen),
      left_aided_va: pick(rnd, snellen.slice(0, 4)),
      left_va_logmar: pick(rnd, logmar),
      ...rxColumns('right_objective', objective[0]),
      ...rxColumns('left_objective', objective[1]),
      ...rxColumns('right_subjective', subjective[0]),
      ...rxColumns('left_subjective', subjective[1]),
      iop_right: String(rnd.int(10, 21)),
      iop_left: String(rnd.int(10, 21)),
      iop_method: pick(rnd, ['NCT', 'NCT', 'GAT', 'ICARE']),
      findings: pick(rnd, findings),
      outcome,
    };
    if (isLast && defect === 'implausible_iop') exam.iop_right = '88';
    if (isLast && defect === 'invalid_va_notation') exam.right_aided_va = '6/8';
    rows.examination!.push(exam);
    const time = `${String(rnd.int(9, 16)).padStart(2, '0')}:${pick(rnd, ['00', '20', '40'])}:00`;
    if (rnd.chance(0.15)) {
      const missedDay = examDay - rnd.int(7, 30);
      const apptId = ids.take('appointment');
      rows.appointment!.push({
        id: apptId,
        external_id: apptId,
        patient_id: patientId,
        appointment_at: `${isoOf(missedDay)} ${time}`,
        appointment_type: aftercare ? 'CL_CHECK' : 'SIGHT_TEST',
        status: pick(rnd, ['DNA', 'CANCELLED_PATIENT', 'CANCELLED_PRACTICE']),
        notes: pick(rnd, ['', 'Rebooked by phone', 'No answer on reminder call']),
      });
    }
    const apptId = ids.take('appointment');
    rows.appointment!.push({
      id: apptId,
      external_id: apptId,
      patient_id: patientId,
      appointment_at: `${isoOf(examDay)} ${time}`,
      appointment_type: aftercare ? 'CL_CHECK' : 'SIGHT_TEST',
      status: 'ATTENDED',
      notes: '',
    });
    if (aftercare || (clWearer && isLast)) {
      const clId = ids.take('contact_lens_spec');
      const brand = pick(rnd, brands);
      const se = (r: Refraction) => power(Math.round((r.sphere + r.cylinder / 2) / 25) * 25);
      rows.contact_lens_spec!.push({
        id: clId,
        external_id: clId,
        patient_id: patientId,
        fit_date: isoOf(examDay),
        lens_brand: brand,
        replacement: brand === 'Bespoke RGP' ? 'RGP' : pick(rnd, ['DAILY', 'TWO_WEEKLY', 'MONTHLY']),
        right_base_curve: pick(rnd, ['8.40', '8.50', '8.60', '8.70']),
        right_diameter: pick(rnd, ['14.00', '14.20', '14.50']),
        right_power: se(subjective[0]),
        left_base_curve: pick(rnd, ['8.40', '8.50', '8.60', '8.70']),
        left_diameter: pick(rnd, ['14.00', '14.20', '14.50']),
        left_power: se(subjective[1]),
      });
    }
    if (outcome !== 'RX_ISSUED') return;
    const rxId = ids.take('prescription');
    const add = age >= 45 ? power(25 * Math.min(12, 2 + Math.floor((age - 45) / 4))) : '';
    const prism = rnd.chance(0.05);
    const rx: Row = {
      id: rxId,
      external_id: rxId,
      patient_id: patientId,
      examination_id: examId,
      issue_date: isoOf(examDay),
      ...rxColumns('right', subjective[0]),
      right_add: add,
      right_prism: prism ? power(25 * rnd.int(2, 12)) : '',
      right_prism_base: prism ? pick(rnd, ['UP', 'DOWN', 'IN', 'OUT']) : '',
      ...rxColumns('left', subjective[1]),
      left_add: add,
      left_prism: '',
      left_prism_base: '',
      pd_binocular: String(rnd.int(54, 72) + (rnd.chance(0.5) ? 0.5 : 0)),
    };
    if (isLast && !forcedRx) {
      forcedRx = true;
      if (defect === 'axis_without_cylinder') {
        rx.right_cylinder = '';
        rx.right_axis = '90';
      }
      if (defect === 'off_step_sphere') rx.right_sphere = power(Math.round(Number(rx.right_sphere) * 100) + 12);
      if (defect === 'add_out_of_range') rx.right_add = '5.50';
    }
    rows.prescription!.push(rx);
    if (!rnd.chance(0.75) && !(needsExam && isLast)) return;
    const dispenseId = ids.take('dispense');
    const lensType = add ? pick(rnd, ['VF', 'VF', 'BF', 'OCC']) : 'SV';
    const status =
      isLast && examDay > s.extractDay - 30
        ? pick(rnd, ['ORDERED', 'AT_LAB', 'READY'])
        : rnd.chance(0.03)
          ? 'CANCELLED'
          : 'COLLECTED';
    const dispenseDay = Math.min(s.extractDay, examDay + rnd.int(0, 14));
    const dispense: Row = {
      id: dispenseId,
      external_id: dispenseId,
      patient_id: patientId,
      prescription_id: rxId,
      examination_id: examId,
      dispense_date: isoOf(dispenseDay),
      frame: pick(rnd, frames),
      lens_type: lensType,
      lens_material: pick(rnd, ['CR39', 'CR39', 'POLY', 'TRIVEX', 'HI_INDEX']),
      lens_index: pick(rnd, ['1.50', '1.53', '1.59', '1.60', '1.67']),
      coatings: pick(rnd, coatings),
      order_status: status,
      price: `${rnd.int(59, 489)}.00`,
    };
    if (isLast && !forcedDispense) {
      forcedDispense = true;
      if (defect === 'dispense_before_exam') dispense.dispense_date = isoOf(examDay - 10);
    }
    rows.dispense!.push(dispense);
    if (status === 'CANCELLED') return;
    const labId = ids.take('lab_order');
    rows.lab_order!.push({
      id: labId,
      external_id: labId,
      patient_id: patientId,
      dispense_id: dispenseId,
      order_date: dispense.dispense_date!,
      lab_name: pick(rnd, labs),
      lab_reference: `J${labId}`,
      status: status === 'COLLECTED' || status === 'READY' ? 'RECEIVED' : pick(rnd, ['SENT', 'IN_PROGRESS']),
      expected_date: isoOf(dayOf(dispense.dispense_date!) + rnd.int(5, 14)),
    });
  });
  if (examDays.length && rnd.chance(0.4)) {
    const noteId = ids.take('clinical_note');
    rows.clinical_note!.push({
      id: noteId,
      external_id: noteId,
      patient_id: patientId,
      note_date: isoOf(examDays[examDays.length - 1]!),
      author: pick(rnd, optometrists),
      note_text: pick(rnd, [
        'Advised on screen breaks.',
        'Discussed cataract; review in 12 months.',
        'Patient reports glare when driving at night.',
        'Fields full to confrontation.',
      ]),
    });
  }
  // Recall interval, by the age at the last sight test: 12 months for under-16s, 70 or over, diabetes, 40+ with a
  // glaucoma family history; else 24.
  const lastExam = examDays.length ? examDays[examDays.length - 1]! : s.extractDay - rnd.int(30, 300);
  const ageAtExam = calendarAge(isoOf(dobDay), isoOf(lastExam));
  const shortRecall = ageAtExam < 16 || ageAtExam >= 70 || diabetic || glaucomaFh;
  const recallId = ids.take('recall');
  rows.recall!.push({
    id: recallId,
    external_id: recallId,
    patient_id: patientId,
    recall_type: diabetic ? 'DIABETIC' : clWearer ? 'CL_AFTERCARE' : 'SIGHT_TEST',
    due_date: isoOf(lastExam + (shortRecall ? 365 : 730)),
    status: pick(rnd, ['PENDING', 'SENT', 'BOOKED']),
  });
  if (defect === 'orphan_child_row' && rows.appointment!.length === 0) throw new Error('no appointment for defect');
  return { rows, ...(defect ? { defect } : {}) };
}

/** Whole years from a birth date to a date (both yyyy-mm-dd), as a calendar counts them (PostgreSQL's age()). */
function calendarAge(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

export { platformCodes };

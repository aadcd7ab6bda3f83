import type { VendorSpec } from './vendor-spec.js';
import { camelCase, isoParts, signedPower, usSnellen } from './vendor-spec.js';

const tables = {
  patient: 'patients',
  examination: 'exams',
  prescription: 'spectacleRx',
  contact_lens_spec: 'contactLensRx',
  dispense: 'eyewearOrders',
  appointment: 'appointments',
  clinical_note: 'chartNotes',
  lab_order: 'labJobs',
  recall: 'recalls',
};
const renamed: Record<string, string> = {
  date_of_birth: 'birthDate',
  mobile_phone: 'cellPhone',
  address_line1: 'address',
  postcode: 'zip',
  sex: 'gender',
  examination_id: 'examId',
  prescription_id: 'rxId',
  dispense_id: 'orderId',
  exam_date: 'examDate',
  dispense_date: 'orderDate',
  pd_binocular: 'pd',
  iop_method: 'tonometryMethod',
  iop_right: 'odIop',
  iop_left: 'osIop',
  appointment_at: 'appointmentDateTime',
  note_text: 'noteText',
  gos_eligibility: 'coverageType',
};

/** `right_objective_sphere` -> `odObjectiveSphere`, `left_add` -> `osAdd` (US eye notation). */
function eyeName(target: string): string {
  if (target.startsWith('right_')) return camelCase(`od_${target.slice(6)}`);
  if (target.startsWith('left_')) return camelCase(`os_${target.slice(5)}`);
  return camelCase(target);
}

/**
 * Acuity: US software. camelCase files and columns, month/day/year dates with 12-hour times, US phone numbers,
 * a ZIP column (UK postcode or US ZIP), OD/OS eye columns, 20/x Snellen, prescriptions in plus-cylinder form.
 */
export const acuity: VendorSpec = {
  name: 'acuity',
  label: 'Acuity',
  description: 'Acuity export (camelCase CSV, US formats, plus-cylinder Rx)',
  tables,
  column: (_table, target) =>
    target === 'id' || target === 'external_id' ? 'id' : (renamed[target] ?? eyeName(target)),
  dateFormat: 'mm/dd/yyyy',
  writeDate: (iso) => {
    const p = isoParts(iso);
    return `${p.m}/${p.d}/${p.y}`;
  },
  writeDateTime: (iso) => {
    const p = isoParts(iso);
    const h12 = p.hh % 12 === 0 ? 12 : p.hh % 12;
    return `${p.m}/${p.d}/${p.y} ${h12}:${p.mi} ${p.hh < 12 ? 'AM' : 'PM'}`;
  },
  writeFlag: (yn) => (yn === 'Y' ? 'true' : yn === 'N' ? 'false' : yn),
  writePower: signedPower,
  writeVa: usSnellen,
  writePhone: (d) => (d.length === 10 ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}` : d),
  writePostcode: (pc) => pc.replace(' ', '').toLowerCase(),
  plusCylinder: true,
  usLocale: true,
};

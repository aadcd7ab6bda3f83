import type { VendorSpec } from './vendor-spec.js';
import { isoParts, signedPower } from './vendor-spec.js';

const tables = {
  patient: 'patients',
  examination: 'eye_examinations',
  prescription: 'prescriptions',
  contact_lens_spec: 'contact_lens_specs',
  dispense: 'dispenses',
  appointment: 'appointments',
  clinical_note: 'clinical_notes',
  lab_order: 'lab_orders',
  recall: 'recalls',
};
const keys: Record<string, string> = {
  patient: 'patient_id',
  examination: 'exam_id',
  prescription: 'prescription_id',
  contact_lens_spec: 'cl_spec_id',
  dispense: 'dispense_id',
  appointment: 'appointment_id',
  clinical_note: 'note_id',
  lab_order: 'lab_order_id',
  recall: 'recall_id',
};
const renamed: Record<string, string> = {
  date_of_birth: 'dob',
  mobile_phone: 'mobile',
  address_line1: 'address_1',
  examination_id: 'exam_id',
  appointment_at: 'appointment_datetime',
};

/** Optix: snake_case files and columns, UK dates (dd/mm/yyyy), signed powers (`+1.25`), Y/N flags. */
export const optix: VendorSpec = {
  name: 'optix',
  label: 'Optix',
  description: 'Optix export (snake_case CSV, UK formats)',
  tables,
  column: (table, target) => {
    if (target === 'id' || target === 'external_id') return keys[table]!;
    return renamed[target] ?? target;
  },
  dateFormat: 'dd/mm/yyyy',
  writeDate: (iso) => {
    const p = isoParts(iso);
    return `${p.d}/${p.m}/${p.y}`;
  },
  writeDateTime: (iso) => {
    const p = isoParts(iso);
    return `${p.d}/${p.m}/${p.y} ${String(p.hh).padStart(2, '0')}:${p.mi}`;
  },
  writeFlag: (yn) => yn,
  writePower: signedPower,
  writeVa: (va) => va,
  writePhone: (digits) => (digits.length === 11 ? `${digits.slice(0, 5)} ${digits.slice(5)}` : digits),
  writePostcode: (pc) => pc,
  plusCylinder: false,
  usLocale: false,
};

import type { VendorSpec } from './vendor-spec.js';
import { pascalCase } from './vendor-spec.js';

const tables = {
  patient: 'Patients',
  examination: 'Examinations',
  prescription: 'SpectaclePrescriptions',
  contact_lens_spec: 'ContactLensSpecifications',
  dispense: 'Dispenses',
  appointment: 'Appointments',
  clinical_note: 'ClinicalNotes',
  lab_order: 'LabOrders',
  recall: 'Recalls',
};
const keys: Record<string, string> = {
  patient: 'PatientID',
  examination: 'ExaminationID',
  prescription: 'PrescriptionID',
  contact_lens_spec: 'ContactLensSpecID',
  dispense: 'DispenseID',
  appointment: 'AppointmentID',
  clinical_note: 'NoteID',
  lab_order: 'LabOrderID',
  recall: 'RecallID',
};
const renamed: Record<string, string> = {
  last_name: 'Surname',
  mobile_phone: 'MobileNumber',
  city: 'Town',
  nhs_number: 'NHSNumber',
  patient_id: 'PatientID',
  examination_id: 'ExaminationID',
  prescription_id: 'PrescriptionID',
  dispense_id: 'DispenseID',
  gp_practice_code: 'GPPracticeCode',
  gos_eligibility: 'GOSEligibility',
  iop_right: 'IOPRight',
  iop_left: 'IOPLeft',
  iop_method: 'IOPMethod',
  pd_binocular: 'PD',
  right_va_logmar: 'RightVALogMAR',
  left_va_logmar: 'LeftVALogMAR',
  right_unaided_va: 'RightUnaidedVA',
  left_unaided_va: 'LeftUnaidedVA',
  right_aided_va: 'RightAidedVA',
  left_aided_va: 'LeftAidedVA',
  appointment_at: 'AppointmentDateTime',
};

/** Occuco: PascalCase files and columns, ISO dates, unsigned positive powers (`1.25`), True/False flags. */
export const occuco: VendorSpec = {
  name: 'occuco',
  label: 'Occuco',
  description: 'Occuco export (PascalCase CSV, ISO dates)',
  tables,
  column: (table, target) => {
    if (target === 'id' || target === 'external_id') return keys[table]!;
    return renamed[target] ?? pascalCase(target);
  },
  dateFormat: 'yyyy-mm-dd',
  writeDate: (iso) => iso,
  writeDateTime: (iso) => `${iso.slice(0, 10)}T${iso.slice(11, 19)}`,
  writeFlag: (yn) => (yn === 'Y' ? 'True' : yn === 'N' ? 'False' : yn),
  writePower: (h) => (h / 100).toFixed(2),
  writeVa: (va) => va,
  writePhone: (digits) => digits,
  writePostcode: (pc) => pc.replace(' ', ''),
  plusCylinder: false,
  usLocale: false,
};

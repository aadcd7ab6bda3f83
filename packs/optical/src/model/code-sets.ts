/**
 * The platform's code sets and each outgoing system's local codes for them. A row is
 * `[platform code, label, Optix code, Occuco code, Acuity code]`. Gender is the NHS Person Stated Gender code set;
 * the rest are the platform's own lists, built from the GOS forms and everyday optical practice.
 */
export type VendorName = 'optix' | 'occuco' | 'acuity';
export const vendorNames: readonly VendorName[] = ['optix', 'occuco', 'acuity'];

type CodeRow = readonly [code: string, label: string, optix: string, occuco: string, acuity: string];

export const codeSets: Readonly<Record<string, readonly CodeRow[]>> = {
  gender: [
    ['1', 'Male', 'male', 'Male', 'M'],
    ['2', 'Female', 'female', 'Female', 'F'],
    ['9', 'Indeterminate', 'other', 'Indeterminate', 'O'],
    ['X', 'Not known', 'unknown', 'NotKnown', 'U'],
  ],
  gos_eligibility: [
    ['PRIVATE', 'Not eligible (private)', 'private', 'Private', 'Self Pay'],
    ['AGE_60', '60 or over', 'over_60', 'Over60', 'Senior 60+'],
    ['UNDER_16', 'Under 16', 'under_16', 'Under16', 'Child under 16'],
    ['FT_EDUCATION', 'Under 19 in full-time education', 'student', 'FullTimeEducation', 'Student under 19'],
    ['DIABETES', 'Diabetes', 'diabetic', 'Diabetic', 'Diabetic'],
    [
      'GLAUCOMA_FH',
      '40 or over with a family history of glaucoma',
      'glaucoma_fh',
      'GlaucomaFamily',
      'Glaucoma FHx 40+',
    ],
    ['BENEFITS', 'Income-related benefits or HC2', 'benefits', 'Benefits', 'Medicaid/Benefits'],
  ],
  exam_type: [
    ['GOS1', 'NHS sight test (GOS 1)', 'nhs', 'GOS1', 'Insurance Exam'],
    ['GOS6', 'NHS domiciliary sight test (GOS 6)', 'nhs_domiciliary', 'GOS6', 'Home Visit'],
    ['PRIVATE', 'Private sight test', 'private', 'Private', 'Private Pay Exam'],
    ['CL_AFTERCARE', 'Contact lens aftercare', 'cl_aftercare', 'CLAftercare', 'CL Follow-up'],
  ],
  iop_method: [
    ['NCT', 'Non-contact tonometry', 'nct', 'NonContact', 'NCT (air puff)'],
    ['GAT', 'Goldmann applanation', 'goldmann', 'Goldmann', 'Goldmann'],
    ['ICARE', 'Rebound (iCare)', 'icare', 'ICare', 'Rebound'],
  ],
  exam_outcome: [
    ['RX_ISSUED', 'New prescription issued', 'new_rx', 'NewRx', 'New Rx'],
    ['NO_CHANGE', 'No change to prescription', 'no_change', 'NoChange', 'No Change'],
    ['NO_RX', 'No prescription needed', 'no_rx', 'NoRx', 'No Rx Needed'],
    ['REFERRED', 'Referred (GOS 18 or letter)', 'referred', 'Referred', 'Referred to MD'],
  ],
  prism_base: [
    ['UP', 'Base up', 'up', 'Up', 'BU'],
    ['DOWN', 'Base down', 'down', 'Down', 'BD'],
    ['IN', 'Base in', 'in', 'In', 'BI'],
    ['OUT', 'Base out', 'out', 'Out', 'BO'],
  ],
  cl_replacement: [
    ['DAILY', 'Daily disposable', 'daily', 'Daily', 'Daily'],
    ['TWO_WEEKLY', 'Two-weekly', 'two_weekly', 'TwoWeekly', 'Bi-weekly'],
    ['MONTHLY', 'Monthly', 'monthly', 'Monthly', 'Monthly'],
    ['RGP', 'Rigid gas permeable', 'rgp', 'RGP', 'GP Lens'],
  ],
  lens_type: [
    ['SV', 'Single vision', 'single_vision', 'SingleVision', 'Single Vision'],
    ['BF', 'Bifocal', 'bifocal', 'Bifocal', 'Lined Bifocal'],
    ['VF', 'Varifocal', 'varifocal', 'Varifocal', 'Progressive'],
    ['OCC', 'Occupational', 'occupational', 'Occupational', 'Computer/Office'],
  ],
  lens_material: [
    ['CR39', 'CR-39 plastic (1.50)', 'cr39', 'CR39', 'CR-39'],
    ['POLY', 'Polycarbonate (1.59)', 'polycarbonate', 'Polycarbonate', 'Polycarbonate'],
    ['TRIVEX', 'Trivex (1.53)', 'trivex', 'Trivex', 'Trivex'],
    ['HI_INDEX', 'High index (1.60-1.74)', 'high_index', 'HighIndex', 'Hi-Index'],
    ['GLASS', 'Crown glass', 'glass', 'Glass', 'Glass'],
  ],
  order_status: [
    ['ORDERED', 'Ordered', 'ordered', 'Ordered', 'Ordered'],
    ['AT_LAB', 'At the lab', 'at_lab', 'AtLab', 'In Lab'],
    ['READY', 'Ready to collect', 'ready', 'Ready', 'Ready for Pickup'],
    ['COLLECTED', 'Collected', 'collected', 'Collected', 'Picked Up'],
    ['CANCELLED', 'Cancelled', 'cancelled', 'Cancelled', 'Canceled'],
  ],
  appointment_type: [
    ['SIGHT_TEST', 'Sight test', 'eye_exam', 'EyeExamination', 'Comprehensive Exam'],
    ['CL_CHECK', 'Contact lens check', 'cl_check', 'ContactLensCheck', 'CL Check'],
    ['COLLECTION', 'Spectacle collection', 'collection', 'Collection', 'Glasses Pickup'],
    ['ADJUSTMENT', 'Adjustment or repair', 'adjustment', 'Adjustment', 'Adjustment/Repair'],
  ],
  appointment_status: [
    ['ATTENDED', 'Attended', 'attended', 'Attended', 'Completed'],
    ['DNA', 'Did not attend', 'dna', 'DidNotAttend', 'No Show'],
    ['CANCELLED_PATIENT', 'Cancelled by the patient', 'cancelled_patient', 'CancelledByPatient', 'Pt Canceled'],
    ['CANCELLED_PRACTICE', 'Cancelled by the practice', 'cancelled_practice', 'CancelledByPractice', 'Office Canceled'],
    ['BOOKED', 'Booked (future)', 'booked', 'Booked', 'Scheduled'],
  ],
  lab_status: [
    ['SENT', 'Sent to the lab', 'sent', 'Sent', 'Sent'],
    ['IN_PROGRESS', 'In progress', 'in_progress', 'InProgress', 'In Process'],
    ['RECEIVED', 'Received back', 'received', 'Received', 'Received'],
    ['REMAKE', 'Remake', 'remake', 'Remake', 'Redo'],
  ],
  recall_type: [
    ['SIGHT_TEST', 'Sight test', 'sight_test', 'SightTest', 'Annual Exam'],
    ['CL_AFTERCARE', 'Contact lens aftercare', 'cl_aftercare', 'CLAftercare', 'CL Follow-up'],
    ['DIABETIC', 'Diabetic eye check', 'diabetic', 'Diabetic', 'Diabetic Exam'],
  ],
  recall_status: [
    ['PENDING', 'Not yet sent', 'pending', 'Pending', 'Pending'],
    ['SENT', 'Reminder sent', 'sent', 'Sent', 'Reminder Sent'],
    ['BOOKED', 'Booked', 'booked', 'Booked', 'Scheduled'],
  ],
};

const vendorColumn: Record<VendorName, 2 | 3 | 4> = { optix: 2, occuco: 3, acuity: 4 };

/** A vendor's local code for a platform code. */
export function localCode(vendor: VendorName, codeType: string, code: string): string {
  const row = codeSets[codeType]?.find((r) => r[0] === code);
  if (!row) throw new Error(`no ${codeType} code ${code}`);
  return row[vendorColumn[vendor]];
}

/** The platform codes of a code set. */
export function platformCodes(codeType: string): string[] {
  return (codeSets[codeType] ?? []).map((r) => r[0]);
}

/** Local code -> platform code rows of one vendor (for its crosswalk). */
export function vendorCodeRows(
  vendor: VendorName,
): Array<{ codeType: string; local: string; code: string; label: string }> {
  return Object.entries(codeSets).flatMap(([codeType, rows]) =>
    rows.map((r) => ({ codeType, local: r[vendorColumn[vendor]], code: r[0], label: r[1] })),
  );
}

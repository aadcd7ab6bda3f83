/**
 * The target: Ferry's own optical practice platform model. Each column has a value kind that decides how every
 * vendor's contract transforms it and how the generator writes it. Designed from public domain facts (see
 * README.md); no vendor's definitions are copied.
 */

/** How a column's value is carried (decides transforms and source formatting). */
export type ValueKind =
  | 'key' // integer row id from the source key
  | 'link' // integer id of a parent row
  | 'external' // the source key as text
  | 'text'
  | 'name'
  | 'email'
  | 'phone'
  | 'postcode'
  | 'nhs'
  | 'date'
  | 'datetime'
  | 'flag'
  | 'code'
  | 'sphere' // signed dioptres, minus-cylinder form
  | 'cylinder'
  | 'axis'
  | 'power' // add, prism, contact lens power: signed dioptres, no transposition
  | 'va' // Snellen distance VA
  | 'decimal'
  | 'integer';

export interface TargetColumn {
  name: string;
  kind: ValueKind;
  /** Required for a row to load. */
  required?: boolean;
  maxLength?: number;
  /** For `code` columns. */
  codeType?: string;
  /** For `link` columns: the parent table. */
  parent?: string;
  description: string;
}

export interface TargetTable {
  name: string;
  description: string;
  /** Quality domain. */
  domain: string;
  columns: TargetColumn[];
}

const key = (entity: string): TargetColumn[] => [
  { name: 'id', kind: 'key', required: true, description: `Platform id of the ${entity} (the source key)` },
  {
    name: 'external_id',
    kind: 'external',
    required: true,
    maxLength: 40,
    description: `The ${entity}'s key in the outgoing system`,
  },
];
const patientLink: TargetColumn = {
  name: 'patient_id',
  kind: 'link',
  parent: 'patient',
  required: true,
  description: 'The patient',
};
const text = (name: string, maxLength: number, description: string, required = false): TargetColumn => ({
  name,
  kind: 'text',
  maxLength,
  description,
  required,
});
const code = (name: string, codeType: string, description: string, required = false): TargetColumn => ({
  name,
  kind: 'code',
  codeType,
  maxLength: 20,
  description,
  required,
});

/** Sphere, cylinder, axis of one eye, with a prefix (`right_objective`, `left`, ...). */
function rxTriple(prefix: string, what: string): TargetColumn[] {
  return [
    { name: `${prefix}_sphere`, kind: 'sphere', description: `${what}: sphere (D, 0.25 steps; 0.00 = plano)` },
    { name: `${prefix}_cylinder`, kind: 'cylinder', description: `${what}: cylinder (D, minus-cylinder form)` },
    { name: `${prefix}_axis`, kind: 'axis', description: `${what}: cylinder axis (1-180 degrees)` },
  ];
}
const eyes = [
  ['right', 'Right eye'],
  ['left', 'Left eye'],
] as const;

export const targetTables: TargetTable[] = [
  {
    name: 'patient',
    description: 'A practice patient',
    domain: 'PATIENT',
    columns: [
      ...key('patient'),
      text('title', 20, 'Title'),
      { name: 'first_name', kind: 'name', required: true, maxLength: 60, description: 'Given name' },
      { name: 'last_name', kind: 'name', required: true, maxLength: 60, description: 'Family name' },
      { name: 'date_of_birth', kind: 'date', required: true, description: 'Date of birth' },
      code('sex', 'gender', 'Person stated gender (NHS code: 1, 2, 9, X)'),
      { name: 'email', kind: 'email', maxLength: 120, description: 'E-mail address (lower case)' },
      { name: 'mobile_phone', kind: 'phone', maxLength: 20, description: 'Mobile number, digits' },
      { name: 'phone', kind: 'phone', maxLength: 20, description: 'Home number, digits' },
      text('address_line1', 120, 'First address line'),
      text('city', 60, 'Town or city'),
      { name: 'postcode', kind: 'postcode', maxLength: 10, description: 'UK postcode (or a US ZIP code)' },
      { name: 'nhs_number', kind: 'nhs', maxLength: 10, description: 'NHS number, 10 digits' },
      text('gp_practice_code', 10, 'GP practice (ODS code)'),
      text('occupation', 80, 'Occupation'),
      text('medical_history', 2000, 'Medical history'),
      text('allergies', 500, 'Allergies'),
      { name: 'contact_lens_wearer', kind: 'flag', description: 'Contact lens wearer (Y/N)' },
      { name: 'diabetic', kind: 'flag', description: 'Has diabetes (Y/N): 12-month recall, GOS eligible' },
      {
        name: 'glaucoma_family_history',
        kind: 'flag',
        description: 'Parent, sibling or child with glaucoma (Y/N)',
      },
      code('gos_eligibility', 'gos_eligibility', 'GOS sight-test eligibility (PRIVATE when none)'),
    ],
  },
  {
    name: 'examination',
    description: 'An eye examination (sight test or aftercare)',
    domain: 'EXAM',
    columns: [
      ...key('examination'),
      patientLink,
      { name: 'exam_date', kind: 'date', required: true, description: 'Date of the examination' },
      text('optometrist', 60, 'Examining optometrist'),
      code('exam_type', 'exam_type', 'NHS (GOS 1 / GOS 6), private or contact lens aftercare', true),
      text('reason_for_visit', 500, 'History and symptoms'),
      ...eyes.flatMap(([eye, label]): TargetColumn[] => [
        { name: `${eye}_unaided_va`, kind: 'va', maxLength: 8, description: `${label}: unaided distance VA (Snellen)` },
        { name: `${eye}_aided_va`, kind: 'va', maxLength: 8, description: `${label}: aided distance VA (Snellen)` },
        { name: `${eye}_va_logmar`, kind: 'decimal', description: `${label}: best corrected VA, logMAR` },
      ]),
      ...eyes.flatMap(([eye, label]) => rxTriple(`${eye}_objective`, `${label} objective refraction`)),
      ...eyes.flatMap(([eye, label]) => rxTriple(`${eye}_subjective`, `${label} subjective refraction`)),
      { name: 'iop_right', kind: 'integer', description: 'Right IOP (mmHg)' },
      { name: 'iop_left', kind: 'integer', description: 'Left IOP (mmHg)' },
      code('iop_method', 'iop_method', 'Tonometry method'),
      text('findings', 2000, 'Findings (ophthalmoscopy, slit lamp, fields)'),
      code('outcome', 'exam_outcome', 'Outcome: Rx issued, no Rx, no change, referred'),
    ],
  },
  {
    name: 'prescription',
    description: 'A spectacle prescription issued at an examination',
    domain: 'RX',
    columns: [
      ...key('prescription'),
      patientLink,
      {
        name: 'examination_id',
        kind: 'link',
        parent: 'examination',
        required: true,
        description: 'The examination that issued it',
      },
      { name: 'issue_date', kind: 'date', required: true, description: 'Date issued' },
      ...eyes.flatMap(([eye, label]): TargetColumn[] => [
        ...rxTriple(eye, label),
        { name: `${eye}_add`, kind: 'power', description: `${label}: near addition (+0.50 to +4.00 D)` },
        { name: `${eye}_prism`, kind: 'power', description: `${label}: prism (prism dioptres)` },
        code(`${eye}_prism_base`, 'prism_base', `${label}: prism base (UP, DOWN, IN, OUT)`),
      ]),
      { name: 'pd_binocular', kind: 'decimal', description: 'Binocular pupillary distance (mm, 50-75)' },
    ],
  },
  {
    name: 'contact_lens_spec',
    description: 'A contact lens specification',
    domain: 'RX',
    columns: [
      ...key('contact lens specification'),
      patientLink,
      { name: 'fit_date', kind: 'date', required: true, description: 'Date fitted or checked' },
      text('lens_brand', 80, 'Lens brand and product'),
      code('replacement', 'cl_replacement', 'Replacement schedule'),
      ...eyes.flatMap(([eye, label]): TargetColumn[] => [
        { name: `${eye}_base_curve`, kind: 'decimal', description: `${label}: base curve (mm)` },
        { name: `${eye}_diameter`, kind: 'decimal', description: `${label}: diameter (mm)` },
        { name: `${eye}_power`, kind: 'power', description: `${label}: back vertex power (D)` },
      ]),
    ],
  },
  {
    name: 'dispense',
    description: 'Spectacles dispensed against a prescription',
    domain: 'DISPENSE',
    columns: [
      ...key('dispense'),
      patientLink,
      {
        name: 'prescription_id',
        kind: 'link',
        parent: 'prescription',
        required: true,
        description: 'The prescription dispensed',
      },
      {
        name: 'examination_id',
        kind: 'link',
        parent: 'examination',
        required: true,
        description: 'The examination the prescription came from',
      },
      { name: 'dispense_date', kind: 'date', required: true, description: 'Date ordered' },
      text('frame', 120, 'Frame (make, model, colour)'),
      code('lens_type', 'lens_type', 'Single vision, bifocal, varifocal, occupational', true),
      code('lens_material', 'lens_material', 'Lens material'),
      { name: 'lens_index', kind: 'decimal', description: 'Refractive index' },
      text('coatings', 200, 'Coatings and tints'),
      code('order_status', 'order_status', 'Order status'),
      { name: 'price', kind: 'decimal', description: 'Price charged (GBP)' },
    ],
  },
  {
    name: 'appointment',
    description: 'A booked appointment and what happened',
    domain: 'APPT',
    columns: [
      ...key('appointment'),
      patientLink,
      { name: 'appointment_at', kind: 'datetime', required: true, description: 'Date and time' },
      code('appointment_type', 'appointment_type', 'What it was for', true),
      code('status', 'appointment_status', 'Attended, did not attend, cancelled, booked', true),
      text('notes', 500, 'Booking notes'),
    ],
  },
  {
    name: 'clinical_note',
    description: 'A free-text clinical note',
    domain: 'NOTE',
    columns: [
      ...key('note'),
      patientLink,
      { name: 'note_date', kind: 'date', required: true, description: 'Date written' },
      text('author', 60, 'Who wrote it'),
      text('note_text', 4000, 'The note', true),
    ],
  },
  {
    name: 'lab_order',
    description: 'A glazing or surfacing order sent to a lab',
    domain: 'DISPENSE',
    columns: [
      ...key('lab order'),
      patientLink,
      { name: 'dispense_id', kind: 'link', parent: 'dispense', required: true, description: 'The dispense' },
      { name: 'order_date', kind: 'date', required: true, description: 'Date sent' },
      text('lab_name', 80, 'Lab'),
      text('lab_reference', 40, "The lab's job reference (tracking)"),
      code('status', 'lab_status', 'Lab job status', true),
      { name: 'expected_date', kind: 'date', description: 'Date expected back' },
    ],
  },
  {
    name: 'recall',
    description: 'A recall due for a patient',
    domain: 'PATIENT',
    columns: [
      ...key('recall'),
      patientLink,
      code('recall_type', 'recall_type', 'Sight test, contact lens aftercare, diabetic', true),
      { name: 'due_date', kind: 'date', required: true, description: 'Date due' },
      code('status', 'recall_status', 'Recall status', true),
    ],
  },
];

/** Target tables by name. */
export const targetTableByName: ReadonlyMap<string, TargetTable> = new Map(targetTables.map((t) => [t.name, t]));

/** The Rx triples of a table: the prefixes whose `_sphere`, `_cylinder` and `_axis` columns belong together. */
export function rxPrefixes(table: TargetTable): string[] {
  return table.columns.filter((c) => c.kind === 'sphere').map((c) => c.name.slice(0, -'_sphere'.length));
}

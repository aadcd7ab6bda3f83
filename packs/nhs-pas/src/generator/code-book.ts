import { WeightedTable } from '@ferry/core';

/**
 * National code distributions of the synthetic cohort (NHS Data Dictionary values), and the clinical content of
 * each treatment function: its name, who it sees, its diagnoses (ICD-10) and procedures (OPCS-4) with our own
 * short descriptions. Weights are rough shares of a large acute trust; they only need to be plausible.
 */

const table = (spec: Record<string, number>) => new WeightedTable(Object.entries(spec));

export const genderCodes = table({ '2': 50.6, '1': 49.2, '9': 0.1, X: 0.1 });

export const ethnicCodes = table({
  A: 71,
  B: 1,
  C: 5,
  D: 0.6,
  E: 0.3,
  F: 0.6,
  G: 0.5,
  H: 2,
  J: 4.5,
  K: 0.6,
  L: 1,
  M: 0.8,
  N: 1.8,
  P: 0.4,
  R: 0.8,
  S: 1.2,
  Z: 6,
  '99': 1.9,
});

export const nhsStatusWithNumber = table({ '01': 97, '02': 2.5, '05': 0.5 });
export const nhsStatusWithoutNumber = table({ '03': 60, '04': 25, '07': 15 });

export const adminCategoryCodes = table({ '01': 98.6, '02': 1.2, '03': 0.1, '04': 0.1 });
export const priorityCodes = table({ '1': 72, '2': 17, '3': 11 });

export const emergencyAdmissionMethods = table({ '21': 62, '22': 13, '23': 1, '24': 6, '2A': 2, '2B': 2, '2D': 14 });
export const emergencyAdmissionSources = table({
  '19': 93,
  '29': 2,
  '39': 0.5,
  '54': 1.5,
  '65': 1,
  '85': 1.5,
  '87': 0.5,
});
export const electiveAdmissionSources = table({ '19': 98, '29': 1, '54': 0.5, '85': 0.5 });
export const aliveDischargeMethods = table({ '1': 97.5, '6': 1.2, '7': 0.3, '9': 1 });
export const homeDischargeDestinations = table({ '19': 88, '29': 2, '54': 2, '65': 2.5, '85': 3.5, '51': 2 });

export const referralSourcesGeneral = table({
  '03': 63,
  '05': 9,
  '01': 3,
  '04': 5,
  '06': 2,
  '10': 3,
  '11': 3,
  '12': 2,
  '13': 1,
  '14': 1,
  '17': 1,
  '97': 2,
});

/** Religion as the legacy PAS recorded it (free text codes, loaded upper-cased). */
export const religionValues = table({
  'C OF E': 28,
  CHRISTIAN: 12,
  'ROMAN CATHOLIC': 8,
  METHODIST: 1.5,
  MUSLIM: 9,
  SIKH: 1.5,
  HINDU: 1.2,
  JEWISH: 0.8,
  BUDDHIST: 0.5,
  NONE: 22,
  'NOT KNOWN': 8,
  DECLINED: 2,
});

/** Main spoken language as recorded, and the chance an interpreter is needed. */
export const languageValues = table({
  ENGLISH: 90,
  URDU: 2.2,
  PUNJABI: 1.4,
  POLISH: 1.6,
  BENGALI: 0.6,
  ARABIC: 0.8,
  SOMALI: 0.5,
  ROMANIAN: 0.7,
  KURDISH: 0.4,
  CANTONESE: 0.4,
  TIGRINYA: 0.2,
  BSL: 0.2,
});

export const occupations = [
  'Retired',
  'Teacher',
  'Nurse',
  'Student',
  'Driver',
  'Engineer',
  'Shop assistant',
  'Care worker',
  'Unemployed',
  'Self employed',
  'Accountant',
  'Electrician',
  'Cleaner',
  'Warehouse operative',
  'Chef',
  'Office manager',
  'Civil servant',
  'Builder',
  'Hairdresser',
  'Software developer',
  'Homemaker',
  'Labourer',
  'Bus driver',
];

/** A treatment function the trust runs, and the clinical content of its activity. */
export interface TreatmentFunction {
  tfc: string;
  name: string;
  /** National main specialty of its consultants. */
  mainSpecialty: string;
  /** Main specialty used when the pack's crosswalk has no local code for `mainSpecialty` (physicians often register as 300). */
  mainSpecialtyFallback?: string;
  division: string;
  weight: number;
  sex?: '1' | '2';
  minAge?: number;
  maxAge?: number;
  /** Share of its referrals that lead to an elective admission. */
  electiveShare: number;
  /** Day-case share of its elective admissions. */
  dayCaseShare: number;
  /** Weight of emergency admissions under it. */
  emergencyWeight: number;
  diagnoses: ReadonlyArray<readonly [string, string]>;
  procedures: ReadonlyArray<readonly [string, string]>;
  /** OPCS-4 codes of outpatient procedures (coded on some attendances). */
  opProcedures?: ReadonlyArray<readonly [string, string]>;
}

export const treatmentFunctions: readonly TreatmentFunction[] = [
  {
    tfc: '100',
    name: 'General Surgery',
    mainSpecialty: '100',
    division: 'Surgery',
    weight: 9,
    electiveShare: 0.35,
    dayCaseShare: 0.55,
    emergencyWeight: 12,
    diagnoses: [
      ['K35.8', 'Acute appendicitis'],
      ['K80.2', 'Gallstones without cholecystitis'],
      ['K40.9', 'Inguinal hernia'],
      ['K57.3', 'Diverticular disease of large intestine'],
      ['K56.6', 'Intestinal obstruction'],
      ['L02.2', 'Abscess of trunk'],
    ],
    procedures: [
      ['H01.1', 'Emergency excision of appendix'],
      ['J18.3', 'Laparoscopic cholecystectomy'],
      ['T20.2', 'Primary repair of inguinal hernia'],
      ['H33.4', 'Anterior resection of rectum'],
      ['S47.1', 'Drainage of abscess of skin'],
    ],
  },
  {
    tfc: '101',
    name: 'Urology',
    mainSpecialty: '101',
    division: 'Surgery',
    weight: 5,
    electiveShare: 0.3,
    dayCaseShare: 0.7,
    emergencyWeight: 3,
    diagnoses: [
      ['N20.0', 'Calculus of kidney'],
      ['N40.X', 'Hyperplasia of prostate'],
      ['C61.X', 'Malignant neoplasm of prostate'],
      ['R31.X', 'Haematuria'],
      ['N39.0', 'Urinary tract infection'],
    ],
    procedures: [
      ['M45.9', 'Diagnostic endoscopic examination of bladder'],
      ['M65.3', 'Endoscopic resection of prostate'],
      ['M09.2', 'Endoscopic fragmentation of calculus of kidney'],
    ],
    opProcedures: [['M45.9', 'Diagnostic endoscopic examination of bladder']],
  },
  {
    tfc: '110',
    name: 'Trauma and Orthopaedics',
    mainSpecialty: '110',
    division: 'Surgery',
    weight: 11,
    electiveShare: 0.3,
    dayCaseShare: 0.35,
    emergencyWeight: 10,
    diagnoses: [
      ['M16.9', 'Arthrosis of hip'],
      ['M17.9', 'Arthrosis of knee'],
      ['S72.0', 'Fracture of neck of femur'],
      ['S52.5', 'Fracture of lower end of radius'],
      ['M23.2', 'Derangement of meniscus'],
      ['M75.1', 'Rotator cuff syndrome'],
    ],
    procedures: [
      ['W37.1', 'Primary total hip replacement using cement'],
      ['W40.1', 'Primary total knee replacement using cement'],
      ['W46.1', 'Primary cemented hemiarthroplasty of head of femur'],
      ['W19.1', 'Open reduction of fracture with internal fixation'],
      ['W82.2', 'Endoscopic resection of semilunar cartilage'],
    ],
  },
  {
    tfc: '120',
    mainSpecialtyFallback: '100',
    name: 'Ear, Nose and Throat',
    mainSpecialty: '120',
    division: 'Surgery',
    weight: 5,
    electiveShare: 0.2,
    dayCaseShare: 0.6,
    emergencyWeight: 2,
    diagnoses: [
      ['J35.0', 'Chronic tonsillitis'],
      ['H66.9', 'Otitis media'],
      ['J34.2', 'Deviated nasal septum'],
      ['H91.9', 'Hearing loss'],
      ['R04.0', 'Epistaxis'],
    ],
    procedures: [
      ['F34.1', 'Bilateral dissection tonsillectomy'],
      ['E03.6', 'Septoplasty of nose'],
      ['D15.1', 'Myringotomy with insertion of ventilation tube'],
    ],
  },
  {
    tfc: '130',
    name: 'Ophthalmology',
    mainSpecialty: '130',
    division: 'Surgery',
    weight: 9,
    electiveShare: 0.3,
    dayCaseShare: 0.97,
    emergencyWeight: 0.5,
    minAge: 0,
    diagnoses: [
      ['H25.9', 'Senile cataract'],
      ['H40.1', 'Primary open-angle glaucoma'],
      ['H35.3', 'Degeneration of macula'],
      ['E11.3', 'Type 2 diabetes with eye complications'],
      ['H33.0', 'Retinal detachment with break'],
    ],
    procedures: [
      ['C71.2', 'Phacoemulsification of lens'],
      ['C75.1', 'Insertion of prosthetic replacement for lens'],
      ['C79.4', 'Injection into vitreous body'],
      ['C60.1', 'Trabeculectomy'],
    ],
    opProcedures: [['C79.4', 'Injection into vitreous body']],
  },
  {
    tfc: '300',
    name: 'General Internal Medicine',
    mainSpecialty: '300',
    division: 'Medicine',
    weight: 6,
    electiveShare: 0.02,
    dayCaseShare: 0.6,
    emergencyWeight: 30,
    diagnoses: [
      ['J18.9', 'Pneumonia'],
      ['N39.0', 'Urinary tract infection'],
      ['A41.9', 'Sepsis'],
      ['R55.X', 'Syncope and collapse'],
      ['E86.X', 'Volume depletion'],
      ['I50.9', 'Heart failure'],
      ['J44.1', 'COPD with acute exacerbation'],
      ['E11.9', 'Type 2 diabetes'],
      ['I10.X', 'Essential hypertension'],
    ],
    procedures: [
      ['X29.2', 'Continuous intravenous infusion'],
      ['U05.1', 'Computed tomography of head'],
    ],
  },
  {
    tfc: '301',
    mainSpecialtyFallback: '300',
    name: 'Gastroenterology',
    mainSpecialty: '301',
    division: 'Medicine',
    weight: 5,
    electiveShare: 0.35,
    dayCaseShare: 0.95,
    emergencyWeight: 4,
    diagnoses: [
      ['K92.2', 'Gastrointestinal haemorrhage'],
      ['K50.9', "Crohn's disease"],
      ['K51.9', 'Ulcerative colitis'],
      ['K21.9', 'Gastro-oesophageal reflux disease'],
      ['D50.9', 'Iron deficiency anaemia'],
    ],
    procedures: [
      ['G45.1', 'Fibreoptic endoscopic examination of upper gastrointestinal tract'],
      ['H22.9', 'Diagnostic endoscopic examination of colon'],
      ['H25.9', 'Diagnostic endoscopic examination of lower bowel'],
    ],
  },
  {
    tfc: '320',
    name: 'Cardiology',
    mainSpecialty: '320',
    division: 'Medicine',
    weight: 6,
    electiveShare: 0.2,
    dayCaseShare: 0.7,
    emergencyWeight: 8,
    diagnoses: [
      ['I21.9', 'Acute myocardial infarction'],
      ['I48.9', 'Atrial fibrillation'],
      ['I20.0', 'Unstable angina'],
      ['I50.0', 'Congestive heart failure'],
      ['R07.4', 'Chest pain'],
    ],
    procedures: [
      ['K63.1', 'Angiocardiography of left side of heart'],
      ['K75.1', 'Percutaneous transluminal balloon angioplasty with stent'],
      ['K60.2', 'Implantation of cardiac pacemaker'],
    ],
  },
  {
    tfc: '330',
    mainSpecialtyFallback: '300',
    name: 'Dermatology',
    mainSpecialty: '330',
    division: 'Medicine',
    weight: 5,
    electiveShare: 0.1,
    dayCaseShare: 1,
    emergencyWeight: 0.2,
    diagnoses: [
      ['L40.0', 'Psoriasis vulgaris'],
      ['C44.3', 'Skin cancer of face'],
      ['L20.9', 'Atopic dermatitis'],
      ['D22.9', 'Melanocytic naevus'],
    ],
    procedures: [
      ['S06.4', 'Excision of lesion of skin of head or neck'],
      ['S06.5', 'Excision of lesion of skin'],
    ],
    opProcedures: [['S09.2', 'Cryotherapy to lesion of skin']],
  },
  {
    tfc: '340',
    mainSpecialtyFallback: '300',
    name: 'Respiratory Medicine',
    mainSpecialty: '340',
    division: 'Medicine',
    weight: 4,
    electiveShare: 0.05,
    dayCaseShare: 0.8,
    emergencyWeight: 7,
    diagnoses: [
      ['J44.9', 'Chronic obstructive pulmonary disease'],
      ['J45.9', 'Asthma'],
      ['C34.9', 'Malignant neoplasm of bronchus or lung'],
      ['G47.3', 'Sleep apnoea'],
    ],
    procedures: [['E49.1', 'Diagnostic fibreoptic endoscopic examination of lower respiratory tract']],
  },
  {
    tfc: '400',
    mainSpecialtyFallback: '300',
    name: 'Neurology',
    mainSpecialty: '400',
    division: 'Medicine',
    weight: 3,
    electiveShare: 0.03,
    dayCaseShare: 0.9,
    emergencyWeight: 3,
    diagnoses: [
      ['G40.9', 'Epilepsy'],
      ['G35.X', 'Multiple sclerosis'],
      ['G43.9', 'Migraine'],
      ['I63.9', 'Cerebral infarction'],
    ],
    procedures: [['A55.9', 'Diagnostic spinal puncture']],
  },
  {
    tfc: '410',
    mainSpecialtyFallback: '300',
    name: 'Rheumatology',
    mainSpecialty: '410',
    division: 'Medicine',
    weight: 3,
    electiveShare: 0.02,
    dayCaseShare: 1,
    emergencyWeight: 0.3,
    diagnoses: [
      ['M06.9', 'Rheumatoid arthritis'],
      ['M10.9', 'Gout'],
      ['M35.3', 'Polymyalgia rheumatica'],
    ],
    procedures: [['W90.3', 'Injection of therapeutic substance into joint']],
    opProcedures: [['W90.3', 'Injection of therapeutic substance into joint']],
  },
  {
    tfc: '430',
    name: 'Elderly Medicine',
    mainSpecialty: '430',
    division: 'Medicine',
    weight: 3,
    minAge: 70,
    electiveShare: 0.01,
    dayCaseShare: 0.5,
    emergencyWeight: 14,
    diagnoses: [
      ['R29.6', 'Tendency to fall'],
      ['F03.X', 'Dementia'],
      ['S72.0', 'Fracture of neck of femur'],
      ['N39.0', 'Urinary tract infection'],
      ['R41.0', 'Disorientation'],
    ],
    procedures: [['X29.2', 'Continuous intravenous infusion']],
  },
  {
    tfc: '502',
    name: 'Gynaecology',
    mainSpecialty: '502',
    division: 'Women and Children',
    weight: 6,
    sex: '2',
    minAge: 14,
    electiveShare: 0.25,
    dayCaseShare: 0.65,
    emergencyWeight: 2,
    diagnoses: [
      ['N92.0', 'Excessive menstruation'],
      ['D25.9', 'Leiomyoma of uterus'],
      ['N83.2', 'Ovarian cyst'],
      ['N81.2', 'Uterovaginal prolapse'],
    ],
    procedures: [
      ['Q07.4', 'Total abdominal hysterectomy'],
      ['Q18.9', 'Diagnostic endoscopic examination of uterus'],
      ['Q10.3', 'Dilation of cervix uteri and curettage of uterus'],
    ],
  },
  {
    tfc: '501',
    name: 'Obstetrics',
    mainSpecialty: '501',
    division: 'Women and Children',
    weight: 3,
    sex: '2',
    minAge: 16,
    maxAge: 46,
    electiveShare: 0.3,
    dayCaseShare: 0,
    emergencyWeight: 6,
    diagnoses: [
      ['O80.0', 'Spontaneous vertex delivery'],
      ['O82.0', 'Delivery by elective caesarean section'],
      ['Z37.0', 'Single live birth'],
      ['O47.9', 'False labour'],
    ],
    procedures: [
      ['R17.1', 'Elective lower uterine segment caesarean delivery'],
      ['R24.9', 'Normal delivery'],
    ],
  },
  {
    tfc: '420',
    name: 'Paediatrics',
    mainSpecialty: '420',
    division: 'Women and Children',
    weight: 5,
    maxAge: 15,
    electiveShare: 0.03,
    dayCaseShare: 0.8,
    emergencyWeight: 9,
    diagnoses: [
      ['J21.9', 'Acute bronchiolitis'],
      ['J06.9', 'Acute upper respiratory infection'],
      ['R50.9', 'Fever'],
      ['A08.4', 'Viral intestinal infection'],
      ['J45.9', 'Asthma'],
    ],
    procedures: [['X29.2', 'Continuous intravenous infusion']],
  },
  {
    tfc: '710',
    name: 'Adult Mental Illness',
    mainSpecialty: '710',
    division: 'Mental Health',
    weight: 1.2,
    minAge: 18,
    electiveShare: 0,
    dayCaseShare: 0,
    emergencyWeight: 1.5,
    diagnoses: [
      ['F20.0', 'Paranoid schizophrenia'],
      ['F31.9', 'Bipolar affective disorder'],
      ['F32.2', 'Severe depressive episode'],
      ['F10.2', 'Alcohol dependence'],
    ],
    procedures: [],
  },
];

/** The treatment function of the mental health wards. */
export const mentalHealthTfc = '710';

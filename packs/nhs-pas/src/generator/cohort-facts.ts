import type { UkAddress } from '@ferry/core';

/**
 * The truth of a synthetic cohort, in national form: day numbers (days since 1970-01-01) for dates,
 * minute numbers (minutes since 1970-01-01 00:00) for date-times, national codes for coded values, names in
 * their natural case. Renderers write each fact twice: as the legacy PAS held it and as the target must hold it.
 * Every row fact carries `id`, its legacy surrogate key, unique within its table.
 */

export type Day = number;
export type Minute = number;

/** Marks on a row fact that decide where it goes besides the plain source and expected files. */
export interface RowFlags {
  /** The legacy record status of tables with a scope filter: A active, D deleted, M merged. */
  recStatus?: 'A' | 'D' | 'M';
  /** Set when an injected defect makes this row (and so its descendants) fail to load. */
  rejected?: boolean;
  /** Legacy values that replace the rendered ones (injected defects): source column -> raw text. */
  overrides?: Record<string, string>;
}

export interface IdentifierFact extends RowFlags {
  id: number;
  /** AE, OLDHN, RAD, NHSOLD. */
  type: string;
  value: string;
  issuer: string;
  primary: boolean;
  from: Day;
  to?: Day;
}

export interface AliasFact extends RowFlags {
  id: number;
  /** PREV, MAIDEN, AKA, BABY. */
  type: string;
  surname: string;
  forename?: string;
  middleNames?: string;
  title?: string;
  from?: Day;
  to?: Day;
  comment?: string;
}

export interface AddressFact extends RowFlags {
  id: number;
  /** HOME, TEMP, CORR. */
  type: string;
  address: UkAddress;
  /** Legacy typing quirks: postcode written without its space, or lower case. */
  postcodeStyle: 'spaced' | 'compact' | 'lower';
  country?: string;
  from: Day;
  to?: Day;
  current: boolean;
  confidential: boolean;
}

export interface ContactFact extends RowFlags {
  id: number;
  /** HOME, MOB, WORK, EMAIL. */
  type: string;
  value: string;
  preferred: boolean;
  smsConsent?: boolean;
  emailConsent?: boolean;
  from: Day;
  to?: Day;
  comment?: string;
}

export interface NextOfKinFact extends RowFlags {
  id: number;
  /** NOK, EMER, CARER, GUARD. */
  type: string;
  /** As recorded: WIFE, HUSBAND, SON, DAUGHTER, MOTHER, FATHER, ... */
  relationship: string;
  surname: string;
  forename: string;
  title?: string;
  address?: UkAddress;
  homePhone?: string;
  mobilePhone?: string;
  workPhone?: string;
  parentalResponsibility?: boolean;
  from: Day;
  to?: Day;
  comment?: string;
}

export interface GpRegistrationFact extends RowFlags {
  id: number;
  practiceCode: string;
  gpCode?: string;
  gpName?: string;
  practiceName?: string;
  practicePostcode?: string;
  from: Day;
  to?: Day;
  current: boolean;
}

export interface AllergyFact extends RowFlags {
  id: number;
  code: string;
  description: string;
  /** DRUG, FOOD, ENV, OTHER. */
  type: string;
  reaction?: string;
  /** MILD, MOD, SEV. */
  severity?: string;
  recorded: Day;
  recordedBy: string;
  ended?: Day;
  comment?: string;
}

export interface AlertFact extends RowFlags {
  id: number;
  /** INFECT, SAFEG, VIOL, LD, DNACPR, OTHER. */
  type: string;
  code: string;
  text: string;
  start: Day;
  end?: Day;
  review?: Day;
  staffWarning: boolean;
  recordedBy: string;
}

export interface CasenoteFact extends RowFlags {
  id: number;
  number: string;
  volume: number;
  /** MAIN, XRAY, MH. */
  type: string;
  location: string;
  locationAt: Minute;
  homeLocation: string;
  borrower?: string;
  returnBy?: Day;
  /** A active, C closed, M missing, D destroyed. */
  status: string;
  comment?: string;
}

export interface MergeFact extends RowFlags {
  id: number;
  /** The merged-away patient (its PATIENT row has REC_STATUS M). */
  minor: PatientCore;
  at: Minute;
  by: string;
  reason: string;
  unmerged: boolean;
}

/** The demographic core of a patient, shared by survivors, merged-away records and duplicates. */
export interface PatientCore extends RowFlags {
  id: number;
  hospitalNumber: string;
  nhsNumber?: string;
  /** NHS number status indicator (national, 01-08). */
  nhsStatus: string;
  /** How the legacy wrote the NHS number. */
  nhsStyle: 'plain' | 'spaced';
  title?: string;
  forename: string;
  middleNames?: string;
  surname: string;
  knownAs?: string;
  /** Person stated gender (national: 1, 2, 9, X). */
  sex: string;
  dob: Day;
  birthTime?: Minute;
  /** Ethnic category (national). */
  ethnic?: string;
  /** Marital status (national). */
  marital?: string;
  religion?: string;
  language?: string;
  interpreter?: boolean;
  occupation?: string;
  birthPlace?: string;
  dod?: Day;
  deathPlace?: string;
  practiceCode?: string;
  gpCode?: string;
  restricted: boolean;
  homePhone?: string;
  mobilePhone?: string;
  workPhone?: string;
  email?: string;
  overseas?: string;
  lastTraced?: Day;
  registered: Day;
  comment?: string;
  mergedInto?: number;
  lastSeen?: Day;
  labelPrinted?: boolean;
  created: Minute;
}

export interface RttEventFact extends RowFlags {
  id: number;
  day: Day;
  /** RTT period status (national). */
  status: string;
  /** START, STOP, BOTH, NULL. */
  action: string;
  /** REF, OPA, IPWL, TCI, ADM. */
  sourceType: string;
  sourceId: number;
  consultantId: number;
  specialty: string;
  comment?: string;
}

export interface RttPeriodFact extends RowFlags {
  id: number;
  clockStart: Day;
  clockStop?: Day;
  startStatus: string;
  stopStatus?: string;
  specialty: string;
  consultantId: number;
  pauseDays: number;
  /** The referral that started the clock. */
  referralId?: number;
  events: RttEventFact[];
}

export interface RttPathwayFact extends RowFlags {
  id: number;
  ppi: string;
  ppiIssuer: string;
  ubrn?: string;
  start: Day;
  end?: Day;
  currentStatus: string;
  rtt: boolean;
  specialty: string;
  consultantId: number;
  open: boolean;
  comment?: string;
  periods: RttPeriodFact[];
}

export interface OpWaitSuspensionFact extends RowFlags {
  id: number;
  start: Day;
  end?: Day;
  /** MED, SOC. */
  type: string;
  reason: string;
}

export interface OpWaitFact extends RowFlags {
  id: number;
  referralId: number;
  /** N new, FU follow-up. */
  listType: string;
  added: Day;
  target?: Day;
  priority: string;
  specialty: string;
  consultantId: number;
  clinicId: number;
  siteId: number;
  /** W waiting, D deferred, L linked, A booked, C closed. */
  status: string;
  removed?: Day;
  removalReason?: string;
  partialBooking: boolean;
  comment?: string;
  suspensions: OpWaitSuspensionFact[];
}

export interface ClinicalCodeFact extends RowFlags {
  id: number;
  scheme: 'ICD10' | 'OPCS4';
  /** The code in its dotted form (`I21.9`, `W37.1`). */
  code: string;
  seq: number;
  description: string;
  day?: Day;
  codedBy: string;
  codedOn: Day;
}

export interface AppointmentFact extends RowFlags {
  id: number;
  referralId: number;
  at: Minute;
  booked: Day;
  clinicId: number;
  sessionId: number;
  slotId?: number;
  opWaitId?: number;
  siteId: number;
  consultantId: number;
  specialty: string;
  /** Main specialty of the consultant (national). */
  mainSpecialty: string;
  /** First attendance (national 1-4). */
  firstAttendance: string;
  priority: string;
  /** PB, DB, ERS. */
  bookingType: string;
  /** Attended or did not attend (national 0, 2-7). */
  attendance: string;
  /** Outcome of attendance (national 1-3) when attended. */
  outcome?: string;
  arrived?: Minute;
  seen?: Minute;
  completed?: Minute;
  cancelled?: Day;
  cancelReason?: string;
  cancelledBy?: 'P' | 'H';
  rttAction?: string;
  rttStatus?: string;
  adminCategory: string;
  transport: boolean;
  comment?: string;
  letterPrinted: boolean;
  smsSent: boolean;
  coding: ClinicalCodeFact[];
}

export interface IpWaitSuspensionFact extends RowFlags {
  id: number;
  start: Day;
  end?: Day;
  type: string;
  reason: string;
  comment?: string;
}

export interface TciFact extends RowFlags {
  id: number;
  offered: Day;
  tciDay: Day;
  tciTime: number;
  agreed?: Day;
  preOp?: Day;
  siteId: number;
  wardId: number;
  /** B booked, A admitted, C cancelled, D did not attend. */
  status: string;
  outcome?: string;
  cancelled?: Day;
  cancelReason?: string;
  cancelledBy?: 'P' | 'H';
  reasonable: boolean;
}

export interface IpWaitFact extends RowFlags {
  id: number;
  referralId?: number;
  dta: Day;
  listed: Day;
  /** Intended management (national). */
  intendedManagement: string;
  /** Elective admission type (national 11, 12, 13). */
  electiveType: string;
  priority: string;
  specialty: string;
  consultantId: number;
  siteId: number;
  wardId: number;
  plannedProcedure: string;
  plannedProcedureText: string;
  adminCategory: string;
  anaesthetic: string;
  expectedLos: number;
  /** W waiting, D deferred, L linked, A admitted, N not fit, C closed. */
  status: string;
  review?: Day;
  removed?: Day;
  removalReason?: string;
  comment?: string;
  preOpClinic?: string;
  suspensions: IpWaitSuspensionFact[];
  tcis: TciFact[];
}

export interface WardStayFact extends RowFlags {
  id: number;
  wardId: number;
  bed: string;
  start: Minute;
  end?: Minute;
  leave: boolean;
  awol: boolean;
  transferReason?: string;
}

export interface EpisodeFact extends RowFlags {
  id: number;
  number: number;
  start: Minute;
  end?: Minute;
  consultantId: number;
  mainSpecialty: string;
  specialty: string;
  siteId: number;
  team: string;
  last: boolean;
  /** C coded, U uncoded, P partial. */
  codingStatus: string;
  wardStays: WardStayFact[];
  diagnoses: ClinicalCodeFact[];
  procedures: (ClinicalCodeFact & { operatorId: number; anaesthetistId?: number })[];
}

export interface SpellFact extends RowFlags {
  id: number;
  ipWaitId?: number;
  spellNumber: string;
  admitted: Minute;
  method: string;
  source: string;
  classification: string;
  adminCategory: string;
  intendedManagement: string;
  dta?: Day;
  consultantId: number;
  specialty: string;
  siteId: number;
  admissionWardId: number;
  referrerCode?: string;
  referrerOrg?: string;
  expectedDischarge?: Day;
  discharged?: Minute;
  dischargeMethod?: string;
  dischargeDestination?: string;
  dischargeWardId?: number;
  rttAction?: string;
  rttStatus?: string;
  comment?: string;
  bedRequest?: string;
  episodes: EpisodeFact[];
}

export interface ReferralFact extends RowFlags {
  id: number;
  pathwayId?: number;
  referred: Day;
  received: Day;
  /** Source of referral (national). */
  source: string;
  referrerCode?: string;
  referrerOrg?: string;
  priority: string;
  specialty: string;
  consultantId: number;
  siteId: number;
  team: string;
  /** OP, IP, DIAG. */
  type: string;
  reason: string;
  adminCategory: string;
  ubrn?: string;
  /** O open, C closed, X cancelled. */
  status: string;
  outcomeCode?: string;
  discharged?: Day;
  dischargeReason?: string;
  comment?: string;
  letterRef: string;
  ackSent: boolean;
}

export interface DetentionTransferFact extends RowFlags {
  id: number;
  day: Day;
  /** SECT, HOSP. */
  type: string;
  fromSection?: string;
  toSection?: string;
  fromOrg?: string;
  toOrg?: string;
  authorisedBy?: string;
}

export interface TribunalFact extends RowFlags {
  id: number;
  type: string;
  applied: Day;
  appliedBy: string;
  hearing?: Day;
  outcome?: string;
  outcomeDay?: Day;
  comment?: string;
}

export interface DetentionFact extends RowFlags {
  id: number;
  spellId?: number;
  section: string;
  start: Minute;
  expiry?: Minute;
  end?: Minute;
  endReason?: string;
  renewed?: Day;
  clinicianId: number;
  amhp: string;
  siteId: number;
  wardId: number;
  /** A active, E ended. */
  status: string;
  comment?: string;
  transfers: DetentionTransferFact[];
  tribunals: TribunalFact[];
}

export interface CpaFact extends RowFlags {
  id: number;
  level: string;
  start: Day;
  end?: Day;
  endReason?: string;
  coordinatorId: number;
  team: string;
  lastReview?: Day;
  nextReview?: Day;
  s117: boolean;
}

/** Everything known about one patient. Child arrays are in the order their rows are written. */
export interface PatientFacts {
  core: PatientCore;
  identifiers: IdentifierFact[];
  aliases: AliasFact[];
  addresses: AddressFact[];
  contacts: ContactFact[];
  nextOfKin: NextOfKinFact[];
  gpRegistrations: GpRegistrationFact[];
  allergies: AllergyFact[];
  alerts: AlertFact[];
  casenotes: CasenoteFact[];
  merges: MergeFact[];
  pathways: RttPathwayFact[];
  referrals: ReferralFact[];
  opWaits: OpWaitFact[];
  appointments: AppointmentFact[];
  ipWaits: IpWaitFact[];
  spells: SpellFact[];
  detentions: DetentionFact[];
  cpas: CpaFact[];
}

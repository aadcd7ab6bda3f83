import type {
  AppointmentFact,
  DetentionFact,
  EpisodeFact,
  IpWaitFact,
  OpWaitFact,
  PatientCore,
  RttPathwayFact,
  RttPeriodFact,
  SpellFact,
} from '../cohort-facts.js';
import type { LocalCodes } from '../local-codes.js';
import type { Quirks } from '../quirks.js';
import type { ReferenceData } from '../reference-data.js';
import type { SessionCalendar } from '../session-calendar.js';

/**
 * What a cell renderer can see besides its row: reference data, the code maps, the per-row quirks, and the
 * row's ancestors (set by the cohort writer as it walks a patient's facts).
 */
export interface RenderEnv {
  ref: ReferenceData;
  codes: LocalCodes;
  quirks: Quirks;
  calendar: SessionCalendar;
  extract: number;
  /** Legacy logins used on audit columns. */
  users: readonly string[];
  patient: PatientCore;
  pathway?: RttPathwayFact;
  period?: RttPeriodFact;
  opWait?: OpWaitFact;
  appointment?: AppointmentFact;
  ipWait?: IpWaitFact;
  spell?: SpellFact;
  episode?: EpisodeFact;
  detention?: DetentionFact;
}

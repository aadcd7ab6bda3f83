import type { PatientScope } from './build-context.js';
import type { TreatmentFunction } from './code-book.js';
import type { AppointmentFact, ClinicalCodeFact } from './cohort-facts.js';
import type { ClinicRef } from './reference-data.js';
import type { Booking, SlotKind } from './session-calendar.js';

const patientCancelReasons = [
  'Patient unwell',
  'Patient on holiday',
  'Patient has work commitments',
  'Transport not available',
  'Patient requested new date',
];
const hospitalCancelReasons = [
  'Clinic cancelled - consultant on leave',
  'Clinic overbooked',
  'Consultant called to theatre',
  'Rescheduled by booking office',
];
const appointmentComments = [
  'Needs wheelchair on arrival',
  'Interpreter booked',
  'Bring list of current medication',
  'Bloods before appointment',
  'Patient requested female clinician',
];

/** Everything an appointment needs from its referral and pathway. */
export interface AppointmentRequest {
  referralId: number;
  clinic: ClinicRef;
  tf: TreatmentFunction;
  kind: SlotKind;
  /** Earliest day for the appointment. */
  wantedDay: number;
  /** Day the booking was made (before the appointment). */
  bookedOn: number;
  firstAttendance: string;
  priority: string;
  bookingType: string;
  adminCategory: string;
  opWaitId?: number;
  /** Treat the appointment as attended (no cancellation, no DNA), e.g. for a defect that needs one. */
  forceAttend?: boolean;
}

/** How an appointment went. */
export type AppointmentResult =
  | { kind: 'future'; appointment: AppointmentFact }
  | { kind: 'cancelled'; appointment: AppointmentFact; by: 'P' | 'H' }
  | { kind: 'dna'; appointment: AppointmentFact }
  | { kind: 'late-not-seen'; appointment: AppointmentFact }
  | { kind: 'attended'; appointment: AppointmentFact };

/**
 * Books an appointment into the clinic's sessions and decides how it went: in the future (attendance 0),
 * cancelled by the patient or the hospital, not attended, late, or attended with arrival, seen and completed
 * times. Returns undefined when no slot is free before the last possible day.
 */
export function bookAppointment(scope: PatientScope, req: AppointmentRequest): AppointmentResult | undefined {
  const { rng, ctx } = scope;
  const latest = Math.min(scope.lastDay, ctx.horizon);
  const booking: Booking | undefined = ctx.calendar.book(
    req.clinic.index,
    req.kind,
    Math.max(req.wantedDay, req.bookedOn + 1),
    latest,
  );
  if (!booking) return undefined;
  const consultant = ctx.ref.staffById.get(req.clinic.consultantId)!;
  const base: AppointmentFact = {
    id: ctx.ids.next('appointment'),
    referralId: req.referralId,
    recStatus: 'A',
    at: booking.at,
    booked: Math.min(req.bookedOn, booking.day - 1),
    clinicId: req.clinic.id,
    sessionId: booking.sessionId,
    slotId: booking.slotId,
    opWaitId: req.opWaitId,
    siteId: req.clinic.siteId,
    consultantId: consultant.id,
    specialty: req.tf.tfc,
    mainSpecialty: consultant.mainSpecialty!,
    firstAttendance: req.firstAttendance,
    priority: req.priority,
    bookingType: req.bookingType,
    attendance: '0',
    adminCategory: req.adminCategory,
    transport: rng.chance(0.04),
    comment: rng.chance(0.04) ? rng.pick(appointmentComments) : undefined,
    letterPrinted: rng.chance(0.9),
    smsSent: rng.chance(0.6),
    coding: [],
  };
  if (booking.day > ctx.extract) return { kind: 'future', appointment: base };
  const r = req.forceAttend ? 1 : rng.next();
  if (r < 0.055 || (r < 0.1 && booking.day - base.booked > 3)) {
    const byPatient = r < 0.055 ? rng.chance(0.55) : false;
    ctx.calendar.release(booking.slotId);
    const cancelled = base.booked + rng.int(0, Math.max(0, booking.day - base.booked - 1));
    base.attendance = byPatient ? '2' : '4';
    base.cancelled = cancelled;
    base.cancelledBy = byPatient ? 'P' : 'H';
    base.cancelReason = rng.pick(byPatient ? patientCancelReasons : hospitalCancelReasons);
    return { kind: 'cancelled', appointment: base, by: byPatient ? 'P' : 'H' };
  }
  if (r < 0.165) {
    base.attendance = '3';
    return { kind: 'dna', appointment: base };
  }
  if (r < 0.17) {
    base.attendance = '7';
    base.arrived = booking.at + rng.int(25, 60);
    return { kind: 'late-not-seen', appointment: base };
  }
  const late = r < 0.2;
  base.attendance = late ? '6' : '5';
  base.arrived = booking.at + (late ? rng.int(10, 30) : -rng.int(0, 25));
  base.seen = Math.max(base.arrived, booking.at) + rng.int(0, 50);
  base.completed = base.seen + rng.int(8, 30);
  return { kind: 'attended', appointment: base };
}

/** Codes an attended appointment (an outpatient procedure, and sometimes its diagnosis). */
export function codeAppointment(
  scope: PatientScope,
  appt: AppointmentFact,
  tf: TreatmentFunction,
  withProcedure: boolean,
): void {
  const { rng, ctx } = scope;
  const day = Math.floor(appt.at / 1440);
  const codedOn = Math.min(ctx.extract, day + rng.int(1, 20));
  const coder = rng.pick(ctx.ref.coders).login;
  const codes: ClinicalCodeFact[] = [];
  if (withProcedure && tf.opProcedures?.length) {
    const [code, description] = rng.pick(tf.opProcedures);
    codes.push({
      id: ctx.ids.next('opCoding'),
      scheme: 'OPCS4',
      code,
      seq: 1,
      description,
      day,
      codedBy: coder,
      codedOn,
    });
  }
  if (rng.chance(codes.length ? 0.5 : 0.15)) {
    const [code, description] = rng.pick(tf.diagnoses);
    codes.push({
      id: ctx.ids.next('opCoding'),
      scheme: 'ICD10',
      code,
      seq: codes.length + 1,
      description,
      codedBy: coder,
      codedOn,
    });
  }
  appt.coding = codes;
}

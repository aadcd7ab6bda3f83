import { type SeededRandom, weekday } from '@ferry/core';
import { cohortSettings } from './cohort-settings.js';
import type { ClinicRef } from './reference-data.js';

/** Kinds of slot: new patients (one of them kept for two-week-wait referrals) and follow-ups. */
export type SlotKind = 'NEW' | '2WW' | 'FU';

/** A booked slot: where and when an appointment is. */
export interface Booking {
  sessionIndex: number;
  sessionId: number;
  slotId: number;
  /** Minute number of the slot's start. */
  at: number;
  day: number;
}

const sessionStart = { AM: 9 * 60, PM: 13 * 60 + 30 } as const;
const cancelReasons = [
  'Consultant annual leave',
  'Consultant study leave',
  'Consultant sickness',
  'Clinic room unavailable',
  'Bank holiday',
];

/**
 * Every clinic session and slot of the outpatient history and the booked future, in constant memory per session
 * (typed arrays, no objects), with which slots are taken. Session ids follow date order; slot ids follow session
 * order. Appointments are booked into the first free slot of the right kind on or after a wanted day, so the
 * slot file written at the end agrees with the appointments.
 */
export class SessionCalendar {
  readonly firstSessionId = 400_001;
  readonly firstSlotId = 2_000_001;
  readonly sessionCount: number;
  readonly sessionDay: Int32Array;
  readonly sessionClinic: Int32Array;
  readonly sessionSlotBase: Int32Array;
  /** 0 normal, 1 cancelled. */
  readonly sessionCancelled: Uint8Array;
  readonly sessionCancelDay: Int32Array;
  readonly sessionOverbook: Uint8Array;
  /** 0 free, 1 booked, 2 blocked. */
  readonly slotState: Uint8Array;
  private readonly byClinic: Int32Array[];

  constructor(
    readonly clinics: readonly ClinicRef[],
    rng: SeededRandom,
    readonly lastDay = cohortSettings.extractDay + cohortSettings.futureDays,
  ) {
    const first = cohortSettings.activityStartDay - weekday(cohortSettings.activityStartDay);
    const days: number[] = [];
    const owners: number[] = [];
    for (let week = 0; first + week * 7 <= lastDay; week++) {
      for (let wd = 0; wd < 5; wd++) {
        const day = first + week * 7 + wd;
        if (day < cohortSettings.activityStartDay || day > lastDay) continue;
        for (const half of ['AM', 'PM'] as const) {
          for (const c of clinics) {
            if (c.weekday !== wd || c.amPm !== half || week % c.cadenceWeeks !== c.phaseWeeks || day < c.start)
              continue;
            days.push(day);
            owners.push(c.index);
          }
        }
      }
    }
    this.sessionCount = days.length;
    this.sessionDay = Int32Array.from(days);
    this.sessionClinic = Int32Array.from(owners);
    this.sessionSlotBase = new Int32Array(days.length);
    this.sessionCancelled = new Uint8Array(days.length);
    this.sessionCancelDay = new Int32Array(days.length);
    this.sessionOverbook = new Uint8Array(days.length);
    let slots = 0;
    const perClinic: number[][] = clinics.map(() => []);
    for (let i = 0; i < days.length; i++) {
      const c = clinics[owners[i]!]!;
      this.sessionSlotBase[i] = slots;
      slots += c.newSlots + c.fuSlots;
      perClinic[c.index]!.push(i);
      if (rng.chance(0.025)) {
        this.sessionCancelled[i] = 1;
        this.sessionCancelDay[i] = Math.min(days[i]! - rng.int(10, 60), cohortSettings.extractDay - rng.int(0, 5));
      }
      if (rng.chance(0.1)) this.sessionOverbook[i] = 1;
    }
    this.slotState = new Uint8Array(slots);
    for (let i = 0; i < days.length; i++) {
      const n = this.slotsOf(i);
      for (let k = 0; k < n; k++) {
        const s = this.sessionSlotBase[i]! + k;
        if (this.sessionCancelled[i] || rng.chance(0.02)) this.slotState[s] = 2;
      }
    }
    this.byClinic = perClinic.map((l) => Int32Array.from(l));
  }

  get slotCount(): number {
    return this.slotState.length;
  }

  clinicOf(sessionIndex: number): ClinicRef {
    return this.clinics[this.sessionClinic[sessionIndex]!]!;
  }

  slotsOf(sessionIndex: number): number {
    const c = this.clinicOf(sessionIndex);
    return c.newSlots + c.fuSlots;
  }

  /** Kind of the k-th slot of a session: the first is kept for two-week waits, then new, then follow-up. */
  slotKind(sessionIndex: number, k: number): SlotKind {
    const c = this.clinicOf(sessionIndex);
    if (k === 0) return '2WW';
    return k < c.newSlots ? 'NEW' : 'FU';
  }

  /** Start minute of the k-th slot of a session. */
  slotMinute(sessionIndex: number, k: number): number {
    const c = this.clinicOf(sessionIndex);
    return this.sessionDay[sessionIndex]! * 1440 + sessionStart[c.amPm] + k * c.slotMins;
  }

  sessionTimes(sessionIndex: number): { start: number; end: number } {
    const c = this.clinicOf(sessionIndex);
    const start = sessionStart[c.amPm];
    return { start, end: start + this.slotsOf(sessionIndex) * c.slotMins };
  }

  /** Session index of a session id. */
  sessionIndexOfId(sessionId: number): number {
    return sessionId - this.firstSessionId;
  }

  /**
   * Books the first free slot of the kind (2WW falls back to NEW; NEW and FU fall back to each other after a
   * few sessions) in a clinic's sessions from `fromDay` to `toDay`; undefined when all are full.
   */
  book(clinicIndex: number, kind: SlotKind, fromDay: number, toDay = this.lastDay): Booking | undefined {
    const list = this.byClinic[clinicIndex]!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sessionDay[list[mid]!]! < fromDay) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo, tried = 0; j < list.length; j++, tried++) {
      const si = list[j]!;
      if (this.sessionDay[si]! > toDay) return undefined;
      if (this.sessionCancelled[si]) continue;
      const n = this.slotsOf(si);
      const base = this.sessionSlotBase[si]!;
      const any = tried >= 3;
      for (let pass = 0; pass < 2; pass++) {
        for (let k = 0; k < n; k++) {
          if (this.slotState[base + k] !== 0) continue;
          const sk = this.slotKind(si, k);
          const fits =
            pass === 0 ? sk === kind || (kind === '2WW' && sk === 'NEW') : any || (kind !== 'FU') === (sk !== 'FU');
          if (!fits) continue;
          this.slotState[base + k] = 1;
          return {
            sessionIndex: si,
            sessionId: this.firstSessionId + si,
            slotId: this.firstSlotId + base + k,
            at: this.slotMinute(si, k),
            day: this.sessionDay[si]!,
          };
        }
      }
    }
    return undefined;
  }

  /** Frees a booked slot (the appointment in it was cancelled). */
  release(slotId: number): void {
    const s = slotId - this.firstSlotId;
    if (this.slotState[s] === 1) this.slotState[s] = 0;
  }

  /** Session status for the session file: C cancelled, H held (past), A available (future). */
  sessionStatus(sessionIndex: number): 'C' | 'H' | 'A' {
    if (this.sessionCancelled[sessionIndex]) return 'C';
    return this.sessionDay[sessionIndex]! <= cohortSettings.extractDay ? 'H' : 'A';
  }

  cancelReason(sessionIndex: number): string {
    return cancelReasons[sessionIndex % cancelReasons.length]!;
  }
}

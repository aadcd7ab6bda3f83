import { ownCopy } from './own-copy.js';
import type { DetectedType, extremesKinds } from './profile-model.js';

/** The minimum and maximum of a column, chosen for its detected type. */
export interface Extremes {
  extremes: (typeof extremesKinds)[number];
  min?: string;
  max?: string;
}

/** Types whose values identify people or hold free text: their extremes are not published. */
const withheldTypes: ReadonlySet<DetectedType> = new Set(['nhs_number', 'postcode', 'text']);

/**
 * Tracks minimum and maximum under every reading at once (numeric, chronological, lexical), since the
 * column's type is only known at the end. Numeric extremes keep the value as written.
 *
 * @example
 * const x = new TypedExtremes();
 * x.addNumber(10, '10'); x.addNumber(9, '9');
 * x.forType('integer') // => { extremes: 'numeric', min: '9', max: '10' }
 */
export class TypedExtremes {
  private minNumber = Number.POSITIVE_INFINITY;
  private maxNumber = Number.NEGATIVE_INFINITY;
  private minNumberText: string | undefined;
  private maxNumberText: string | undefined;
  private minDate: string | undefined;
  private maxDate: string | undefined;
  private minDateTime: string | undefined;
  private maxDateTime: string | undefined;
  private minText: string | undefined;
  private maxText: string | undefined;

  addNumber(value: number, text: string): void {
    if (value < this.minNumber) {
      this.minNumber = value;
      this.minNumberText = ownCopy(text);
    }
    if (value > this.maxNumber) {
      this.maxNumber = value;
      this.maxNumberText = ownCopy(text);
    }
  }

  /** An ISO `yyyy-mm-dd` date; also counts toward date-time extremes at midnight. */
  addDate(iso: string): void {
    if (this.minDate === undefined || iso < this.minDate) this.minDate = iso;
    if (this.maxDate === undefined || iso > this.maxDate) this.maxDate = iso;
    this.addDateTime(`${iso} 00:00:00`);
  }

  /** An ISO `yyyy-mm-dd hh:mm:ss` date-time. */
  addDateTime(iso: string): void {
    if (this.minDateTime === undefined || iso < this.minDateTime) this.minDateTime = iso;
    if (this.maxDateTime === undefined || iso > this.maxDateTime) this.maxDateTime = iso;
  }

  addText(value: string): void {
    if (this.minText === undefined || value < this.minText) this.minText = ownCopy(value);
    if (this.maxText === undefined || value > this.maxText) this.maxText = ownCopy(value);
  }

  /** The extremes to publish for a column of this type. */
  forType(type: DetectedType): Extremes {
    if (type === 'empty') return { extremes: 'none' };
    if (withheldTypes.has(type)) return { extremes: 'withheld' };
    if (type === 'integer' || type === 'decimal') {
      return this.minNumberText === undefined
        ? { extremes: 'none' }
        : { extremes: 'numeric', min: this.minNumberText, max: this.maxNumberText };
    }
    if (type === 'date') return chronological(this.minDate, this.maxDate);
    if (type === 'datetime') return chronological(this.minDateTime, this.maxDateTime);
    return { extremes: 'lexical', min: this.minText, max: this.maxText };
  }
}

function chronological(min: string | undefined, max: string | undefined): Extremes {
  return min === undefined ? { extremes: 'none' } : { extremes: 'chronological', min, max };
}

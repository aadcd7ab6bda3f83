import { describe, expect, it } from 'vitest';
import { formatsSeen } from './formats-seen';

describe('formatsSeen', () => {
  it('lists layouts most frequent first, ties by name, and leaves out layouts never seen', () => {
    expect(formatsSeen({ 'yyyy-mm-dd': 3, 'dd/mm/yyyy': 4120, yyyymmdd: 3, 'mm/dd/yyyy': 0 })).toBe(
      'dd/mm/yyyy 4,120 · yyyy-mm-dd 3 · yyyymmdd 3',
    );
    expect(formatsSeen(undefined)).toBe('');
    expect(formatsSeen({})).toBe('');
  });
});

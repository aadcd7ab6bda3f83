import { describe, expect, it } from 'vitest';
import { AMBIGUOUS, NaturalKeyIndex } from './natural-key-index.js';

describe('NaturalKeyIndex', () => {
  it('with holders: knows the row holding each key, and a key two loaded rows hold is ambiguous', () => {
    const index = new NaturalKeyIndex({ holders: true });
    index.addExisting('9990000018', { jobId: 'A', targetKey: '1' });
    index.addExisting('9990000026', { jobId: 'A', targetKey: '2' });
    index.addExisting('9990000026', { jobId: 'B', targetKey: '7' });
    expect(index.get('9990000018')).toEqual({ jobId: 'A', targetKey: '1' });
    expect(index.get('9990000026')).toBe(AMBIGUOUS);
    expect(index.get('9990000034')).toBeUndefined();
    // The job's own rows take the key over as it goes (an update, or a new row).
    index.hold('9990000018', { jobId: 'C', targetKey: '1' });
    index.hold('9990000034', { jobId: 'C', targetKey: '3' });
    expect(index.get('9990000018')).toEqual({ jobId: 'C', targetKey: '1' });
    expect(index.has('9990000034')).toBe(true);
  });

  it('without holders: only whether a key is there (skip and reject), and asking for a holder is a mistake', () => {
    const index = new NaturalKeyIndex({ holders: false });
    index.addExisting('9990000018', { jobId: 'A', targetKey: '1' });
    index.hold('SMITH|1970-01-01', { jobId: 'B', targetKey: '2' });
    expect(index.has('9990000018')).toBe(true);
    expect(index.has('SMITH|1970-01-01')).toBe(true);
    expect(index.has('9990000026')).toBe(false);
    expect(() => index.get('9990000018')).toThrow(/without holders/);
  });
});

import { describe, expect, it } from 'vitest';
import { detectVendor } from './detect-vendor.js';

describe('detectVendor', () => {
  it('names each vendor from its patient file header alone', () => {
    expect(detectVendor([['patient_id', 'first_name', 'last_name', 'dob', 'email', 'mobile', 'postcode']]).preset).toBe(
      'optical:optix',
    );
    expect(
      detectVendor([['PatientID', 'FirstName', 'Surname', 'DateOfBirth', 'Email', 'Town', 'NHSNumber']]).preset,
    ).toBe('optical:occuco');
    expect(detectVendor([['id', 'firstName', 'lastName', 'birthDate', 'cellPhone', 'address', 'zip']]).preset).toBe(
      'optical:acuity',
    );
  });

  it('reads a byte-order mark and extra columns, with a confidence below 1', () => {
    const d = detectVendor([
      ['\uFEFFpatient_id', 'first_name', 'last_name', 'dob', 'loyalty_points'],
      ['exam_id', 'patient_id', 'exam_date', 'iop_right', 'iop_left'],
    ]);
    expect(d.vendor).toBe('optix');
    expect(d.confidence).toBe(0.9);
  });

  it('names no preset for an unknown system (the auto-mapper takes over)', () => {
    const d = detectVendor([['PAT_NO', 'FORENAME', 'SURNAME', 'BIRTH_DT']]);
    expect(d.preset).toBeUndefined();
    expect(d.confidence).toBe(0);
  });
});

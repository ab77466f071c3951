import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, draftOfSettings, fieldOfServerError, validateRate, validateSettings } from './roomSettings';

describe('waiting-room settings form', () => {
  it('turns a valid draft into the input the server takes', () => {
    const draft = { ...draftOfSettings(DEFAULT_SETTINGS), enabled: true, admissionsPerMinute: ' 600 ' };
    expect(validateSettings(draft)).toEqual({
      input: { enabled: true, preQueueMinutes: 30, admissionsPerMinute: 600, maxShopping: 500, admissionMinutes: 10 },
    });
  });

  it('names every field out of the server’s bounds', () => {
    const result = validateSettings({ enabled: true, preQueueMinutes: '1441', admissionsPerMinute: '0', maxShopping: 'lots', admissionMinutes: '121' });
    expect(result).toEqual({
      errors: {
        preQueueMinutes: 'Pre-queue minutes must be at most 1440',
        admissionsPerMinute: 'Admissions per minute must be at least 1',
        maxShopping: 'Shopping at once must be a whole number',
        admissionMinutes: 'Admission minutes must be at most 120',
      },
    });
  });

  it('accepts a pre-queue of zero minutes', () => {
    expect('input' in validateSettings({ ...draftOfSettings(null), preQueueMinutes: '0' })).toBe(true);
  });

  it('checks the live rate on its own', () => {
    expect(validateRate('250')).toBe(250);
    expect(validateRate('2.5')).toBe('Admissions per minute must be a whole number');
    expect(validateRate('100001')).toBe('Admissions per minute must be at most 100000');
  });

  it('maps a server ValidationError to its field', () => {
    expect(fieldOfServerError('maxShopping')).toBe('maxShopping');
    expect(fieldOfServerError('input.admissionMinutes')).toBe('admissionMinutes');
    expect(fieldOfServerError('concertId')).toBe('form');
    expect(fieldOfServerError(null)).toBe('form');
  });
});

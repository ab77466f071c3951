import { wholeNumber } from '../organizer/tierDraft';

// The organizer's waiting-room settings form: what was typed (strings) checked against the same
// bounds as the server's WaitingRoomSettingsInput, so a mistake is shown at its field before sending.

export interface RoomSettingsDraft {
  enabled: boolean;
  preQueueMinutes: string;
  admissionsPerMinute: string;
  maxShopping: string;
  admissionMinutes: string;
}

export interface RoomSettingsInput {
  enabled: boolean;
  preQueueMinutes: number;
  admissionsPerMinute: number;
  maxShopping: number;
  admissionMinutes: number;
}

export type RoomSettingsField = Exclude<keyof RoomSettingsDraft, 'enabled'>;
export type RoomSettingsErrors = Partial<Record<RoomSettingsField | 'form', string>>;

export const LIMITS: Record<RoomSettingsField, { label: string; min: number; max: number }> = {
  preQueueMinutes: { label: 'Pre-queue minutes', min: 0, max: 1440 },
  admissionsPerMinute: { label: 'Admissions per minute', min: 1, max: 100_000 },
  maxShopping: { label: 'Shopping at once', min: 1, max: 1_000_000 },
  admissionMinutes: { label: 'Admission minutes', min: 1, max: 120 },
};

/** A new room starts off, with settings that suit a mid-sized on-sale. */
export const DEFAULT_SETTINGS: RoomSettingsInput = { enabled: false, preQueueMinutes: 30, admissionsPerMinute: 100, maxShopping: 500, admissionMinutes: 10 };

export function draftOfSettings(settings: RoomSettingsInput | null | undefined): RoomSettingsDraft {
  const s = settings ?? DEFAULT_SETTINGS;
  return {
    enabled: s.enabled,
    preQueueMinutes: String(s.preQueueMinutes),
    admissionsPerMinute: String(s.admissionsPerMinute),
    maxShopping: String(s.maxShopping),
    admissionMinutes: String(s.admissionMinutes),
  };
}

export function validateSettings(draft: RoomSettingsDraft): { input: RoomSettingsInput } | { errors: RoomSettingsErrors } {
  const errors: RoomSettingsErrors = {};
  const numbers = {} as Record<RoomSettingsField, number>;
  for (const field of Object.keys(LIMITS) as RoomSettingsField[]) {
    const { label, min, max } = LIMITS[field];
    const value = wholeNumber(draft[field], label, min, max);
    if (typeof value === 'string') errors[field] = value;
    else numbers[field] = value;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { input: { enabled: draft.enabled, ...numbers } };
}

/** The live rate control: one number, same bounds. */
export function validateRate(text: string): number | string {
  const { label, min, max } = LIMITS.admissionsPerMinute;
  return wholeNumber(text, label, min, max);
}

/** The server names the offending input field; anything else is shown for the whole form. */
export function fieldOfServerError(field: string | null | undefined): RoomSettingsField | 'form' {
  const name = field?.replace(/^input\./, '');
  return name && name in LIMITS ? (name as RoomSettingsField) : 'form';
}

import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import {
  draftOfSettings,
  fieldOfServerError,
  LIMITS,
  validateSettings,
  type RoomSettingsDraft,
  type RoomSettingsErrors,
  type RoomSettingsField,
} from '../waiting-room/roomSettings';
import { FormError } from './FormError';
import { FormField } from './FormField';

// What the form edits. The page's query spreads it, and so do both answers that change the room
// (this form's and RateControl's), so the form always starts from the settings in force.
export const WaitingRoomSettingsFormFragment = graphql(/* GraphQL */ `
  fragment WaitingRoomSettingsForm_settings on WaitingRoomSettings {
    enabled
    preQueueMinutes
    admissionsPerMinute
    maxShopping
    admissionMinutes
  }
`);

const ConfigureWaitingRoomMutation = graphql(/* GraphQL */ `
  mutation ConfigureWaitingRoom($concertId: ID!, $input: WaitingRoomSettingsInput!) {
    configureWaitingRoom(concertId: $concertId, input: $input) {
      __typename
      ... on WaitingRoomAdmin {
        settings {
          ...WaitingRoomSettingsForm_settings
        }
        status {
          concertId
          enabled
          admissionsPerMinute
          maxShopping
        }
      }
      ... on ValidationError {
        field
      }
      ... on Error {
        message
      }
    }
  }
`);

const HINTS: Record<RoomSettingsField, string> = {
  preQueueMinutes: 'Joining opens this long before the on-sale; everyone in by then gets a random place.',
  admissionsPerMinute: 'Shoppers let through to checkout each minute.',
  maxShopping: 'Admission pauses while this many admitted shoppers are still shopping.',
  admissionMinutes: 'How long an admitted shopper has to hold tickets.',
};

type Status = { kind: 'editing'; errors: RoomSettingsErrors } | { kind: 'saving' } | { kind: 'saved'; enabled: boolean };

/** The room's settings, checked at each field before sending; the server's answer names a field too. */
export function WaitingRoomSettingsForm(props: { concertId: string; initial: FragmentType<typeof WaitingRoomSettingsFormFragment> | null; onSaved: () => void }) {
  const { concertId, onSaved } = props;
  const initial = useFragment(WaitingRoomSettingsFormFragment, props.initial);
  const [configure] = useMutation(ConfigureWaitingRoomMutation);
  const [draft, setDraft] = useState<RoomSettingsDraft>(() => draftOfSettings(initial));
  const [status, setStatus] = useState<Status>({ kind: 'editing', errors: {} });
  const errors = status.kind === 'editing' ? status.errors : {};
  // A live rate change (RateControl) updates the settings in the cache; saving this form later
  // must not put the old rate back.
  const liveRate = initial?.admissionsPerMinute;
  useEffect(() => {
    if (liveRate !== undefined) setDraft((current) => ({ ...current, admissionsPerMinute: String(liveRate) }));
  }, [liveRate]);

  const change = (patch: Partial<RoomSettingsDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    if (status.kind !== 'saving') setStatus({ kind: 'editing', errors: {} });
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateSettings(draft);
    if ('errors' in checked) return setStatus({ kind: 'editing', errors: checked.errors });
    setStatus({ kind: 'saving' });
    try {
      const { data } = await configure({ variables: { concertId, input: checked.input } });
      const result = data?.configureWaitingRoom;
      if (result?.__typename === 'WaitingRoomAdmin') {
        setStatus({ kind: 'saved', enabled: result.status.enabled });
        onSaved();
      } else if (result?.__typename === 'ValidationError') {
        setStatus({ kind: 'editing', errors: { [fieldOfServerError(result.field)]: result.message } });
      } else {
        setStatus({ kind: 'editing', errors: { form: result?.message ?? 'The waiting room could not be saved.' } });
      }
    } catch {
      setStatus({ kind: 'editing', errors: { form: 'We could not reach the box office; the settings may not have been saved. Try again.' } });
    }
  }

  return (
    <form className="card concert-form waiting-room-settings" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Waiting room settings">
      <h2>Settings</h2>
      <div className="field field--checkbox">
        <label>
          <input type="checkbox" checked={draft.enabled} onChange={(event) => change({ enabled: event.target.checked })} /> Shoppers queue in the waiting room
        </label>
      </div>
      {(Object.keys(LIMITS) as RoomSettingsField[]).map((field) => (
        <FormField key={field} id={`room-${field}`} label={LIMITS[field].label} hint={HINTS[field]} error={errors[field]}>
          {(control) => <input {...control} inputMode="numeric" value={draft[field]} onChange={(event) => change({ [field]: event.target.value })} />}
        </FormField>
      ))}
      <button type="submit" className="button button--primary" disabled={status.kind === 'saving'}>
        {status.kind === 'saving' ? 'Saving…' : 'Save waiting room'}
      </button>
      <FormError message={errors.form} />
      <p className="sales-controls__status" role="status" data-testid="room-settings-status">
        {status.kind === 'saved' ? (status.enabled ? 'Saved: shoppers now queue in the waiting room.' : 'Saved: the waiting room is off.') : ''}
      </p>
    </form>
  );
}

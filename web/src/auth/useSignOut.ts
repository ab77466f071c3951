import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { forgetBookingLinks } from '../booking/bookingLinks';
import { signOut } from './authClient';

/** Signs out, forgets this browser's booking links, and drops everything read while signed in. */
export function useSignOut() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [state, setState] = useState<'idle' | 'signingOut' | 'failed'>('idle');

  async function run() {
    setState('signingOut');
    const result = await signOut();
    if (result.kind !== 'ok') return setState('failed');
    forgetBookingLinks();
    // Leave the account page first, so it is not redrawn as "not signed in" on its way out.
    navigate('/');
    await client.resetStore().catch(() => {});
  }

  return { state, signOut: () => void run() };
}

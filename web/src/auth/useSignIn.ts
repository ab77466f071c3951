import { useApolloClient } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useSteppedReducer } from '../lib/useSteppedReducer';
import { requestMagicLink, signInWithPassword, signUpWithPassword } from './authClient';
import { initialSignInState, signInReducer, type SignInMethod } from './signInState';

/** Runs one sign-in form's state machine; the component only draws `state`. */
export function useSignIn(method: SignInMethod, next: string) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [state, apply] = useSteppedReducer(signInReducer, initialSignInState(method));

  async function submit() {
    const sent = apply({ type: 'submitted' });
    if (sent.status.kind !== 'submitting') return;
    const { email } = sent.status;
    const result =
      sent.method === 'magicLink'
        ? await requestMagicLink(email, next)
        : sent.method === 'password'
          ? await signInWithPassword(email, sent.password)
          : await signUpWithPassword(email, sent.password);
    const answered = apply({ type: 'answered', result });
    if (answered.status.kind !== 'signedIn') return;
    // Everything cached was read as a guest: read it again as the signed-in shopper.
    await client.resetStore().catch(() => {});
    navigate(next, { replace: true });
  }

  return {
    state,
    choose: (chosen: SignInMethod) => apply({ type: 'methodChosen', method: chosen }),
    setEmail: (email: string) => apply({ type: 'emailChanged', email }),
    setPassword: (password: string) => apply({ type: 'passwordChanged', password }),
    restart: () => apply({ type: 'restarted' }),
    submit: () => void submit(),
  };
}

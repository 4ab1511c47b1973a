import { useContext } from 'react';
import { SessionContext, type SessionValue } from './SessionProvider';

/** The session: who is signed in, what they may do, sign-in and sign-out. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in session; for components that only render inside the signed-in shell. */
export function useSignedInSession() {
  const session = useSession();
  if (!session.info) throw new Error('useSignedInSession needs a signed-in user');
  return { ...session, info: session.info };
}

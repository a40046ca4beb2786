// Who is signed in, for the whole app: asks the server once (GET /auth/me),
// signs in and out, and drops back to the sign-in page whenever the API
// answers 401 (the session ended elsewhere or expired).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getMe, signIn as apiSignIn, signOut as apiSignOut, SIGNED_OUT_EVENT, type UserT } from '../api.js';

type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; user: UserT };

interface Session {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  /** A user the server has just signed in by other means (the first administrator's setup). */
  signedIn(user: UserT): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  useEffect(() => {
    const ctrl = new AbortController();
    getMe(ctrl.signal).then(
      ({ user }) => setState({ status: 'signed-in', user }),
      () => !ctrl.signal.aborted && setState({ status: 'signed-out' }),
    );
    const onSignedOut = () => setState({ status: 'signed-out' });
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => {
      ctrl.abort();
      window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
    };
  }, []);
  const signIn = useCallback(async (email: string, password: string) => {
    const { user } = await apiSignIn(email, password);
    setState({ status: 'signed-in', user });
  }, []);
  const signOut = useCallback(async () => {
    await apiSignOut().catch(() => undefined);
    setState({ status: 'signed-out' });
  }, []);
  const signedIn = useCallback((user: UserT) => setState({ status: 'signed-in', user }), []);
  const value = useMemo(() => ({ state, signIn, signedIn, signOut }), [state, signIn, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user (only under the signed-in part of the app). */
export function useUser(): UserT {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser while not signed in');
  return state.user;
}

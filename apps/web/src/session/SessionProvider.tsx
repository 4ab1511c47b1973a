import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { api, isApiError, setCsrfToken } from '../api/client';
import type { Locale, SessionInfo, SetupStatus, User } from '../api/types';
import { currentLocale, setLocale } from '../i18n';

export const sessionQueryKey = ['auth', 'session'] as const;
export const setupQueryKey = ['setup'] as const;

/** GET /auth/session; a 401 means "signed out" (null), not an error. */
export async function fetchSession({ signal }: { signal?: AbortSignal } = {}) {
  try {
    const info = await api.get<SessionInfo>('/api/v1/auth/session', signal ? { signal } : {});
    setCsrfToken(info.csrfToken);
    return info;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function fetchSetupStatus({ signal }: { signal?: AbortSignal } = {}) {
  return api.get<SetupStatus>('/api/v1/setup', signal ? { signal } : {});
}

export type SessionStatus = 'loading' | 'error' | 'setup' | 'signedOut' | 'signedIn';

export interface SetupInput {
  organizationName: string;
  displayName: string;
  email: string;
  password: string;
  locale: Locale;
}

export interface SessionValue {
  status: SessionStatus;
  /** Why loading failed (status 'error'). */
  error: unknown;
  retry(): void;
  /** The signed-in session; null unless status is 'signedIn'. */
  info: SessionInfo | null;
  /** Set when the session ended on its own (idle timeout, revoked elsewhere), not by signing out. */
  expired: boolean;
  /** Whether the user holds a permission (any reach, or only 'all' when asked). */
  can(permission: string, reach?: 'all'): boolean;
  signIn(email: string, password: string): Promise<SessionInfo>;
  /** Takes a session the server answered with (the second sign-in step completing it). */
  acceptSession(info: SessionInfo): SessionInfo;
  completeSetup(input: SetupInput): Promise<SessionInfo>;
  signOut(options?: { everywhere?: boolean }): Promise<void>;
  /** Keeps the session's copy of the user in step after a profile change. */
  updateUser(user: User): void;
  /** Switches the UI language; signed in, it also becomes the user's profile language. */
  changeLocale(locale: Locale): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** Drops cached server state of the previous user, keeping set-up status and the session. */
function forgetUserData(queryClient: QueryClient) {
  queryClient.removeQueries({
    predicate: (query) => {
      const key = query.queryKey[0];
      return key !== sessionQueryKey[0] && key !== setupQueryKey[0] && key !== 'meta';
    },
  });
}

/**
 * Loads the set-up status and the session, and offers sign-in, sign-out and
 * the user's language. Any 401 from another request re-checks the session, so
 * an expired session lands on the log-in page.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const setup = useQuery({
    queryKey: setupQueryKey,
    queryFn: fetchSetupStatus,
    staleTime: Infinity,
  });
  const session = useQuery({
    queryKey: sessionQueryKey,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
    enabled: setup.data?.needed === false,
  });
  const [expired, setExpired] = useState(false);
  const signingOut = useRef(false);
  const info = session.data ?? null;

  // Another request met a 401: the session is gone; find out for sure.
  useEffect(() => {
    const onError = (error: unknown, key: readonly unknown[] | undefined) => {
      if (!isApiError(error)) return;
      // A stale CSRF token: reading the session again brings the current one.
      // The session is not (or no longer) past the second sign-in step: the gate shows it.
      if (
        error.status === 403 &&
        (error.code === 'mfa_required' || error.code === 'mfa_enrolment_required')
      ) {
        void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
        return;
      }
      if (error.status === 403 && error.code === 'csrf_failed') {
        void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
        return;
      }
      if (error.status !== 401) return;
      if (key?.[0] === sessionQueryKey[0] || signingOut.current) return;
      if (queryClient.getQueryData(sessionQueryKey)) setExpired(true);
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') {
        onError(event.action.error, event.query.queryKey);
      }
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') {
        onError(event.action.error, undefined);
      }
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient]);

  // The UI follows the user's language when a user signs in or their language changes.
  const userLocale = info ? `${info.user.id}:${info.user.locale}` : null;
  const appliedLocale = useRef<string | null>(null);
  useEffect(() => {
    if (!info || userLocale === appliedLocale.current) return;
    appliedLocale.current = userLocale;
    if (info.user.locale !== currentLocale()) void setLocale(info.user.locale);
  }, [info, userLocale]);

  const accept = useCallback(
    (next: SessionInfo) => {
      setCsrfToken(next.csrfToken);
      forgetUserData(queryClient);
      queryClient.setQueryData(setupQueryKey, { needed: false });
      queryClient.setQueryData(sessionQueryKey, next);
      setExpired(false);
      return next;
    },
    [queryClient],
  );

  const signIn = useCallback(
    async (email: string, password: string) =>
      accept(await api.post<SessionInfo>('/api/v1/auth/login', { email, password })),
    [accept],
  );

  const completeSetup = useCallback(
    async (input: SetupInput) => accept(await api.post<SessionInfo>('/api/v1/setup', input)),
    [accept],
  );

  const signOut = useCallback(
    async ({ everywhere = false }: { everywhere?: boolean } = {}) => {
      signingOut.current = true;
      try {
        await api.post('/api/v1/auth/logout', everywhere ? { everywhere: true } : undefined);
      } catch (error) {
        // Already signed out on the server: that is what we wanted.
        if (!isApiError(error) || error.status !== 401) throw error;
      } finally {
        signingOut.current = false;
      }
      setCsrfToken(null);
      setExpired(false);
      forgetUserData(queryClient);
      queryClient.setQueryData(sessionQueryKey, null);
    },
    [queryClient],
  );

  const updateUser = useCallback(
    (user: User) => {
      queryClient.setQueryData<SessionInfo | null>(sessionQueryKey, (old) =>
        old && old.user.id === user.id ? { ...old, user } : old,
      );
    },
    [queryClient],
  );

  const changeLocale = useCallback(
    async (locale: Locale) => {
      const current = queryClient.getQueryData<SessionInfo | null>(sessionQueryKey);
      if (current) {
        // Record it first so following the user's language does not switch back.
        appliedLocale.current = `${current.user.id}:${locale}`;
        updateUser({ ...current.user, locale });
      }
      await setLocale(locale);
      if (!current) return;
      try {
        updateUser(await api.patch<User>('/api/v1/me', { locale }));
      } catch (error) {
        console.warn('Could not save the language to the profile', error);
      }
    },
    [queryClient, updateUser],
  );

  const status: SessionStatus =
    setup.isPending || (setup.data?.needed === false && session.isPending)
      ? 'loading'
      : setup.isError || session.isError
        ? 'error'
        : setup.data?.needed
          ? 'setup'
          : info
            ? 'signedIn'
            : 'signedOut';

  const refetchSetup = setup.refetch;
  const refetchSession = session.refetch;
  const value = useMemo<SessionValue>(
    () => ({
      status,
      error: setup.error ?? session.error,
      retry: () => {
        void refetchSetup();
        void refetchSession();
      },
      info: status === 'signedIn' ? info : null,
      expired,
      can: (permission, reach) => {
        const held = info?.permissions[permission];
        return reach === 'all' ? held === 'all' : Boolean(held);
      },
      signIn,
      acceptSession: accept,
      completeSetup,
      signOut,
      updateUser,
      changeLocale,
    }),
    [
      status,
      setup.error,
      session.error,
      refetchSetup,
      refetchSession,
      info,
      expired,
      signIn,
      accept,
      completeSetup,
      signOut,
      updateUser,
      changeLocale,
    ],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

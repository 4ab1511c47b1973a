import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuthPolicyView, FactorList, SessionAuth } from '@mamoru/contracts';
import type { Approval, SessionInfo } from '../../api/types';

export type {
  Factor,
  FactorAdded,
  FactorKind,
  FactorList,
  SessionAuth,
  TotpEnrolment as TotpSetup,
} from '@mamoru/contracts';

/** How far the session is through sign-in (`auth` of GET /auth/session). */
export function authOf(info: SessionInfo | null | undefined): SessionAuth | undefined {
  return info?.auth;
}

/** Options for the browser's WebAuthn ceremony, and the server's handle on its challenge. */
export interface WebAuthnCeremony {
  flowId: string;
  options: Record<string, unknown>;
}

export type AuthPolicy = AuthPolicyView;

export const myFactorsKey = ['me', 'factors'] as const;
export const authPolicyKey = ['admin', 'auth-policy'] as const;
export const userFactorsKey = (userId: string) => ['users', userId, 'factors'] as const;

export function useMyFactors(enabled = true) {
  return useQuery({
    queryKey: myFactorsKey,
    queryFn: ({ signal }) => api.get<FactorList>('/api/v1/me/factors', { signal }),
    enabled,
  });
}

export function useUserFactors(userId: string) {
  return useQuery({
    queryKey: userFactorsKey(userId),
    queryFn: ({ signal }) =>
      api.get<FactorList>(`/api/v1/users/${encodeURIComponent(userId)}/factors`, { signal }),
  });
}

export function useAuthPolicy() {
  return useQuery({
    queryKey: authPolicyKey,
    queryFn: ({ signal }) => api.get<AuthPolicy>('/api/v1/admin/auth-policy', { signal }),
  });
}

/** A reset of a privileged user's factors answers 202 with the approval it opened. */
export function approvalOf(body: unknown): Approval | null {
  if (!body || typeof body !== 'object') return null;
  const candidate = 'approval' in body ? (body as { approval: unknown }).approval : body;
  return candidate && typeof candidate === 'object' && 'approvalType' in candidate
    ? (candidate as Approval)
    : null;
}

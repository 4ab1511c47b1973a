import type { z } from 'zod';
import type {
  apiTokenCreatedSchema,
  apiTokenSchema,
  approvalPolicySchema,
  approvalStatusSchema,
  auditVerificationSchema,
  Page,
  roleMatrixSchema,
  sessionSummarySchema,
  setupStatusSchema,
} from '@mamoru/contracts';

export type {
  Approval,
  AuditEvent,
  SecurityEvent,
  SecurityEventKind,
  Locale,
  Organization,
  Page,
  RoleName,
  SessionInfo,
  User,
} from '@mamoru/contracts';
export type SetupStatus = z.infer<typeof setupStatusSchema>;
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>;
export type RoleMatrix = z.infer<typeof roleMatrixSchema>;
export type ApprovalPolicy = z.infer<typeof approvalPolicySchema>;
export type ApprovalStatus = z.infer<typeof approvalStatusSchema>;
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
export type Reach = 'all' | 'own';

/** A keyset page as the list endpoints return it. */
export type ListPage<T> = Page<T>;

/** Builds `?a=1&b=2` from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The If-Match header for an object read at `version` (the server's ETag is `"<version>"`). */
export function ifMatch(version: number) {
  return { 'If-Match': `"${version}"` };
}

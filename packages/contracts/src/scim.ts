import { z } from 'zod';

/**
 * SCIM 2.0 (RFC 7643/7644) provisioning: the resources an identity provider
 * (Microsoft Entra ID, Okta, …) sends to `/scim/v2`. Inputs are loose objects:
 * IdPs send attributes we do not keep (enterprise extension, phone numbers),
 * which are accepted and ignored rather than refused.
 */

export const SCIM_CONTENT_TYPE = 'application/scim+json';

export const SCIM_SCHEMA = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

/** The largest page a list returns (ServiceProviderConfig says so). */
export const SCIM_MAX_RESULTS = 200;

/** Entra ID sends booleans as "True"/"False" strings in PATCH values; both are accepted. */
export const scimBooleanSchema = z.union([
  z.boolean(),
  z
    .string()
    .regex(/^(true|false)$/i)
    .transform((s) => s.toLowerCase() === 'true'),
]);

const text = (max: number) => z.string().trim().max(max);

export const scimEmailSchema = z.looseObject({
  value: text(254),
  type: text(50).nullish(),
  primary: scimBooleanSchema.nullish(),
});

export const scimNameSchema = z.looseObject({
  formatted: text(200).nullish(),
  givenName: text(100).nullish(),
  familyName: text(100).nullish(),
});

/** POST/PUT /Users. userName is the sign-in email unless `emails` names a primary one. */
export const scimUserInputSchema = z.looseObject({
  userName: text(254).min(1),
  externalId: text(256).nullish(),
  displayName: text(200).nullish(),
  name: scimNameSchema.nullish(),
  emails: z.array(scimEmailSchema).max(20).nullish(),
  active: scimBooleanSchema.nullish(),
  preferredLanguage: text(35).nullish(),
  locale: text(35).nullish(),
});
export type ScimUserInput = z.infer<typeof scimUserInputSchema>;

export const scimMemberSchema = z.looseObject({ value: text(100).min(1) });

/** POST/PUT /Groups. */
export const scimGroupInputSchema = z.looseObject({
  displayName: text(256).min(1),
  externalId: text(256).nullish(),
  members: z.array(scimMemberSchema).max(10_000).nullish(),
});
export type ScimGroupInput = z.infer<typeof scimGroupInputSchema>;

/** PATCH: `op` in any letter case (Entra ID sends "Replace"), path optional (Okta omits it). */
export const scimPatchOperationSchema = z.looseObject({
  op: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(['add', 'remove', 'replace'])),
  path: text(500).nullish(),
  value: z.unknown().optional(),
});
export type ScimPatchOperation = z.infer<typeof scimPatchOperationSchema>;

export const scimPatchSchema = z.looseObject({
  Operations: z.array(scimPatchOperationSchema).min(1).max(1000),
});

export const scimListQuerySchema = z.looseObject({
  filter: z.string().max(1000).optional(),
  startIndex: z.coerce.number().int().optional(),
  count: z.coerce.number().int().optional(),
  attributes: z.string().max(1000).optional(),
  excludedAttributes: z.string().max(1000).optional(),
});
export type ScimListQuery = z.infer<typeof scimListQuerySchema>;

export interface ScimMeta {
  resourceType: 'User' | 'Group';
  created: string;
  lastModified: string;
  /** The weak ETag of the resource's version: W/"3". */
  version: string;
  location: string;
}

export interface ScimUser {
  schemas: string[];
  id: string;
  externalId?: string;
  userName: string;
  displayName: string;
  name: { formatted: string };
  emails: { value: string; type: 'work'; primary: true }[];
  active: boolean;
  preferredLanguage: string;
  groups: { value: string; display: string; $ref: string }[];
  meta: ScimMeta;
}

export interface ScimGroup {
  schemas: string[];
  id: string;
  externalId?: string;
  displayName: string;
  members?: { value: string; display: string; $ref: string }[];
  meta: ScimMeta;
}

export interface ScimListResponse<T> {
  schemas: [typeof SCIM_SCHEMA.listResponse];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: T[];
}

/** The `scimType` values of RFC 7644 §3.12 this server answers with. */
export type ScimErrorType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue';

export interface ScimError {
  schemas: [typeof SCIM_SCHEMA.error];
  status: string;
  scimType?: ScimErrorType;
  detail: string;
}

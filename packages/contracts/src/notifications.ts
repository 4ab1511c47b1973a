import { z } from 'zod';
import { notificationKindSchema } from './calendar.ts';

/**
 * The notification centre and email (issue 22). A notification names its
 * subject and carries parameters; the web words it in the reader's language,
 * so no language is stored (only the subject's own name, user data).
 */

export const EMAIL_STATUSES = ['pending', 'sent', 'failed', 'suppressed', 'not_needed'] as const;
export const emailStatusSchema = z.enum(EMAIL_STATUSES);
export type EmailStatus = z.infer<typeof emailStatusSchema>;

/** How a user receives a kind by email (in the app always). */
export const emailModeSchema = z.enum(['immediate', 'digest', 'off']);
export type EmailMode = z.infer<typeof emailModeSchema>;
export const digestFrequencySchema = z.enum(['daily', 'weekly']);
export type DigestFrequency = z.infer<typeof digestFrequencySchema>;

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: notificationKindSchema,
    /** What it is about: a due-item kind or 'approval' / 'incident', and its id. */
    subject: z.object({ type: z.string(), id: z.string() }),
    /** The subject's own name or display ID (user data, shown as is). */
    title: z.string(),
    /** Values the message is worded with (a due date, an approval type, a person's name). */
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    /** The page where it is dealt with, within the web app. */
    href: z.string(),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    emailStatus: emailStatusSchema,
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

export const unreadCountSchema = z.object({ unread: z.number().int() });

export const notificationPreferencesSchema = z
  .object({
    kinds: z.array(z.object({ kind: notificationKindSchema, email: emailModeSchema })),
    digestFrequency: digestFrequencySchema,
    /** Whether this server sends email at all (MAMORU_SMTP_URL set). */
    emailEnabled: z.boolean(),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const notificationPreferencesUpdateSchema = z.object({
  kinds: z
    .array(z.object({ kind: notificationKindSchema, email: emailModeSchema }))
    .max(20)
    .optional(),
  digestFrequency: digestFrequencySchema.optional(),
});
export type NotificationPreferencesUpdate = z.infer<typeof notificationPreferencesUpdateSchema>;

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/);

export const notificationSettingsSchema = z
  .object({
    emailEnabled: z.boolean(),
    /** An item overdue by this many days also goes to the responsible person's unit head. */
    escalationDays: z.number().int(),
    defaultDigest: digestFrequencySchema,
    /** The hour (organization time, 0–23) daily and weekly digests are sent at. */
    digestHour: z.number().int(),
    /** Addresses with these domains are the organization's own: the only ones mailed… */
    mailDomains: z.array(z.string()),
    /** …besides these addresses, named one by one. */
    externalRecipients: z.array(z.string()),
    version: z.number().int(),
  })
  .meta({ id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const notificationSettingsUpdateSchema = z.object({
  escalationDays: z.number().int().min(1).max(365).optional(),
  defaultDigest: digestFrequencySchema.optional(),
  digestHour: z.number().int().min(0).max(23).optional(),
  mailDomains: z.array(domain).max(50).optional(),
  externalRecipients: z.array(z.email().trim().toLowerCase()).max(200).optional(),
});
export type NotificationSettingsUpdate = z.infer<typeof notificationSettingsUpdateSchema>;

export const unsubscribeQuerySchema = z.object({ token: z.string().min(16).max(200) });

import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttendeeRole, ManagementReview } from '@mamoru/contracts';
import { useUserDirectory } from '../../api/identity';
import { useSession } from '../../session/useSession';

export interface AttendeeRow {
  userId: string | null;
  name: string;
  role: AttendeeRole;
}

export const attendeeRows = (review?: ManagementReview): AttendeeRow[] =>
  (review?.attendees ?? []).map((a) => ({
    userId: a.user?.id ?? null,
    name: a.user ? '' : a.name,
    role: a.role,
  }));

const ROLES: AttendeeRole[] = ['top_management', 'isms_manager', 'other'];

/** The role a user most likely attends in, from the roles they hold. */
function roleOf(roles: readonly string[]): AttendeeRole {
  if (roles.includes('top_management')) return 'top_management';
  if (roles.includes('isms_manager')) return 'isms_manager';
  return 'other';
}

/**
 * Who is invited: users of the organization (their attendance role guessed from their
 * roles, changeable) and guests by name. The server insists on one of top management.
 */
export function AttendeesField({
  rows,
  onChange,
  error,
  rowError,
  review,
}: {
  rows: AttendeeRow[];
  onChange: (rows: AttendeeRow[]) => void;
  error?: string;
  rowError: (path: string) => string | undefined;
  review?: ManagementReview;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  const userItems = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  // Attendees already chosen stay nameable even if the directory does not list them.
  for (const a of review?.attendees ?? []) {
    if (a.user && !userItems.some((i) => i.value === a.user!.id))
      userItems.push({ value: a.user.id, label: a.user.name });
  }
  const taken = new Set(rows.map((r) => r.userId).filter(Boolean));
  const set = (index: number, patch: Partial<AttendeeRow>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const addUser = (userId: string | null) => {
    if (!userId) return;
    const user = users.data?.find((u) => u.id === userId);
    onChange([...rows, { userId, name: '', role: roleOf(user?.roles ?? []) }]);
  };
  const roleData = ROLES.map((r) => ({ value: r, label: t(`reviews.attendeeRole.${r}`) }));

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('reviews.form.attendees')}
      </Text>
      {rows.map((row, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          {row.userId ? (
            <TextInput
              readOnly
              aria-label={t('reviews.form.attendeeName')}
              value={userItems.find((u) => u.value === row.userId)?.label ?? ''}
              error={rowError(`attendees.${index}.userId`)}
              style={{ flex: 1 }}
            />
          ) : (
            <TextInput
              aria-label={t('reviews.form.guestName')}
              placeholder={t('reviews.form.guestName')}
              value={row.name}
              onChange={(e) => set(index, { name: e.currentTarget.value })}
              error={rowError(`attendees.${index}.name`)}
              style={{ flex: 1 }}
            />
          )}
          <Select
            aria-label={t('reviews.form.attendeeRole')}
            data={roleData}
            value={row.role}
            onChange={(v) => v && set(index, { role: v as AttendeeRole })}
            allowDeselect={false}
            w={200}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t('reviews.form.removeAttendee')}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            <IconTrash size={16} aria-hidden="true" />
          </ActionIcon>
        </Group>
      ))}
      <Group gap="xs" align="flex-end">
        <Select
          label={t('reviews.form.addUser')}
          placeholder={t('reviews.form.addUserPlaceholder')}
          data={userItems.filter((u) => !taken.has(u.value))}
          value={null}
          onChange={addUser}
          searchable
          w={280}
          error={error}
        />
        <Button
          variant="default"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          onClick={() => onChange([...rows, { userId: null, name: '', role: 'other' }])}
        >
          {t('reviews.form.addGuest')}
        </Button>
      </Group>
    </Stack>
  );
}

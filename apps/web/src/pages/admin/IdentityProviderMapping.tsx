import {
  ActionIcon,
  Alert,
  Button,
  Group,
  MultiSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { roleSchema, type RoleName } from '@mamoru/contracts';
import { useLabels } from '../../lib/labels';
import type { ProblemFields } from '../../lib/problemFields';
import { mappingRow, PRIVILEGED_ROLES, type MappingRow } from './IdentityProviderDraft';

/**
 * Group → role mapping: each row names a group as the IdP sends it and the
 * roles its members receive at sign-in (and through SCIM). Privileged roles
 * are marked: they are granted only after a second person approves.
 */
export function IdentityProviderMapping({
  rows,
  onChange,
  fields,
}: {
  rows: MappingRow[];
  onChange: (rows: MappingRow[]) => void;
  fields: ProblemFields;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const roleOptions = roleSchema.options.map((role) => ({
    value: role,
    label: PRIVILEGED_ROLES.includes(role)
      ? t('sso.admin.mapping.privilegedRole', { role: labels.roleLabel(role) })
      : labels.roleLabel(role),
  }));
  const update = (key: number, change: Partial<MappingRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const privileged = rows.some((row) => row.roles.some((r) => PRIVILEGED_ROLES.includes(r)));

  return (
    <Stack gap="sm" role="group" aria-labelledby="sso-mapping-title">
      <div>
        <Text fw={600} id="sso-mapping-title">
          {t('sso.admin.mapping.title')}
        </Text>
        <Text fz="sm" c="dimmed">
          {t('sso.admin.mapping.intro')}
        </Text>
      </div>
      {rows.length === 0 && (
        <Text fz="sm" c="dimmed" fs="italic">
          {t('sso.admin.mapping.empty')}
        </Text>
      )}
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" gap="sm" wrap="nowrap" data-testid="mapping-row">
          <TextInput
            label={t('sso.admin.mapping.group', { n: index + 1 })}
            value={row.group}
            onChange={(event) => update(row.key, { group: event.currentTarget.value })}
            error={fields.error(`groupRoles.${index}.group`)}
            style={{ flex: 1 }}
          />
          <MultiSelect
            label={t('sso.admin.mapping.roles', { n: index + 1 })}
            data={roleOptions}
            value={row.roles}
            onChange={(value) => update(row.key, { roles: value as RoleName[] })}
            error={fields.error(`groupRoles.${index}.roles`)}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={28}
            aria-label={t('sso.admin.mapping.remove', { n: index + 1 })}
            onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
          >
            <IconTrash size={16} aria-hidden="true" />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          onClick={() => onChange([...rows, mappingRow()])}
        >
          {t('sso.admin.mapping.add')}
        </Button>
      </Group>
      {privileged && (
        <Alert
          variant="light"
          color="yellow"
          icon={<IconInfoCircle size={18} aria-hidden="true" />}
          data-testid="privileged-note"
        >
          {t('sso.admin.mapping.privilegedNote')}
        </Alert>
      )}
      <Text fz="xs" c="dimmed">
        {t('sso.admin.mapping.neverRemoved')}
      </Text>
    </Stack>
  );
}

import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUserDirectory } from '../../../api/identity';
import { ProblemDetails } from '../../../components/ProblemDetails';
import { problemFields } from '../../../lib/problemFields';
import { useSession } from '../../../session/useSession';
import { useActionProposals, useCreateProposedActions } from '../api/bulk';
import { uiLang } from '../catalogs/labels';

const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;

/**
 * The treatment actions a decision implies (4.2.2.b): one per selected
 * control not yet in the plan for these risks, created only once the person
 * confirms them, with one owner, priority and due date.
 */
export function ProposedActions({ riskIds }: { riskIds: string[] }) {
  const { t, i18n } = useTranslation();
  const lang = uiLang(i18n.language);
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  const proposals = useActionProposals(riskIds);
  const create = useCreateProposedActions();
  const [unchecked, setUnchecked] = useState<string[]>([]);
  const [ownerUserId, setOwner] = useState<string | null>(null);
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number]>('medium');
  const [dueDate, setDueDate] = useState('');
  // The checked controls and the risks are named by their part of the plan, never by path.
  const problem = problemFields(
    create.error,
    {
      ownerUserId: t('risks.plan.fields.owner'),
      priority: t('risks.plan.fields.priority'),
      dueDate: t('risks.plan.fields.dueDate'),
      controlIds: t('risks.plan.fields.controls'),
      riskIds: t('risks.plan.fields.risks'),
    },
    ['ownerUserId', 'priority', 'dueDate'],
  );

  if (create.data) {
    return (
      <Alert color="teal" icon={<IconCircleCheck size={18} aria-hidden="true" />} role="status">
        <Stack gap={4}>
          <Text fz="sm">{t('risks.proposals.created', { count: create.data.length })}</Text>
          <Anchor component={Link} to="/treatment-plan" fz="sm">
            {t('risks.proposals.openPlan')}
          </Anchor>
        </Stack>
      </Alert>
    );
  }
  const items = proposals.data ?? [];
  if (proposals.isPending) return null;
  if (proposals.isError) return <ProblemDetails error={proposals.error} />;
  if (items.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {t('risks.proposals.none')}
      </Text>
    );
  const chosen = items.filter((p) => !unchecked.includes(p.controlId));
  return (
    <Stack gap="sm" role="group" aria-label={t('risks.proposals.title')}>
      <Text fw={600} fz="sm">
        {t('risks.proposals.title')}
      </Text>
      <Text fz="sm" c="dimmed">
        {t('risks.proposals.intro')}
      </Text>
      {create.error ? <ProblemDetails error={create.error} fields={problem} /> : null}
      <Stack gap={6}>
        {items.map((p) => (
          <Checkbox
            key={p.controlId}
            checked={!unchecked.includes(p.controlId)}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setUnchecked((u) =>
                on ? u.filter((id) => id !== p.controlId) : [...u, p.controlId],
              );
            }}
            label={`${p.displayId} ${lang === 'en' ? p.titleEn : p.titleJa}`}
            description={t('risks.proposals.risks', { count: p.riskIds.length })}
          />
        ))}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Select
          label={t('risks.plan.fields.owner')}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          value={ownerUserId}
          onChange={setOwner}
          error={problem.error('ownerUserId')}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('risks.plan.fields.priority')}
          data={PRIORITIES.map((p) => ({ value: p, label: t(`risks.plan.priorities.${p}`) }))}
          value={priority}
          onChange={(value) => value && setPriority(value as typeof priority)}
          error={problem.error('priority')}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          type="date"
          label={t('risks.plan.fields.dueDate')}
          value={dueDate}
          onChange={(e) => setDueDate(e.currentTarget.value)}
          error={problem.error('dueDate')}
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button
          disabled={chosen.length === 0}
          loading={create.isPending}
          onClick={() =>
            create.mutate({
              riskIds,
              controlIds: chosen.map((p) => p.controlId),
              ownerUserId,
              priority,
              dueDate: dueDate || null,
            })
          }
        >
          {t('risks.proposals.create', { count: chosen.length })}
        </Button>
      </Group>
    </Stack>
  );
}

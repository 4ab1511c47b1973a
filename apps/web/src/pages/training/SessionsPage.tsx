import { Button, Group, Select, Stack } from '@mantine/core';
import { IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { sessionStatusSchema } from '@mamoru/contracts';
import { type SessionStatus } from '../../api/training';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/useSession';
import { SessionFormModal } from './SessionFormModal';
import { SessionList } from './SessionList';
import { TrainingNav } from './TrainingNav';

/** Training sessions: filter by status (kept in the address), plan a new one. */
export function SessionsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [planning, setPlanning] = useState(false);
  const raw = params.get('status');
  const status = sessionStatusSchema.safeParse(raw).success ? (raw as SessionStatus) : null;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('training.session.listTitle')}
        description={t('training.session.description')}
        icon={<IconCalendarEvent size={32} aria-hidden="true" />}
        actions={
          can('training:manage', 'all') && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => setPlanning(true)}
            >
              {t('training.session.new')}
            </Button>
          )
        }
      />
      <TrainingNav />
      <Group>
        <Select
          label={t('training.session.status')}
          placeholder={t('training.session.allStatuses')}
          data={sessionStatusSchema.options.map((s) => ({
            value: s,
            label: t(`training.sessionStatus.${s}`),
          }))}
          value={status}
          onChange={(value) => setParams(value ? { status: value } : {}, { replace: true })}
          clearable
          w={200}
        />
      </Group>
      <SessionList status={status} />
      {planning && <SessionFormModal onClose={() => setPlanning(false)} />}
    </Stack>
  );
}

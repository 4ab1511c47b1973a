import { Anchor, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconTrendingUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { ErrorState, FormError, LoadingBlock } from '../../components/QueryStates';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';
import {
  useDecideImprovement,
  useImplementImprovement,
  useImprovement,
  type Improvement,
} from './api';

/** Accepts or rejects a proposed improvement, with the reason either way. */
export function DecisionForm({ improvement }: { improvement: Improvement }) {
  const { t } = useTranslation();
  const decide = useDecideImprovement();
  const [reason, setReason] = useState('');
  const problem = problemFields(decide.error, { reason: t('improvementRegister.detail.reason') }, [
    'reason',
  ]);
  const send = (decision: 'accepted' | 'rejected') =>
    decide.mutate({ improvement, input: { decision, reason } });
  return (
    <Stack gap="sm">
      <FormError error={decide.error} extra={problem.unplaced.map(unplacedText)} />
      <Textarea
        label={t('improvementRegister.detail.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
        error={problem.error('reason')}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={() => send('rejected')} loading={decide.isPending}>
          {t('improvementRegister.detail.reject')}
        </Button>
        <Button onClick={() => send('accepted')} loading={decide.isPending}>
          {t('improvementRegister.detail.accept')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Records what was done for an accepted improvement (its owner or a manager). */
export function ImplementationForm({ improvement }: { improvement: Improvement }) {
  const { t } = useTranslation();
  const implement = useImplementImprovement();
  const [text, setText] = useState('');
  const label = t('improvementRegister.detail.implementationText');
  const problem = problemFields(implement.error, { implementation: label }, ['implementation']);
  return (
    <Stack gap="sm">
      <FormError error={implement.error} extra={problem.unplaced.map(unplacedText)} />
      <Textarea
        label={label}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={2}
        error={problem.error('implementation')}
      />
      <Group justify="flex-end">
        <Button
          onClick={() => implement.mutate({ improvement, input: { implementation: text } })}
          loading={implement.isPending}
        >
          {t('improvementRegister.detail.recordImplementation')}
        </Button>
      </Group>
    </Stack>
  );
}

/** One improvement: what it is, the decision and its reason, the implementation. */
export function ImprovementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { can, info } = useSession();
  const query = useImprovement(id);
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const i = query.data;
  const mayAct =
    can('improvement:act', 'all') || (can('improvement:act') && i.owner?.id === info?.user.id);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/improvement">
        {t('improvementRegister.detail.back')}
      </Anchor>
      <PageHeader
        title={`${i.code} ${i.title}`}
        icon={<IconTrendingUp size={32} aria-hidden="true" />}
        description={t(`improvementRegister.source.${i.source}`)}
        actions={<Badge variant="light">{t(`improvementRegister.status.${i.status}`)}</Badge>}
      />
      {i.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{i.description}</Text>}
      <SectionCard id="decision" title={t('improvementRegister.detail.decision')}>
        {i.status === 'proposed' ? (
          can('improvement:manage', 'all') ? (
            <DecisionForm improvement={i} />
          ) : (
            <Text c="dimmed">{t('improvementRegister.detail.notDecided')}</Text>
          )
        ) : (
          <Stack gap={4}>
            <Text>{i.decisionReason}</Text>
            <Text c="dimmed" fz="sm">
              {t('improvementRegister.detail.decidedBy', {
                name: i.decidedBy?.name ?? '',
                date: format.date(i.decidedAt),
              })}
            </Text>
          </Stack>
        )}
      </SectionCard>
      {(i.status === 'accepted' || i.status === 'implemented') && (
        <SectionCard id="implementation" title={t('improvementRegister.detail.implementation')}>
          {i.status === 'implemented' ? (
            <Stack gap={4}>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{i.implementation}</Text>
              <Text c="dimmed" fz="sm">
                {t('improvementRegister.detail.implementedAt', {
                  date: format.date(i.implementedAt),
                })}
              </Text>
            </Stack>
          ) : mayAct ? (
            <ImplementationForm improvement={i} />
          ) : (
            <Text c="dimmed">{t('improvementRegister.detail.none')}</Text>
          )}
        </SectionCard>
      )}
    </Stack>
  );
}

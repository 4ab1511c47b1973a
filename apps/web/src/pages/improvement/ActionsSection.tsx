import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useMarkedRow } from '../../lib/useMarkedRow';
import { useSession } from '../../session/useSession';
import { ActionStepForm, NewActionForm } from './ActionForms';
import { ImprovementFiles } from './ActionFiles';
import type { ImprovementAction, NonconformityDetail } from './api';

const statusColor: Record<ImprovementAction['status'], string> = {
  planned: 'blue',
  implemented: 'yellow',
  effective: 'teal',
  not_effective: 'red',
  cancelled: 'gray',
};

/**
 * The actions of every cycle: owners record their implementation; someone
 * other than the owner reviews the effectiveness once the review date came.
 */
export function ActionsSection({ nc }: { nc: NonconformityDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can, info } = useSession();
  const [adding, setAdding] = useState(false);
  const mark = useMarkedRow(
    'action',
    nc.actions.map((a) => a.id),
  );
  const [open, setOpen] = useState<{ id: string; step: 'implementation' | 'review' } | null>(null);
  const manage = can('improvement:manage');
  const analysis = nc.analyses.find((a) => a.cycle === nc.cycle);
  const canAdd =
    manage &&
    (nc.status === 'in_action' ||
      nc.status === 'in_review' ||
      (nc.status === 'evaluated' && analysis?.actionNeeded === true));
  const today = new Date().toISOString().slice(0, 10);
  const me = info?.user.id;
  const current = (a: ImprovementAction) => a.cycle === nc.cycle;
  const canImplement = (a: ImprovementAction) =>
    current(a) &&
    a.status === 'planned' &&
    nc.status === 'in_action' &&
    (can('improvement:act', 'all') || (can('improvement:act') && a.owner?.id === me));
  // As the server: whoever may implement the action, until its effectiveness is judged.
  const canAttach = (a: ImprovementAction) =>
    (a.status === 'planned' || a.status === 'implemented') &&
    (can('improvement:manage', 'all') || (can('improvement:act') && a.owner?.id === me));
  const canReview = (a: ImprovementAction) =>
    current(a) &&
    a.status === 'implemented' &&
    manage &&
    a.owner?.id !== me &&
    (!a.reviewDue || a.reviewDue <= today);

  return (
    <SectionCard
      id="nc-actions"
      title={t('improvement.detail.actions')}
      actions={
        canAdd &&
        !adding && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t('improvement.detail.addAction')}
          </Button>
        )
      }
    >
      <Stack gap="sm">
        {adding && <NewActionForm nc={nc} onDone={() => setAdding(false)} />}
        {nc.actions.length === 0 ? (
          <Text c="dimmed">{t('improvement.detail.noActions')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('improvement.fields.actionTitle')}</Table.Th>
                <Table.Th>{t('improvement.fields.actionOwner')}</Table.Th>
                <Table.Th>{t('improvement.fields.dueDate')}</Table.Th>
                <Table.Th>{t('improvement.columns.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nc.actions.map((a) => (
                <Table.Tr key={a.id} {...mark(a.id)}>
                  <Table.Td>
                    <Text fz="sm" fw={500}>
                      {a.title}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {t('improvement.detail.cycle', { n: a.cycle })} ·{' '}
                      {t(`improvement.actionKind.${a.kind}`)}
                      {a.resources ? ` · ${a.resources}` : ''}
                    </Text>
                    {a.implementationNote && <Text fz="sm">{a.implementationNote}</Text>}
                    {a.reviews.map((r) => (
                      <Text key={r.id} fz="xs">
                        {t('improvement.detail.reviewedBy', { name: r.reviewer?.name ?? '' })} (
                        {format.date(r.reviewedAt)}): {r.note}
                      </Text>
                    ))}
                    <ImprovementFiles
                      ownerType="improvement_action"
                      ownerId={a.id}
                      editable={canAttach(a)}
                    />
                  </Table.Td>
                  <Table.Td>{a.owner?.name ?? '—'}</Table.Td>
                  <Table.Td>{format.date(a.dueDate)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" color={statusColor[a.status]}>
                        {t(`improvement.actionStatus.${a.status}`)}
                      </Badge>
                      {a.overdue && <Badge color="red">{t('improvement.overdue')}</Badge>}
                    </Group>
                    {a.status === 'implemented' && a.reviewDue && (
                      <Text fz="xs" c="dimmed">
                        {t('improvement.detail.reviewDue', { date: format.date(a.reviewDue) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canImplement(a) && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setOpen({ id: a.id, step: 'implementation' })}
                      >
                        {t('improvement.detail.implement')}
                      </Button>
                    )}
                    {canReview(a) && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setOpen({ id: a.id, step: 'review' })}
                      >
                        {t('improvement.detail.review')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {open && nc.actions.some((a) => a.id === open.id) && (
          <ActionStepForm
            key={open.id + open.step}
            step={open.step}
            action={nc.actions.find((a) => a.id === open.id)!}
            onDone={() => setOpen(null)}
          />
        )}
      </Stack>
    </SectionCard>
  );
}

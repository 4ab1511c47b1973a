import { Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { ReviewFormModal } from './ReviewFormModal';
import type { ManagementReview } from './api';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" fw={600} w={180}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Group>
  );
}

/** The plan of the review: when and where, the agenda, who is invited. */
export function ReviewOverview({ review }: { review: ManagementReview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const editable =
    can('reviews:manage') && (review.status === 'planned' || review.status === 'inputs_prepared');
  const attendance = (a: ManagementReview['attendees'][number]) =>
    a.attended === null
      ? '—'
      : a.attended
        ? t('reviews.minutes.present')
        : t('reviews.minutes.absent');

  return (
    <Stack gap="lg">
      <SectionCard
        id="review-plan"
        title={t('reviews.detail.plan')}
        actions={
          editable && (
            <Button
              variant="default"
              leftSection={<IconEdit size={16} aria-hidden="true" />}
              onClick={() => setEditing(true)}
            >
              {t('reviews.detail.edit')}
            </Button>
          )
        }
      >
        <Stack gap={6}>
          <Fact label={t('reviews.form.plannedOn')}>{format.date(review.plannedOn)}</Fact>
          <Fact label={t('reviews.form.location')}>{review.location || '—'}</Fact>
          <Fact label={t('reviews.minutes.heldOn')}>
            {review.heldOn ? format.date(review.heldOn) : '—'}
          </Fact>
          <Fact label={t('reviews.detail.period')}>
            {review.periodStart ? format.date(review.periodStart) : '—'}
          </Fact>
          {review.approvedAt && (
            <Fact label={t('reviews.detail.approved')}>
              {`${format.date(review.approvedAt)} ${review.approvedBy?.name ?? ''}`}
            </Fact>
          )}
        </Stack>
      </SectionCard>
      <SectionCard id="review-agenda" title={t('reviews.form.agenda')}>
        {review.agenda.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('reviews.detail.noAgenda')}
          </Text>
        ) : (
          <List type="ordered" size="sm">
            {review.agenda.map((item, i) => (
              <List.Item key={i}>{item}</List.Item>
            ))}
          </List>
        )}
      </SectionCard>
      <SectionCard id="review-attendees" title={t('reviews.form.attendees')} flush>
        {review.attendees.length === 0 ? (
          <Text c="dimmed" size="sm" px="lg" pb="lg">
            {t('reviews.detail.noAttendees')}
          </Text>
        ) : (
          <Table aria-label={t('reviews.form.attendees')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reviews.form.attendeeName')}</Table.Th>
                <Table.Th>{t('reviews.form.attendeeRole')}</Table.Th>
                <Table.Th>{t('reviews.minutes.attendance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.attendees.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.user?.name ?? a.name}</Table.Td>
                  <Table.Td>{t(`reviews.attendeeRole.${a.role}`)}</Table.Td>
                  <Table.Td>{attendance(a)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </SectionCard>
      {editing && <ReviewFormModal review={review} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

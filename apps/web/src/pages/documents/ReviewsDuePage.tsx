import { Badge, Card, Stack, Table, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconCalendarDue, IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useDocumentList } from './api';
import { DocumentsNav } from './DocumentsNav';
import { reviewDueBy, reviewState } from './reviewDates';

/** Issued documents whose review is overdue or due within 30 days (4.3.2.b). */
export function ReviewsDuePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const today = new Date().toISOString().slice(0, 10);
  const list = useDocumentList({ reviewDueBy: reviewDueBy(today), sort: 'nextReviewDate' });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="xl" maw={1100}>
      <PageHeader
        title={t('documents.reviewsDue.title')}
        eyebrow={t('areas.documents.title')}
        description={t('documents.reviewsDue.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="orange">
            <IconCalendarDue size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
      />
      <DocumentsNav />
      <Card withBorder radius="lg" padding={0}>
        {list.isPending ? (
          <Stack p="md">
            <LoadingRows />
          </Stack>
        ) : list.isError ? (
          <Stack p="md">
            <ErrorState error={list.error} />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyBlock
            icon={<IconChecks size={32} aria-hidden="true" />}
            title={t('documents.reviewsDue.empty')}
          />
        ) : (
          <Table verticalSpacing="sm" aria-label={t('documents.reviewsDue.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.columns.title')}</Table.Th>
                <Table.Th>{t('documents.columns.owner')}</Table.Th>
                <Table.Th>{t('documents.columns.nextReview')}</Table.Th>
                <Table.Th>{t('documents.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => {
                const state = reviewState(d.nextReviewDate, today);
                return (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <UnstyledButton
                        component={Link}
                        to={`/documents/${d.id}`}
                        fw={600}
                        c="blue.8"
                      >
                        {`${d.code} ${d.title}`}
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td>{d.ownerName ?? '—'}</Table.Td>
                    <Table.Td>{format.date(d.nextReviewDate)}</Table.Td>
                    <Table.Td>
                      <Badge
                        color={state === 'overdue' ? 'red' : 'yellow'}
                        variant="light"
                        tt="none"
                      >
                        {t(`documents.reviewsDue.${state === 'overdue' ? 'overdue' : 'due'}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}

import { Anchor, Button, Table, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaStrings } from '../../../i18n/lazy-areas';
import { Link } from 'react-router';
import { useCompletions } from '../../../api/training';
import { ErrorState, LoadingRows } from '../../../components/QueryStates';
import { SectionCard } from '../../../components/SectionCard';
import { useFormat } from '../../../lib/format';
import { useSession } from '../../../session/useSession';
import { CompletionBadge, useBilingual } from '../../training/labels';

/** The training the person took or must take (5.2.2.d), as the training area decides it. */
export function TrainingCard({ userId }: { userId: string }) {
  const { can } = useSession();
  // Its status labels are the training area's strings, loaded with the card.
  return can('training:read') ? (
    <Suspense fallback={null}>
      <AreaStrings area="training">
        <TrainingTable userId={userId} />
      </AreaStrings>
    </Suspense>
  ) : null;
}

function TrainingTable({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const bilingual = useBilingual();
  const completions = useCompletions({ courseId: null, unitId: null, status: null, userId });
  const rows = completions.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <SectionCard id="person-training" title={t('people.person.training.title')}>
      {completions.isPending ? (
        <LoadingRows />
      ) : completions.isError ? (
        <ErrorState error={completions.error} onRetry={() => void completions.refetch()} />
      ) : rows.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('people.person.training.empty')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('people.person.training.title')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.person.training.course')}</Table.Th>
                  <Table.Th>{t('people.person.training.status')}</Table.Th>
                  <Table.Th>{t('people.person.training.completedOn')}</Table.Th>
                  <Table.Th>{t('people.person.training.dueOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.course.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/training/courses/${r.course.id}`}>
                        {r.course.code} {bilingual(r.course.title, r.course.titleEn)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <CompletionBadge status={r.status} />
                    </Table.Td>
                    <Table.Td>{r.completedOn ? format.date(r.completedOn) : '—'}</Table.Td>
                    <Table.Td>{r.dueOn ? format.date(r.dueOn) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {completions.hasNextPage && (
            <Button
              variant="subtle"
              size="xs"
              mt="xs"
              loading={completions.isFetchingNextPage}
              onClick={() => void completions.fetchNextPage()}
            >
              {t('people.person.training.more')}
            </Button>
          )}
        </>
      )}
    </SectionCard>
  );
}

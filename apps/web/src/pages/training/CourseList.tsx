import { Anchor, Badge, Button, Group, Progress, Select, Table, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { courseKindSchema } from '@mamoru/contracts';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useCourses, type CourseKind } from '../../api/training';
import { useBilingual } from './labels';

/** The courses with their kind, how they are delivered and evaluated, and their completion. */
export function CourseList({ empty }: { empty: ReactNode }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const [kind, setKind] = useState<string | null>(null);
  const [active, setActive] = useState<string>('true');
  const list = useCourses({ kind: kind as CourseKind | null, active });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Group gap="md" align="flex-end">
        <Select
          label={t('training.course.kind')}
          placeholder={t('training.course.allKinds')}
          data={courseKindSchema.options.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))}
          value={kind}
          onChange={setKind}
          clearable
          w={200}
        />
        <Select
          label={t('training.course.activeFilter')}
          data={(['true', 'false', 'all'] as const).map((v) => ({
            value: v,
            label: t(`training.course.activeOption.${v}`),
          }))}
          value={active}
          onChange={(v) => setActive(v ?? 'true')}
          allowDeselect={false}
          w={160}
        />
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        empty
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label={t('training.course.listTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.course.code')}</Table.Th>
                <Table.Th>{t('training.course.title')}</Table.Th>
                <Table.Th>{t('training.course.kind')}</Table.Th>
                <Table.Th>{t('training.course.delivery')}</Table.Th>
                <Table.Th>{t('training.course.evaluation')}</Table.Th>
                <Table.Th>{t('training.course.completion')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.code}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Anchor component={Link} to={`/training/courses/${c.id}`}>
                        {text(c.title, c.titleEn)}
                      </Anchor>
                      {!c.active && (
                        <Badge color="gray" variant="light">
                          {t('training.course.inactive')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t(`training.kind.${c.kind}`)}</Table.Td>
                  <Table.Td>{t(`training.delivery.${c.delivery}`)}</Table.Td>
                  <Table.Td>{t(`training.evaluation.${c.evaluation}`)}</Table.Td>
                  <Table.Td miw={160}>
                    <Text fz="xs">
                      {t('training.course.completedOf', {
                        completed: c.completedCount,
                        total: c.audienceCount,
                      })}
                    </Text>
                    <Progress
                      value={c.audienceCount ? (c.completedCount * 100) / c.audienceCount : 0}
                      size="sm"
                      aria-hidden="true"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}

import { Group, Select, Stack } from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { completionStatusSchema } from '@mamoru/contracts';
import { useOrgUnits } from '../../api/assets';
import { useCourses, type CompletionStatus } from '../../api/training';
import { PageHeader } from '../../components/PageHeader';
import { CompletionMatrix } from './CompletionMatrix';
import { useBilingual } from './labels';
import { ReportMenu } from './ReportMenu';
import { TrainingNav } from './TrainingNav';

/** Who completed what: the matrix, filtered by course, unit and status kept in the address. */
export function CompletionsPage() {
  const { t } = useTranslation();
  const text = useBilingual();
  const [params, setParams] = useSearchParams();
  const courses = useCourses({ active: 'all' });
  const units = useOrgUnits();
  const status = params.get('status');
  const filter = {
    courseId: params.get('courseId'),
    unitId: params.get('unitId'),
    status: completionStatusSchema.safeParse(status).success ? (status as CompletionStatus) : null,
  };
  const set = (key: string) => (value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('training.matrix.title')}
        description={t('training.matrix.description')}
        icon={<IconTable size={32} aria-hidden="true" />}
        actions={<ReportMenu filter={{ courseId: filter.courseId, unitId: filter.unitId }} />}
      />
      <TrainingNav />
      <Group gap="md" align="flex-end">
        <Select
          label={t('training.matrix.course')}
          placeholder={t('training.matrix.allCourses')}
          data={(courses.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({
            value: c.id,
            label: `${c.code} ${text(c.title, c.titleEn)}`,
          }))}
          value={filter.courseId}
          onChange={set('courseId')}
          clearable
          searchable
          w={300}
        />
        <Select
          label={t('training.matrix.unit')}
          placeholder={t('training.matrix.allUnits')}
          data={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
          value={filter.unitId}
          onChange={set('unitId')}
          clearable
          searchable
          w={240}
        />
        <Select
          label={t('training.matrix.status')}
          placeholder={t('training.matrix.allStatuses')}
          data={completionStatusSchema.options.map((s) => ({
            value: s,
            label: t(`training.completion.${s}`),
          }))}
          value={filter.status}
          onChange={set('status')}
          clearable
          w={220}
        />
      </Group>
      <CompletionMatrix filter={filter} />
    </Stack>
  );
}

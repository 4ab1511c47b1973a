import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconCertificate, IconEdit } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCourse } from '../../api/training';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useSession } from '../../session/useSession';
import { CompletionMatrix } from './CompletionMatrix';
import { CourseFormModal } from './CourseFormModal';
import { useBilingual } from './labels';
import { QuizEditor } from './QuizEditor';
import { ReportMenu } from './ReportMenu';
import { SessionList } from './SessionList';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text component="div" fz="sm">
        {children}
      </Text>
    </Stack>
  );
}

/** One course: what it is and who must take it, its quiz, its sessions and its completion. */
export function CoursePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const text = useBilingual();
  const { can } = useSession();
  const manage = can('training:manage', 'all');
  const course = useCourse(id);
  const [editing, setEditing] = useState(false);
  if (course.isPending) return <LoadingRows />;
  if (course.isError)
    return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  const c = course.data;
  const audience = c.audienceAll
    ? t('training.course.audienceEveryone')
    : [...c.audienceUnits.map((u) => u.name), ...c.audienceRoles.map((r) => r.name)].join(
        t('training.separator'),
      ) || t('training.course.audienceNobody');

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={
          <Anchor component={Link} to="/training" fz="sm">
            {t('areas.training.title')}
          </Anchor>
        }
        title={`${c.code} ${text(c.title, c.titleEn)}`}
        icon={<IconCertificate size={32} aria-hidden="true" />}
        actions={
          <Group gap="sm">
            <ReportMenu filter={{ courseId: c.id }} />
            {manage && (
              <Button
                variant="default"
                leftSection={<IconEdit size={16} aria-hidden="true" />}
                onClick={() => setEditing(true)}
              >
                {t('training.course.edit')}
              </Button>
            )}
          </Group>
        }
      />
      <Card withBorder radius="lg">
        <Stack gap="md">
          {!c.active && (
            <Badge color="gray" variant="light">
              {t('training.course.inactive')}
            </Badge>
          )}
          {text(c.description, c.descriptionEn) && (
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {text(c.description, c.descriptionEn)}
            </Text>
          )}
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Field label={t('training.course.kind')}>{t(`training.kind.${c.kind}`)}</Field>
            <Field label={t('training.course.delivery')}>
              {t(`training.delivery.${c.delivery}`)}
            </Field>
            <Field label={t('training.course.evaluation')}>
              {t(`training.evaluation.${c.evaluation}`)}
              {c.evaluation === 'quiz' &&
                ` (${t('training.quiz.passMarkLine', { passMark: c.passMark })})`}
            </Field>
            <Field label={t('training.course.intervalMonths')}>
              {c.intervalMonths
                ? t('training.course.everyMonths', { count: c.intervalMonths })
                : t('training.course.once')}
            </Field>
            <Field label={t('training.course.audience')}>{audience}</Field>
            <Field label={t('training.course.completion')}>
              {t('training.course.completedOf', {
                completed: c.completedCount,
                total: c.audienceCount,
              })}
            </Field>
            <Field label={t('training.course.materials')}>
              {c.materials.length === 0
                ? t('training.course.noMaterials')
                : c.materials.map((m) => (
                    <Anchor
                      key={m.id}
                      component={Link}
                      to={`/documents/${m.id}`}
                      fz="sm"
                      display="block"
                    >
                      {m.code} {m.title}
                    </Anchor>
                  ))}
            </Field>
          </SimpleGrid>
        </Stack>
      </Card>
      <Tabs defaultValue="completion" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="completion">{t('training.course.tabs.completion')}</Tabs.Tab>
          <Tabs.Tab value="sessions">{t('training.course.tabs.sessions')}</Tabs.Tab>
          {manage && c.evaluation === 'quiz' && (
            <Tabs.Tab value="quiz">
              {t('training.course.tabs.quiz', { count: c.questionCount })}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="completion" pt="md">
          <CompletionMatrix filter={{ courseId: c.id, unitId: null, status: null }} />
        </Tabs.Panel>
        <Tabs.Panel value="sessions" pt="md">
          <SessionList courseId={c.id} />
        </Tabs.Panel>
        {manage && c.evaluation === 'quiz' && (
          <Tabs.Panel value="quiz" pt="md">
            <QuizEditor course={c} />
          </Tabs.Panel>
        )}
      </Tabs>
      {editing && <CourseFormModal course={c} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

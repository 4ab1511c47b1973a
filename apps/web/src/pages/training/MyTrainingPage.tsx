import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconAward, IconPencilPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyTraining } from '../../api/training';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { CompletionBadge, useBilingual } from './labels';
import { MyRolesPanel } from './MyRolesPanel';
import { SelfRecordModal } from './SelfRecordModal';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="lg" shadow="xs">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/**
 * My training: the courses I must take with where I stand, quizzes to take
 * and retake, my ISMS roles to acknowledge, my attempts and attendance, and
 * the sessions I train.
 */
export function MyTrainingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useBilingual();
  const { can } = useSession();
  const my = useMyTraining();
  const [recording, setRecording] = useState<{ courseId?: string } | null>(null);
  const titleOf = (id: string) => {
    const course = my.data?.courses.find((c) => c.course.id === id)?.course;
    return course ? text(course.title, course.titleEn) : '';
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('training.my.title')}
        description={t('training.my.description')}
        icon={<IconAward size={32} aria-hidden="true" />}
        actions={
          my.data && my.data.courses.length > 0 ? (
            <Button
              variant="default"
              leftSection={<IconPencilPlus size={16} aria-hidden="true" />}
              onClick={() => setRecording({})}
            >
              {t('training.self.button')}
            </Button>
          ) : undefined
        }
      />
      {my.isPending ? (
        <LoadingRows />
      ) : my.isError ? (
        <ErrorState error={my.error} onRetry={() => void my.refetch()} />
      ) : (
        <>
          <Section title={t('training.my.courses')}>
            {my.data.courses.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('training.my.noCourses')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table aria-label={t('training.my.courses')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('training.my.course')}</Table.Th>
                      <Table.Th>{t('training.my.status')}</Table.Th>
                      <Table.Th>{t('training.my.dueOn')}</Table.Th>
                      <Table.Th>{t('training.my.lastScore')}</Table.Th>
                      <Table.Th aria-label={t('common.actions')} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {my.data.courses.map((c) => {
                      const quiz = c.course.evaluation === 'quiz' && c.course.questionCount > 0;
                      const name = text(c.course.title, c.course.titleEn);
                      return (
                        <Table.Tr key={c.course.id}>
                          <Table.Td>
                            <Text fz="sm">
                              {c.course.code} {name}
                            </Text>
                            <Text fz="xs" c="dimmed">
                              {t('training.my.kindDelivery', {
                                kind: t(`training.kind.${c.course.kind}`),
                                delivery: t(`training.delivery.${c.course.delivery}`),
                              })}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <CompletionBadge status={c.status} />
                            {c.completedOn && (
                              <Text fz="xs" c="dimmed">
                                {t('training.matrix.completedOn', {
                                  date: format.date(c.completedOn),
                                })}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{c.dueOn ? format.date(c.dueOn) : '—'}</Table.Td>
                          <Table.Td>
                            {c.lastScore === null
                              ? '—'
                              : t('training.my.scoreOf', {
                                  score: c.lastScore,
                                  count: c.attempts,
                                })}
                          </Table.Td>
                          <Table.Td>
                            <Group gap="xs" justify="flex-end" wrap="nowrap">
                              {quiz ? (
                                <Button
                                  size="xs"
                                  component={Link}
                                  to={`/training/my/quiz/${c.course.id}`}
                                  aria-label={t('training.my.takeQuizOf', { course: name })}
                                  variant={c.status === 'completed' ? 'default' : 'filled'}
                                >
                                  {c.attempts > 0
                                    ? t('training.my.retake')
                                    : t('training.my.takeQuiz')}
                                </Button>
                              ) : (
                                c.status !== 'completed' &&
                                c.course.delivery !== 'classroom' && (
                                  <Button
                                    size="xs"
                                    variant="default"
                                    onClick={() => setRecording({ courseId: c.course.id })}
                                  >
                                    {t('training.self.short')}
                                  </Button>
                                )
                              )}
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Section>
          <Section title={t('training.my.roles')}>
            <MyRolesPanel />
          </Section>
          <Section title={t('training.my.attempts')}>
            {my.data.attempts.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('training.my.noAttempts')}
              </Text>
            ) : (
              <Table aria-label={t('training.my.attempts')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('training.my.submittedAt')}</Table.Th>
                    <Table.Th>{t('training.my.course')}</Table.Th>
                    <Table.Th>{t('training.my.score')}</Table.Th>
                    <Table.Th>{t('training.my.result')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {my.data.attempts.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{format.dateTime(a.submittedAt)}</Table.Td>
                      <Table.Td>{titleOf(a.courseId)}</Table.Td>
                      <Table.Td>
                        {t('training.my.scoreLine', {
                          score: a.score,
                          correct: a.correctCount,
                          total: a.questionCount,
                        })}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={a.passed ? 'green' : 'red'} variant="light">
                          {a.passed
                            ? t('training.take.passedShort')
                            : t('training.take.failedShort')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
          <Section title={t('training.my.attendance')}>
            {my.data.attendance.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('training.my.noAttendance')}
              </Text>
            ) : (
              <Table aria-label={t('training.my.attendance')}>
                <Table.Tbody>
                  {my.data.attendance.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{format.date(a.attendedOn)}</Table.Td>
                      <Table.Td>
                        {a.course.code} {a.course.title}
                      </Table.Td>
                      <Table.Td>{t(`training.attendanceStatus.${a.status}`)}</Table.Td>
                      <Table.Td>{t(`training.source.${a.source}`)}</Table.Td>
                      <Table.Td>
                        {a.evaluationResult
                          ? t(`training.evaluationResult.${a.evaluationResult}`)
                          : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
          {(my.data.sessionsToRecord.length > 0 || can('training:record')) && (
            <Section title={t('training.my.sessionsITrain')}>
              {my.data.sessionsToRecord.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t('training.my.noSessions')}
                </Text>
              ) : (
                <Stack gap={4}>
                  {my.data.sessionsToRecord.map((s) => (
                    <Group key={s.id} gap="sm">
                      <Text fz="sm">{format.date(s.heldOn)}</Text>
                      <Anchor component={Link} to={`/training/sessions/${s.id}`} fz="sm">
                        {s.code} {s.course.title}
                      </Anchor>
                      <Text fz="xs" c="dimmed">
                        {t('training.my.attendedCount', { count: s.attendedCount })}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Section>
          )}
        </>
      )}
      {recording && my.data && (
        <SelfRecordModal
          courses={my.data.courses}
          {...(recording.courseId ? { courseId: recording.courseId } : {})}
          onClose={() => setRecording(null)}
        />
      )}
    </Stack>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  Stack,
  Text,
} from '@mantine/core';
import { IconCheck, IconPencilQuestion, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuizToTake, useSubmitQuiz, type QuizAttempt } from '../../api/training';
import { PageHeader } from '../../components/PageHeader';
import { ProblemDetails } from '../../components/ProblemDetails';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { problemFields } from '../../lib/problemFields';
import { useBilingual } from './labels';

/**
 * Takes a course's quiz in the reader's language: one answer per question (all
 * correct ones where several are), then the score, pass or fail and which
 * questions were right; a failed (or passed) quiz can be taken again.
 */
export function QuizPage() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation();
  const text = useBilingual();
  const quiz = useQuizToTake(courseId);
  const submit = useSubmitQuiz(courseId);
  const [answers, setAnswers] = useState<number[][]>([]);
  const [result, setResult] = useState<QuizAttempt | null>(null);
  if (quiz.isPending) return <LoadingRows />;
  if (quiz.isError) return <ErrorState error={quiz.error} onRetry={() => void quiz.refetch()} />;
  const q = quiz.data;
  const answerOf = (i: number) => answers[i] ?? [];
  const setAnswer = (i: number, chosen: number[]) => {
    const next = q.questions.map((_, j) => answers[j] ?? []);
    next[i] = chosen;
    setAnswers(next);
  };
  const unanswered = q.questions.filter((_, i) => answerOf(i).length === 0).length;
  const retake = () => {
    setAnswers([]);
    setResult(null);
    submit.reset();
    void quiz.refetch();
    window.scrollTo?.({ top: 0 });
  };

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={
          <Anchor component={Link} to="/training/my" fz="sm">
            {t('training.my.title')}
          </Anchor>
        }
        title={`${q.course.code} ${text(q.course.title, q.course.titleEn)}`}
        description={t('training.take.intro', { count: q.questions.length, passMark: q.passMark })}
        icon={<IconPencilQuestion size={32} aria-hidden="true" />}
      />
      {result && (
        <Alert
          color={result.passed ? 'green' : 'red'}
          variant="light"
          role="status"
          title={result.passed ? t('training.take.passed') : t('training.take.failed')}
          icon={result.passed ? <IconCheck size={18} /> : <IconX size={18} />}
        >
          <Stack gap="xs">
            <Text fz="sm">
              {t('training.take.score', {
                score: result.score,
                correct: result.correctCount,
                total: result.questionCount,
                passMark: result.passMark,
              })}
            </Text>
            <Group>
              <Button variant={result.passed ? 'default' : 'filled'} onClick={retake}>
                {t('training.take.retake')}
              </Button>
              <Button component={Link} to="/training/my" variant="subtle">
                {t('training.take.back')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <ProblemDetails
        error={submit.error}
        fields={problemFields(submit.error, { answers: t('training.take.answers') }, [])}
      />
      {q.questions.map((question, i) => {
        const label = text(question.question, question.questionEn);
        const verdict = result?.correct[i];
        return (
          <Card key={i} withBorder radius="md" padding="md">
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600} id={`quiz-q-${i}`}>
                  {t('training.take.questionNumber', { number: i + 1 })} {label}
                </Text>
                {verdict !== undefined && (
                  <Badge color={verdict ? 'green' : 'red'} variant="light">
                    {verdict ? t('training.take.right') : t('training.take.wrong')}
                  </Badge>
                )}
              </Group>
              {question.multiple ? (
                <Checkbox.Group
                  aria-labelledby={`quiz-q-${i}`}
                  description={t('training.take.chooseAll')}
                  value={answerOf(i).map(String)}
                  onChange={(v) =>
                    setAnswer(
                      i,
                      v.map(Number).sort((a, b) => a - b),
                    )
                  }
                >
                  <Stack gap={6} mt="xs">
                    {question.choices.map((c, ci) => (
                      <Checkbox
                        key={ci}
                        value={String(ci)}
                        label={text(c.text, c.textEn)}
                        disabled={Boolean(result)}
                      />
                    ))}
                  </Stack>
                </Checkbox.Group>
              ) : (
                <Radio.Group
                  aria-labelledby={`quiz-q-${i}`}
                  value={answerOf(i).length ? String(answerOf(i)[0]) : null}
                  onChange={(v) => setAnswer(i, [Number(v)])}
                >
                  <Stack gap={6}>
                    {question.choices.map((c, ci) => (
                      <Radio
                        key={ci}
                        value={String(ci)}
                        label={text(c.text, c.textEn)}
                        disabled={Boolean(result)}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
            </Stack>
          </Card>
        );
      })}
      {!result && (
        <Group justify="flex-end">
          {unanswered > 0 && (
            <Text fz="sm" c="dimmed">
              {t('training.take.unanswered', { count: unanswered })}
            </Text>
          )}
          <Button
            disabled={unanswered > 0}
            loading={submit.isPending}
            onClick={() =>
              submit.mutate(
                { answers: q.questions.map((_, i) => answerOf(i)) },
                { onSuccess: setResult },
              )
            }
          >
            {t('training.take.submit')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuiz, useSaveQuiz, type Quiz, type TrainingCourse } from '../../api/training';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields } from '../../lib/problemFields';

type Question = Quiz['questions'][number];
const blankChoice = () => ({ text: '', textEn: '', correct: false });
const blankQuestion = (): Question => ({
  question: '',
  questionEn: '',
  choices: [blankChoice(), blankChoice()],
});

/** The quiz of a course, loaded once and edited whole. */
export function QuizEditor({ course }: { course: TrainingCourse }) {
  const quiz = useQuiz(course.id, true);
  if (quiz.isPending) return <LoadingRows />;
  if (quiz.isError) return <ErrorState error={quiz.error} onRetry={() => void quiz.refetch()} />;
  return <QuizForm course={course} initial={quiz.data.questions} />;
}

/**
 * Questions with two to eight choices each, in Japanese and English, one or
 * more marked correct; saved all at once under the course's version.
 */
function QuizForm({ course, initial }: { course: TrainingCourse; initial: Question[] }) {
  const { t } = useTranslation();
  const save = useSaveQuiz();
  const [questions, setQuestions] = useState<Question[]>(initial);
  const [saved, setSaved] = useState(false);
  const problem = problemFields(
    save.error,
    {
      questions: t('training.quiz.questions'),
      'questions.*.question': t('training.quiz.question'),
      'questions.*.questionEn': t('training.quiz.questionEn'),
      'questions.*.choices': t('training.quiz.choices'),
      'questions.*.choices.*.text': t('training.quiz.choice'),
      'questions.*.choices.*.textEn': t('training.quiz.choiceEn'),
    },
    [
      'questions.*.question',
      'questions.*.questionEn',
      'questions.*.choices',
      'questions.*.choices.*.text',
      'questions.*.choices.*.textEn',
    ],
  );
  const change = (next: Question[]) => {
    setQuestions(next);
    setSaved(false);
  };
  const setQuestion = (qi: number, patch: Partial<Question>) =>
    change(questions.map((q, i) => (i === qi ? { ...q, ...patch } : q)));
  const setChoice = (qi: number, ci: number, patch: Partial<Question['choices'][number]>) =>
    setQuestion(qi, {
      choices: questions[qi]!.choices.map((c, i) => (i === ci ? { ...c, ...patch } : c)),
    });
  const missingCorrect = questions.some((q) => !q.choices.some((c) => c.correct));

  return (
    <Stack gap="md">
      <Text fz="sm">{t('training.quiz.passMarkLine', { passMark: course.passMark })}</Text>
      <SaveProblem
        error={save.error}
        staleTitle={t('training.stale.title')}
        staleBody={t('training.stale.body')}
        fields={problem}
      />
      {saved && (
        <Alert color="green" variant="light" role="status">
          {t('training.quiz.saved')}
        </Alert>
      )}
      {questions.length === 0 && (
        <Text fz="sm" c="dimmed">
          {t('training.quiz.empty')}
        </Text>
      )}
      {questions.map((q, qi) => (
        <Card key={qi} withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Group justify="space-between">
              <Text fw={600}>{t('training.quiz.number', { number: qi + 1 })}</Text>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('training.quiz.removeQuestion', { number: qi + 1 })}
                onClick={() => change(questions.filter((_, i) => i !== qi))}
              >
                <IconTrash size={16} aria-hidden="true" />
              </ActionIcon>
            </Group>
            <Group grow align="flex-start">
              <Textarea
                label={t('training.quiz.question')}
                value={q.question}
                onChange={(e) => setQuestion(qi, { question: e.currentTarget.value })}
                required
                autosize
                error={problem.error(`questions.${qi}.question`)}
              />
              <Textarea
                label={t('training.quiz.questionEn')}
                value={q.questionEn}
                onChange={(e) => setQuestion(qi, { questionEn: e.currentTarget.value })}
                autosize
                error={problem.error(`questions.${qi}.questionEn`)}
              />
            </Group>
            {q.choices.map((c, ci) => (
              <Group key={ci} align="flex-end" wrap="nowrap">
                <Checkbox
                  label={t('training.quiz.correct')}
                  checked={c.correct}
                  onChange={(e) => setChoice(qi, ci, { correct: e.currentTarget.checked })}
                  mb={8}
                />
                <TextInput
                  style={{ flex: 1 }}
                  label={t('training.quiz.choiceNumber', { number: ci + 1 })}
                  value={c.text}
                  onChange={(e) => setChoice(qi, ci, { text: e.currentTarget.value })}
                  error={problem.error(`questions.${qi}.choices.${ci}.text`)}
                />
                <TextInput
                  style={{ flex: 1 }}
                  label={t('training.quiz.choiceEnNumber', { number: ci + 1 })}
                  value={c.textEn}
                  onChange={(e) => setChoice(qi, ci, { textEn: e.currentTarget.value })}
                  error={problem.error(`questions.${qi}.choices.${ci}.textEn`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={6}
                  disabled={q.choices.length <= 2}
                  aria-label={t('training.quiz.removeChoice', { number: ci + 1 })}
                  onClick={() => setQuestion(qi, { choices: q.choices.filter((_, i) => i !== ci) })}
                >
                  <IconTrash size={14} aria-hidden="true" />
                </ActionIcon>
              </Group>
            ))}
            {problem.byField[`questions.${qi}.choices`] && (
              <Text fz="sm" c="red">
                {problem.byField[`questions.${qi}.choices`]}
              </Text>
            )}
            {q.choices.length < 8 && (
              <Group>
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconPlus size={14} aria-hidden="true" />}
                  onClick={() => setQuestion(qi, { choices: [...q.choices, blankChoice()] })}
                >
                  {t('training.quiz.addChoice')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      ))}
      {missingCorrect && (
        <Text fz="sm" c="orange">
          {t('training.quiz.needsCorrect')}
        </Text>
      )}
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          disabled={questions.length >= 50}
          onClick={() => change([...questions, blankQuestion()])}
        >
          {t('training.quiz.addQuestion')}
        </Button>
        <Button
          loading={save.isPending}
          disabled={missingCorrect}
          onClick={() =>
            save.mutate({ course, body: { questions } }, { onSuccess: () => setSaved(true) })
          }
        >
          {t('training.quiz.save')}
        </Button>
      </Group>
    </Stack>
  );
}

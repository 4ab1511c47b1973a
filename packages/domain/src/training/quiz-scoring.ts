/**
 * Scoring a quiz attempt, a pure function: a question counts only when the
 * chosen choices are exactly its correct ones (all of them, nothing else);
 * the score is the percent of such questions, rounded down; passing needs a
 * score of at least the pass mark.
 */

export interface ScoredQuestion {
  choices: readonly { correct: boolean }[];
}

export interface QuizScore {
  correct: boolean[];
  correctCount: number;
  questionCount: number;
  score: number;
  passed: boolean;
}

export function scoreQuiz(
  questions: readonly ScoredQuestion[],
  answers: readonly (readonly number[])[],
  passMark: number,
): QuizScore {
  if (questions.length === 0) throw new Error('a quiz without questions cannot be scored');
  if (answers.length !== questions.length) throw new Error('one answer per question');
  const correct = questions.map((q, i) => {
    const chosen = new Set(answers[i]);
    const right = q.choices.flatMap((c, index) => (c.correct ? [index] : []));
    return chosen.size === right.length && right.every((index) => chosen.has(index));
  });
  const correctCount = correct.filter(Boolean).length;
  const score = Math.floor((correctCount * 100) / questions.length);
  return {
    correct,
    correctCount,
    questionCount: questions.length,
    score,
    passed: score >= passMark,
  };
}

/** Field errors of answers that do not fit the quiz (count, choice indexes). */
export function answerErrors(
  questions: readonly ScoredQuestion[],
  answers: readonly (readonly number[])[],
): { field: string; code: string; params?: Record<string, number> }[] {
  if (answers.length !== questions.length) {
    return [
      {
        field: 'answers',
        code: 'quiz_answers_count',
        params: { expected: questions.length, actual: answers.length },
      },
    ];
  }
  return answers.flatMap((chosen, i) =>
    chosen.some((index) => index >= questions[i]!.choices.length)
      ? [{ field: `answers.${i}`, code: 'quiz_choice_unknown' }]
      : [],
  );
}

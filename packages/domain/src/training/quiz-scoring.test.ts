import { describe, expect, it } from 'vitest';
import { answerErrors, scoreQuiz } from './quiz-scoring.ts';

const single = (right: number, of = 3) => ({
  choices: Array.from({ length: of }, (_, i) => ({ correct: i === right })),
});
const multi = (...right: number[]) => ({
  choices: Array.from({ length: 4 }, (_, i) => ({ correct: right.includes(i) })),
});

describe('quiz scoring', () => {
  it('counts a question right only when exactly its correct choices are chosen', () => {
    const quiz = [single(0), multi(1, 2), multi(3)];
    const result = scoreQuiz(quiz, [[0], [1, 2], [3]], 80);
    expect(result).toEqual({
      correct: [true, true, true],
      correctCount: 3,
      questionCount: 3,
      score: 100,
      passed: true,
    });
    // Only one of two correct choices, or a wrong one added, or nothing: wrong.
    expect(scoreQuiz(quiz, [[0], [1], [3]], 80).correct).toEqual([true, false, true]);
    expect(scoreQuiz(quiz, [[0], [1, 2, 3], [3]], 80).correct).toEqual([true, false, true]);
    expect(scoreQuiz(quiz, [[], [2, 1], [3]], 80).correct).toEqual([false, true, true]);
  });

  it('ignores a choice repeated in one answer', () => {
    expect(scoreQuiz([single(1)], [[1, 1]], 100).passed).toBe(true);
  });

  it('rounds the percent down and passes at exactly the pass mark', () => {
    const quiz = [single(0), single(0), single(0)];
    // 2 of 3 = 66.67% → 66.
    expect(scoreQuiz(quiz, [[0], [0], [1]], 66)).toMatchObject({ score: 66, passed: true });
    expect(scoreQuiz(quiz, [[0], [0], [1]], 67)).toMatchObject({ score: 66, passed: false });
    const five = Array.from({ length: 5 }, () => single(2));
    // 4 of 5 = 80: passes a pass mark of 80, 3 of 5 = 60 fails it.
    expect(scoreQuiz(five, [[2], [2], [2], [2], [0]], 80)).toMatchObject({
      score: 80,
      correctCount: 4,
      passed: true,
    });
    expect(scoreQuiz(five, [[2], [2], [2], [0], [0]], 80)).toMatchObject({
      score: 60,
      passed: false,
    });
    expect(scoreQuiz(five, [[0], [0], [0], [0], [0]], 1)).toMatchObject({
      score: 0,
      passed: false,
    });
  });

  it('refuses to score answers that do not fit', () => {
    expect(() => scoreQuiz([], [], 80)).toThrow();
    expect(() => scoreQuiz([single(0)], [[0], [0]], 80)).toThrow();
  });

  it('names the answers that do not fit the quiz', () => {
    const quiz = [single(0, 2), single(1, 3)];
    expect(answerErrors(quiz, [[0]])).toEqual([
      { field: 'answers', code: 'quiz_answers_count', params: { expected: 2, actual: 1 } },
    ]);
    expect(answerErrors(quiz, [[2], [2]])).toEqual([
      { field: 'answers.0', code: 'quiz_choice_unknown' },
    ]);
    expect(answerErrors(quiz, [[1], [0, 2]])).toEqual([]);
  });
});

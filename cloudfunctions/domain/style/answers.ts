import type { AnswersProblem, CompleteAnswers, QuizAnswers, QuizProgress, QuizStep, StyleQuiz } from '../../contract/styleQuiz';

/** Where one step stands: answered, not (fully) answered, or answered with something the quiz does not offer. */
type StepState = { kind: 'done' } | { kind: 'missing' } | { kind: 'problem'; problem: AnswersProblem };
const done: StepState = { kind: 'done' };
const missing: StepState = { kind: 'missing' };
const unknown = (step: QuizStep, option: unknown): StepState => ({ kind: 'problem', problem: { code: 'unknownOption', step: step.id, option: String(option) } });

/** The first value not among the offered ones, if any. */
const stray = <T>(values: readonly T[], offered: readonly T[]) => values.find((v) => !offered.includes(v));

function stepState(step: QuizStep, a: QuizAnswers): StepState {
  switch (step.kind) {
    case 'boards':
      // ratings of boards this quiz no longer shows are ignored (they score nothing), never refused
      return step.boards.every((b) => a.boards?.[b.id] !== undefined) ? done : missing;
    case 'colour': {
      const picked = a.colour?.[step.question];
      if (picked === undefined) return missing;
      return step.options.some((o) => o.id === picked) ? done : unknown(step, picked);
    }
    case 'likes': {
      // both lists are saved when the step is done; an empty list means "none"
      if (!a.likedColours || !a.dislikedColours) return missing;
      const offered = step.colours.map((c) => c.id);
      const bad = stray([...a.likedColours, ...a.dislikedColours], offered);
      if (bad !== undefined) return unknown(step, bad);
      const both = a.likedColours.filter((id) => a.dislikedColours!.includes(id));
      return both.length ? { kind: 'problem', problem: { code: 'lovedAndAvoided', step: step.id, colours: both } } : done;
    }
    case 'scenes':
      return step.scenes.every((s) => a.scenes?.[s] !== undefined) ? done : missing;
    case 'fit':
      return a.fit?.top && a.fit.bottom && a.fit.silhouette ? done : missing;
    case 'sizes': {
      const s = a.sizes;
      if (!s?.top || !s.bottom || s.shoes === undefined) return missing;
      const bad = stray([s.top], step.top) ?? stray([s.bottom], step.bottom) ?? stray([s.shoes], step.shoes);
      return bad === undefined ? done : unknown(step, bad);
    }
    case 'prices': {
      for (const c of step.categories) {
        const picked = a.prices?.[c.category];
        if (picked === undefined) return missing;
        if (!c.options.some((o) => o.id === picked)) return unknown(step, picked);
      }
      return done;
    }
  }
}

/** How far a member is through the quiz (a step with a wrong answer counts as not done). */
export function quizProgress(answers: QuizAnswers, quiz: StyleQuiz): QuizProgress {
  const missingSteps = quiz.steps.filter((s) => stepState(s, answers).kind !== 'done').map((s) => s.id);
  return { answered: quiz.steps.length - missingSteps.length, total: quiz.steps.length, missingSteps };
}

export type AnswersCheck = { ok: true; answers: CompleteAnswers } | { ok: false; problem: AnswersProblem };

/**
 * Whether answers can be scored: every step answered with what the quiz offers. A wrong answer is
 * named before missing ones (it will not go away by answering on); missing steps come in quiz order.
 */
export function checkAnswers(answers: QuizAnswers, quiz: StyleQuiz): AnswersCheck {
  const states = quiz.steps.map((s) => ({ step: s, state: stepState(s, answers) }));
  for (const { state } of states) if (state.kind === 'problem') return { ok: false, problem: state.problem };
  const steps = states.filter((s) => s.state.kind === 'missing').map((s) => s.step.id);
  if (steps.length) return { ok: false, problem: { code: 'incomplete', steps } };
  return { ok: true, answers: answers as CompleteAnswers };
}

import type { Locator } from 'playwright-core';
import type { QuizAnswers, QuizStep } from '../../../cloudfunctions/contract/styleQuiz';
import type { Stage } from './app';

/**
 * The style quiz in the browser tests: answers for the steps before one (to open the quiz part way
 * through), and a hand that answers a step on screen by tapping its pictures, swatches and chips.
 */

/** A rating that varies from board to board and step to step (mostly 喜欢 and 一般, some 不喜欢). */
export const ratingFor = (i: number, j: number) => ((i + j) % 3 === 2 ? '不喜欢' : (i + j) % 2 ? '一般' : '喜欢');

/** One plausible answer per step: boards mostly loved, the second swatch, 有时 for every scene, mid prices. */
export function stepAnswer(step: QuizStep, i = 0): QuizAnswers {
  switch (step.kind) {
    case 'boards':
      return { boards: Object.fromEntries(step.boards.map((b, j) => [b.id, ratingFor(i, j)])) };
    case 'colour':
      return { colour: { [step.question]: step.options[1]!.id } };
    case 'likes':
      return { likedColours: [step.colours[19]!.id], dislikedColours: [step.colours[4]!.id] };
    case 'scenes':
      return { scenes: Object.fromEntries(step.scenes.map((s, j) => [s, step.frequencies[j % step.frequencies.length]!])) };
    case 'fit':
      return { fit: { top: step.fits[1]!, bottom: step.fits[2]!, silhouette: step.silhouettes[0]!.id } };
    case 'sizes':
      return { sizes: { top: 'M', bottom: 'M', shoes: 37 } };
    case 'prices':
      return { prices: Object.fromEntries(step.categories.map((c) => [c.category, c.options[2]!.id])) };
  }
}

/** Saves, through the gateway, an answer for every step before `stepId` (all steps when it is null). */
export async function answerBefore(stage: Stage, openid: string, stepId: string | null): Promise<{ steps: QuizStep[]; attempt: number }> {
  const quiz = (await stage.fn('style', { action: 'quiz' }, openid)).data as { quiz: { steps: QuizStep[] }; attempt: number };
  const steps = quiz.quiz.steps;
  const upTo = stepId === null ? steps.length : steps.findIndex((s) => s.id === stepId);
  for (const [i, step] of steps.slice(0, upTo).entries()) {
    const saved = await stage.fn('style', { action: 'saveAnswers', attempt: quiz.attempt, answers: stepAnswer(step, i) }, openid);
    if (!saved.ok) throw new Error(`saveAnswers failed at ${step.id}: ${JSON.stringify(saved)}`);
  }
  return { steps, attempt: quiz.attempt };
}

/** The quiz's step on screen (its id and kind), once its title is there. */
export async function stepOnScreen(quiz: Locator): Promise<{ id: string; kind: string }> {
  const step = quiz.locator('.quiz__step');
  await step.waitFor();
  return { id: (await step.getAttribute('data-step'))!, kind: (await step.getAttribute('data-kind'))! };
}

/**
 * Every picture inside `scope` that is on screen has loaded (a blank picture fails here). Pictures
 * below the fold are left out: Taro's lazy-loading Image gives them no src until they scroll in.
 */
export async function picturesLoaded(scope: Locator): Promise<number> {
  const imgs = scope.locator('img');
  await imgs.first().waitFor();
  return scope.evaluate(
    (el) =>
      new Promise<number>((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          const all = Array.from(el.querySelectorAll('img')).filter((img) => {
            const r = img.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight;
          });
          if (all.length > 0 && all.every((img) => img.src !== '' && img.complete && img.naturalWidth > 0)) {
            clearInterval(poll);
            resolve(all.length);
          } else if (Date.now() - started > 8000) {
            clearInterval(poll);
            reject(new Error(`pictures not loaded: ${all.filter((img) => !(img.complete && img.naturalWidth > 0)).map((img) => img.src).join(', ')}`));
          }
        }, 50);
      }),
  );
}

/**
 * Answers the step on screen as a shopper would, by tapping: each board's rating, a swatch, the
 * colours loved and avoided, a chip per row. `i` varies the board ratings from step to step.
 */
export async function answerOnScreen(quiz: Locator, i: number): Promise<string> {
  const { id, kind } = await stepOnScreen(quiz);
  const step = quiz.locator(`.quiz__step[data-step="${id}"]`);
  const radio = (scope: Locator, name: string) => scope.getByRole('radio', { name, exact: true });
  if (kind === 'boards') {
    await picturesLoaded(step);
    const boards = step.locator('.quiz-board');
    const n = await boards.count();
    for (let j = 0; j < n; j += 1) {
      const rating = ratingFor(i, j);
      await boards.nth(j).locator('.quiz-board__rating', { hasText: new RegExp(`^${rating}$`) }).click();
    }
  } else if (kind === 'colour') {
    await step.locator('.quiz-colour-option .colour-swatch').nth(1).click();
  } else if (kind === 'likes') {
    await step.locator('[data-colour="camel"] .colour-swatch').click();
    await step.locator('[data-colour="olive"] .colour-swatch').click();
    await radio(step, '✕ 不想穿（0）').click();
    await step.locator('[data-colour="fuchsia"] .colour-swatch').click();
  } else if (kind === 'scenes') {
    for (const scene of ['约会', '职场', '休闲', '运动', '旅行']) await radio(step.locator(`[data-scene="${scene}"]`), scene === '职场' ? '经常' : '有时').click();
  } else if (kind === 'fit') {
    await radio(step.locator('[data-half="top"]'), '合身').click();
    await radio(step.locator('[data-half="bottom"]'), '宽松').click();
    await step.locator('[data-silhouette="X"]').click();
  } else if (kind === 'sizes') {
    await radio(step.getByRole('radiogroup', { name: '上装尺码' }), 'M').click();
    await radio(step.getByRole('radiogroup', { name: '下装尺码' }), 'M').click();
    await radio(step.getByRole('radiogroup', { name: '鞋码' }), '37').click();
  } else if (kind === 'prices') {
    for (const category of ['top', 'bottom', 'dress', 'outer', 'shoes']) await step.locator(`[data-category="${category}"] [role="radio"]`).nth(2).click();
  }
  return id;
}

import type { QuizAnswers, QuizStep } from '../../../../cloudfunctions/contract/styleQuiz';

/**
 * The quiz page's view of answers: what a step still needs (in the shopper's words), the part of
 * the answers a step saves, and where a member coming back picks up. Whether answers can be scored
 * is the server's to say (submit); these only drive the page.
 */

/** Answers laid over answers, as the server merges a save (a list is replaced whole). */
export function mergeAnswers(held: QuizAnswers, over: QuizAnswers): QuizAnswers {
  const merged: QuizAnswers = { ...held };
  for (const part of ['boards', 'colour', 'scenes', 'fit', 'sizes', 'prices'] as const) {
    if (over[part]) Object.assign(merged, { [part]: { ...held[part], ...over[part] } });
  }
  if (over.likedColours) merged.likedColours = [...over.likedColours];
  if (over.dislikedColours) merged.dislikedColours = [...over.dislikedColours];
  return merged;
}

/** What the step still needs before 下一步, in words; null when it is answered. */
export function stillNeeded(step: QuizStep, a: QuizAnswers): string | null {
  switch (step.kind) {
    case 'boards': {
      const open = step.boards.filter((b) => !a.boards?.[b.id]).length;
      return open ? `还有 ${open} 套没打分` : null;
    }
    case 'colour':
      return a.colour?.[step.question] ? null : '选一个最接近你的';
    case 'likes':
      // both lists may stay empty: "none" is an answer
      return null;
    case 'scenes': {
      const open = step.scenes.filter((s) => !a.scenes?.[s]).length;
      return open ? `还有 ${open} 个场合没选` : null;
    }
    case 'fit': {
      const open = [!a.fit?.top && '上身版型', !a.fit?.bottom && '下身版型', !a.fit?.silhouette && '轮廓'].filter(Boolean);
      return open.length ? `还差${open.join('、')}` : null;
    }
    case 'sizes': {
      const open = [!a.sizes?.top && '上装尺码', !a.sizes?.bottom && '下装尺码', a.sizes?.shoes === undefined && '鞋码'].filter(Boolean);
      return open.length ? `还差${open.join('、')}` : null;
    }
    case 'prices': {
      const open = step.categories.filter((c) => !a.prices?.[c.category]).length;
      return open ? `还有 ${open} 类没选` : null;
    }
  }
}

const pick = <V>(record: Partial<Record<string, V>> | undefined, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => record?.[k] !== undefined).map((k) => [k, record![k]!]));

/** The step's own part of the answers: what moving on from it saves (the colours loved and avoided both, even empty). */
export function stepAnswers(step: QuizStep, a: QuizAnswers): QuizAnswers {
  switch (step.kind) {
    case 'boards':
      return { boards: pick(a.boards, step.boards.map((b) => b.id)) };
    case 'colour':
      return a.colour?.[step.question] ? { colour: { [step.question]: a.colour[step.question] } } : {};
    case 'likes':
      return { likedColours: a.likedColours ?? [], dislikedColours: a.dislikedColours ?? [] };
    case 'scenes':
      return { scenes: pick(a.scenes, step.scenes) };
    case 'fit':
      return { fit: { ...a.fit } };
    case 'sizes':
      return { sizes: { ...a.sizes } };
    case 'prices':
      return { prices: pick(a.prices, step.categories.map((c) => c.category)) };
  }
}

/** True when the server holds this step answered (the colours loved and avoided: both lists there). */
export function savedOnServer(step: QuizStep, saved: QuizAnswers): boolean {
  if (step.kind === 'likes') return saved.likedColours !== undefined && saved.dislikedColours !== undefined;
  return stillNeeded(step, saved) === null;
}

/** Where a member picks up: the first step not answered, else the last (to see the report). */
export function resumeAt(steps: readonly QuizStep[], missingSteps: readonly string[]): number {
  const first = steps.findIndex((s) => missingSteps.includes(s.id));
  return first >= 0 ? first : steps.length - 1;
}

import type { QuizAnswers } from '../../contract/styleQuiz';

/**
 * Answers as the dotted fields a save writes (`answers.boards.b1`, `answers.colour.veins`): two
 * steps saved at once touch different fields, so neither overwrites the other. A list (the colours
 * loved) is one field: a new pick replaces it.
 */
export function answerFields(answers: QuizAnswers): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const each = (part: string, record: Record<string, unknown> | undefined) => {
    for (const [k, v] of Object.entries(record ?? {})) if (v !== undefined) fields[`answers.${part}.${k}`] = v;
  };
  each('boards', answers.boards);
  each('colour', answers.colour);
  each('scenes', answers.scenes);
  each('fit', answers.fit);
  each('sizes', answers.sizes);
  each('prices', answers.prices);
  if (answers.likedColours) fields['answers.likedColours'] = [...answers.likedColours];
  if (answers.dislikedColours) fields['answers.dislikedColours'] = [...answers.dislikedColours];
  return fields;
}

/** The answers after a save: what was there with the new answers laid over it (as the dotted write does). */
export function mergeAnswers(held: QuizAnswers, saved: QuizAnswers): QuizAnswers {
  return {
    ...held,
    ...(saved.boards || held.boards ? { boards: { ...held.boards, ...saved.boards } } : {}),
    ...(saved.colour || held.colour ? { colour: { ...held.colour, ...saved.colour } } : {}),
    ...(saved.scenes || held.scenes ? { scenes: { ...held.scenes, ...saved.scenes } } : {}),
    ...(saved.fit || held.fit ? { fit: { ...held.fit, ...saved.fit } } : {}),
    ...(saved.sizes || held.sizes ? { sizes: { ...held.sizes, ...saved.sizes } } : {}),
    ...(saved.prices || held.prices ? { prices: { ...held.prices, ...saved.prices } } : {}),
    ...(saved.likedColours ? { likedColours: [...saved.likedColours] } : {}),
    ...(saved.dislikedColours ? { dislikedColours: [...saved.dislikedColours] } : {}),
  };
}

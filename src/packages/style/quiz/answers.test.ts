import type { QuizAnswers } from '../../../../cloudfunctions/contract';
import { quizProgress } from '../../../../cloudfunctions/domain/style';
import { mergeAnswers as serverMerge } from '../../../../cloudfunctions/domain/style/answerFields';
import { answeredUpTo, COMPLETE, QUIZ, STEPS, stepIndex } from '../../../../tests/ui/support/styleFunction';
import { mergeAnswers, resumeAt, savedOnServer, stepAnswers, stillNeeded } from './answers';

const step = (id: string) => STEPS[stepIndex(id)]!;

describe('what a step still needs, in the shopper’s words', () => {
  it.each<[string, QuizAnswers, string | null]>([
    ['boardsDaily', {}, '还有 3 套没打分'],
    ['boardsDaily', { boards: { commute: '喜欢', mono: '一般' } }, '还有 1 套没打分'],
    ['boardsDaily', { boards: { commute: '喜欢', weekend: '不喜欢', mono: '一般' } }, null],
    ['veins', { colour: { jewellery: 'gold' } }, '选一个最接近你的'],
    ['veins', { colour: { veins: 'green' } }, null],
    ['likes', {}, null],
    ['scenes', { scenes: { 约会: '经常' } }, '还有 4 个场合没选'],
    ['fit', { fit: { top: '合身' } }, '还差下身版型、轮廓'],
    ['fit', { fit: { top: '合身', bottom: '宽松', silhouette: 'A' } }, null],
    ['sizes', { sizes: { top: 'M', bottom: 'L' } }, '还差鞋码'],
    ['prices', { prices: { top: 'top2' } }, '还有 4 类没选'],
  ])('%s with %j: %s', (id, answers, words) => {
    expect(stillNeeded(step(id), answers)).toBe(words);
  });

  it('every step of complete answers needs nothing', () => {
    for (const s of STEPS) expect(stillNeeded(s, COMPLETE)).toBeNull();
  });
});

describe('what moving on from a step saves', () => {
  it('only the step’s own part of the answers', () => {
    expect(stepAnswers(step('boardsOccasion'), COMPLETE)).toEqual({ boards: { parisAfternoon: '喜欢', evening: '喜欢', teaParty: '喜欢' } });
    expect(stepAnswers(step('hair'), COMPLETE)).toEqual({ colour: { hair: COMPLETE.colour.hair } });
    expect(stepAnswers(step('sizes'), COMPLETE)).toEqual({ sizes: COMPLETE.sizes });
  });

  it('the colours loved and avoided both, empty when none were chosen', () => {
    expect(stepAnswers(step('likes'), {})).toEqual({ likedColours: [], dislikedColours: [] });
    expect(savedOnServer(step('likes'), {})).toBe(false);
    expect(savedOnServer(step('likes'), { likedColours: [], dislikedColours: [] })).toBe(true);
  });

  it('merges a save as the function does', () => {
    const held = answeredUpTo('fit');
    for (const s of STEPS) {
      const saved = stepAnswers(s, COMPLETE);
      expect(mergeAnswers(held, saved)).toEqual(serverMerge(held, saved));
    }
  });
});

describe('where a member picks up', () => {
  it('at the first step not answered, or the last when all are', () => {
    expect(resumeAt(STEPS, quizProgress({}, QUIZ).missingSteps)).toBe(0);
    expect(resumeAt(STEPS, quizProgress(answeredUpTo('eyes'), QUIZ).missingSteps)).toBe(stepIndex('eyes'));
    expect(resumeAt(STEPS, [])).toBe(STEPS.length - 1);
  });
});

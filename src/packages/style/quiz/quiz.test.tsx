import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { QuizAnswers } from '../../../../cloudfunctions/contract';
import { prop, withText } from '../../../../tests/ui/support/dom';
import { fail, ok } from '../../../../tests/ui/support/member';
import {
  answeredUpTo,
  BOARD_PICTURES,
  COMPLETE,
  failWith,
  keepingAnswers,
  programStyle,
  quizAnswer,
  reportView,
  STEPS,
  stepIndex,
} from '../../../../tests/ui/support/styleFunction';
import { recorded, resetTaro, showPage } from '../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../services/errors';
import { takeReport } from '../handoff';
import QuizPage from './index';

const saves = () => recorded.cloudCalls.filter((c) => c.data.action === 'saveAnswers').map((c) => c.data);
const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const title = (id: string) => STEPS[stepIndex(id)]!.title;

function button(text: string): HTMLElement {
  return withText(document.body, 'taro-button-core', text);
}
const disabled = (el: HTMLElement) => prop<boolean>(el, 'disabled') === true;

/** Taps the option (a chip, a rating, a swatch) whose words are `text` inside `scope`. */
function tap(scope: ParentNode, text: string): void {
  const options = Array.from(scope.querySelectorAll<HTMLElement>('[role="radio"], [role="checkbox"], [role="button"]'));
  const found = options.find((el) => el.textContent?.trim() === text || el.getAttribute('aria-label') === text);
  if (!found) throw new Error(`nothing to tap saying "${text}"`);
  fireEvent.click(found);
}
const board = (id: string) => document.querySelector(`[data-board="${id}"]`)!;

async function onStep(id: string): Promise<void> {
  await screen.findByText(title(id));
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('taking the quiz', () => {
  it('a new member starts at step 1 of 15 with the first outfit boards as pictures', async () => {
    keepingAnswers();
    render(<QuizPage />);
    await onStep('boardsDaily');
    expect(document.querySelector('.quiz__count')?.textContent).toBe('第 1 / 15 步');
    expect((document.querySelector('.quiz__bar-fill') as HTMLElement).style.width).toBe(`${100 / 15}%`);
    // each board: its pieces' pictures, its title and three ratings
    const commute = board('commute');
    expect(Array.from(commute.querySelectorAll('taro-image-core'), (img) => prop<string>(img, 'src'))).toEqual(BOARD_PICTURES.commute!.map((p) => p.image));
    expect(commute.textContent).toContain('周一早八');
    expect(Array.from(commute.querySelectorAll('[role="radio"]'), (r) => r.textContent)).toEqual(['喜欢', '一般', '不喜欢']);
    // nothing before the first step
    expect(() => button('上一步')).toThrow();
  });

  it('下一步 waits, saying what is missing, until every board of the step is rated', async () => {
    keepingAnswers();
    render(<QuizPage />);
    await onStep('boardsDaily');
    expect(disabled(button('下一步'))).toBe(true);
    expect(screen.getByText('还有 3 套没打分')).toBeTruthy();
    tap(board('commute'), '喜欢');
    tap(board('weekend'), '不喜欢');
    expect(screen.getByText('还有 1 套没打分')).toBeTruthy();
    fireEvent.click(button('下一步'));
    expect(saves()).toEqual([]);
    tap(board('mono'), '一般');
    expect(screen.queryByText(/没打分/)).toBeNull();
    expect(disabled(button('下一步'))).toBe(false);
    expect(board('mono').querySelector('[aria-checked="true"]')?.textContent).toBe('一般');
  });

  it('moving on saves the step’s answers for the attempt, and the next step shows', async () => {
    const held = keepingAnswers();
    render(<QuizPage />);
    await onStep('boardsDaily');
    tap(board('commute'), '喜欢');
    tap(board('weekend'), '一般');
    tap(board('mono'), '不喜欢');
    fireEvent.click(button('下一步'));
    await onStep('boardsOccasion');
    expect(saves()).toEqual([{ action: 'saveAnswers', attempt: 1, answers: { boards: { commute: '喜欢', weekend: '一般', mono: '不喜欢' } } }]);
    expect(held.answers.boards).toEqual({ commute: '喜欢', weekend: '一般', mono: '不喜欢' });
    expect(document.querySelector('.quiz__count')?.textContent).toBe('第 2 / 15 步');
  });

  it('上一步 shows the step before with its answers; going forward again without a change saves nothing more', async () => {
    keepingAnswers(answeredUpTo('boardsOccasion'));
    render(<QuizPage />);
    await onStep('boardsOccasion');
    fireEvent.click(button('上一步'));
    await onStep('boardsDaily');
    expect(board('commute').querySelector('[aria-checked="true"]')?.textContent).toBe('喜欢');
    fireEvent.click(button('下一步'));
    await onStep('boardsOccasion');
    expect(saves()).toEqual([]);
  });

  it('a changed answer is saved when the member moves back too', async () => {
    keepingAnswers(answeredUpTo('jewellery'));
    render(<QuizPage />);
    await onStep('jewellery');
    tap(document.body, '金饰更有气色');
    fireEvent.click(button('上一步'));
    await onStep('veins');
    expect(saves()).toEqual([{ action: 'saveAnswers', attempt: 1, answers: { colour: { jewellery: 'gold' } } }]);
  });
});

describe('answers kept on the server', () => {
  it('a member coming back opens at the first step they had not answered, with the progress', async () => {
    keepingAnswers(answeredUpTo('hair'));
    render(<QuizPage />);
    await onStep('hair');
    expect(document.querySelector('.quiz__count')?.textContent).toBe(`第 ${stepIndex('hair') + 1} / 15 步`);
    expect(document.querySelector('.quiz__topic')?.textContent).toBe('色彩分析');
    // the earlier answers are there when they go back
    fireEvent.click(button('上一步'));
    await onStep('sun');
    const chosen = document.querySelector('[data-step="sun"] [aria-checked="true"]');
    expect(chosen?.getAttribute('aria-label')).toBe('先晒红再变黑');
  });

  it('colour questions show each answer as a big swatch of its colour', async () => {
    keepingAnswers(answeredUpTo('veins'));
    render(<QuizPage />);
    await onStep('veins');
    const swatches = Array.from(document.querySelectorAll('[data-step="veins"] .colour-swatch'));
    expect(swatches.map((s) => [s.getAttribute('data-hex'), s.textContent])).toEqual([
      ['#5b6bb5', '偏蓝紫'],
      ['#6b8f5e', '偏绿'],
      ['#6f8a8f', '蓝绿都有'],
    ]);
    expect(swatches.every((s) => s.classList.contains('colour-swatch--large'))).toBe(true);
    expect(screen.getByText('选一个最接近你的')).toBeTruthy();
    // the whole card is the answer
    fireEvent.click(document.querySelector('[data-option="green"]')!);
    expect(document.querySelector('[data-option="green"]')?.getAttribute('aria-checked')).toBe('true');
    expect(swatches[1]!.classList.contains('colour-swatch--selected')).toBe(true);
    expect(disabled(button('下一步'))).toBe(false);
  });

  it('the colours step saves both lists, even empty, and keeps a colour on one side only', async () => {
    const held = keepingAnswers(answeredUpTo('likes'));
    render(<QuizPage />);
    await onStep('likes');
    // nothing chosen is an answer
    expect(disabled(button('下一步'))).toBe(false);
    tap(document.body, '驼色');
    expect(document.querySelector('[data-colour="camel"] .colour-swatch--liked')).not.toBeNull();
    // the same colour on the other side moves there
    tap(document.body, '✕ 不想穿（0）');
    tap(document.body, '驼色，喜欢');
    expect(document.querySelector('[data-colour="camel"] .colour-swatch--disliked')).not.toBeNull();
    expect(document.querySelector('.quiz-likes__side--liked')?.textContent).toBe('♥ 喜欢（0）');
    // and back off it
    tap(document.body, '驼色，不想穿');
    fireEvent.click(button('下一步'));
    await onStep('scenes');
    expect(saves()).toEqual([{ action: 'saveAnswers', attempt: 1, answers: { likedColours: [], dislikedColours: [] } }]);
    expect(held.answers.likedColours).toEqual([]);
  });

  it('a failed save keeps the member on the step and says why in plain words', async () => {
    keepingAnswers(answeredUpTo('scenes'), { saveAnswers: fail('UNAVAILABLE') });
    render(<QuizPage />);
    await onStep('scenes');
    for (const scene of ['约会', '职场', '休闲', '运动', '旅行']) tap(document.querySelector(`[data-scene="${scene}"]`)!, '经常');
    fireEvent.click(button('下一步'));
    expect(await screen.findByText(ERROR_TEXT.UNAVAILABLE)).toBeTruthy();
    expect(screen.getByText(title('scenes'))).toBeTruthy();
  });

  it('INVALID_INPUT shows the function’s own words', async () => {
    keepingAnswers(answeredUpTo('fit'), { saveAnswers: failWith('INVALID_INPUT', '第「fit」步没有「宽松」这个选项') });
    render(<QuizPage />);
    await onStep('fit');
    tap(document.querySelector('[data-half="top"]')!, '合身');
    expect(screen.getByText('还差下身版型、轮廓')).toBeTruthy();
    tap(document.querySelector('[data-half="bottom"]')!, '宽松');
    fireEvent.click(document.querySelector('[data-silhouette="A"]')!);
    expect(document.querySelector('[data-silhouette="A"]')?.textContent).toBe('A字上窄下宽，轻盈');
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('第「fit」步没有「宽松」这个选项')).toBeTruthy();
  });

  it('a save answered CONFLICT (finished on another phone) reads the quiz again and shows it finished', async () => {
    let scored = false;
    programStyle({
      quiz: () => ok(quizAnswer(scored ? COMPLETE : answeredUpTo('sizes'), { scored })),
      saveAnswers: () => {
        scored = true;
        return failWith('CONFLICT', '这次测试已经完成，可以重新测试');
      },
    });
    render(<QuizPage />);
    await onStep('sizes');
    tap(document.querySelector('[aria-label="上装尺码"]')!, 'S');
    tap(document.querySelector('[aria-label="下装尺码"]')!, 'M');
    tap(document.querySelector('[aria-label="鞋码"]')!, '38');
    fireEvent.click(button('下一步'));
    expect(await screen.findByText('你已完成风格测试')).toBeTruthy();
    expect(recorded.toasts).toEqual([{ title: '这次测试已在别处完成，已为你刷新', icon: 'none' }]);
    expect(calls('quiz')).toHaveLength(2);
  });
});

describe('the report at the end', () => {
  it('the last step offers 查看我的风格报告: it saves, scores and opens the report in place of the quiz', async () => {
    const held = keepingAnswers(answeredUpTo('prices'), { submit: () => ok(reportView(COMPLETE, { diagnosisCoupon: { coupon: reportView().diagnosisCoupon!.coupon, justIssued: true } })) });
    render(<QuizPage />);
    await onStep('prices');
    expect(document.querySelector('.quiz__count')?.textContent).toBe('第 15 / 15 步');
    expect(() => button('下一步')).toThrow();
    expect(disabled(button('查看我的风格报告'))).toBe(true);
    expect(screen.getByText('还有 5 类没选')).toBeTruthy();
    for (const [category, label] of [['top', '¥200–399'], ['bottom', '¥200–399'], ['dress', '¥400–699'], ['outer', '¥600–999'], ['shoes', '¥400–699']]) {
      tap(document.querySelector(`[data-category="${category}"]`)!, label!);
    }
    fireEvent.click(button('查看我的风格报告'));
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/style/report/index?attempt=1' }]));
    expect(saves()).toEqual([{ action: 'saveAnswers', attempt: 1, answers: { prices: COMPLETE.prices } }]);
    expect(calls('submit')).toEqual([{ action: 'submit', attempt: 1 }]);
    expect(held.answers).toEqual(COMPLETE);
    // the report page gets this answer: only it knows the coupon came just now
    expect(takeReport(1)?.diagnosisCoupon?.justIssued).toBe(true);
  });

  it('answers found missing on submit (another phone started over, say) are named, and the member is taken to the first of them', async () => {
    const allButPrices = answeredUpTo('prices');
    const { eyes: _eyes, ...colourWithoutEyes } = COMPLETE.colour;
    const lost: QuizAnswers = { ...COMPLETE, colour: colourWithoutEyes };
    programStyle({
      quiz: ok(quizAnswer(allButPrices)),
      saveAnswers: () => ok({ attempt: 1, answers: lost, progress: { answered: 14, total: 15, missingSteps: ['eyes'] } }),
      submit: failWith('INVALID_INPUT', '还有 1 步没有完成'),
    });
    render(<QuizPage />);
    await onStep('prices');
    for (const [category, label] of [['top', '¥200–399'], ['bottom', '¥200–399'], ['dress', '¥400–699'], ['outer', '¥600–999'], ['shoes', '¥400–699']]) {
      tap(document.querySelector(`[data-category="${category}"]`)!, label!);
    }
    fireEvent.click(button('查看我的风格报告'));
    await onStep('eyes');
    expect(screen.getByText('还有 1 步没有完成')).toBeTruthy();
    expect(recorded.navigations).toEqual([]);
  });

  it('a quiz already scored shows 查看报告 and 重新测试; 重新测试 starts the next attempt at step 1', async () => {
    let attempt = 1;
    programStyle({
      quiz: () => ok(attempt === 1 ? quizAnswer(COMPLETE, { scored: true, hasReport: true }) : quizAnswer({}, { attempt: 2, hasReport: true })),
      retake: (data) => {
        expect(data.attempt).toBe(1);
        attempt = 2;
        return ok({ attempt: 2 });
      },
    });
    render(<QuizPage />);
    expect(await screen.findByText('你已完成风格测试')).toBeTruthy();
    fireEvent.click(button('重新测试'));
    await onStep('boardsDaily');
    expect(document.querySelector('.quiz__count')?.textContent).toBe('第 1 / 15 步');
    expect(screen.getByText('看上次的报告 ›')).toBeTruthy();
  });

  it('查看报告 opens the scored attempt’s report', async () => {
    programStyle({ quiz: ok(quizAnswer(COMPLETE, { scored: true, hasReport: true, attempt: 3 })) });
    render(<QuizPage />);
    fireEvent.click(await screen.findByText('查看报告'));
    expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/style/report/index?attempt=3' }]);
  });
});

describe('reading the quiz', () => {
  it('a failed read says why and reads again on 重新加载', async () => {
    let down = true;
    programStyle({ quiz: () => (down ? fail('UNAVAILABLE') : ok(quizAnswer())) });
    render(<QuizPage />);
    expect(await screen.findByText(ERROR_TEXT.UNAVAILABLE)).toBeTruthy();
    down = false;
    fireEvent.click(button('重新加载'));
    await onStep('boardsDaily');
  });

  it('a member who left is sent to join', async () => {
    programStyle({ quiz: fail('NOT_MEMBER') });
    render(<QuizPage />);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });

  it('showing the page again keeps the step and what was chosen on it', async () => {
    keepingAnswers(answeredUpTo('veins'));
    render(<QuizPage />);
    await onStep('veins');
    tap(document.body, '偏绿');
    act(() => showPage());
    await waitFor(() => expect(calls('quiz')).toHaveLength(2));
    expect(screen.getByText(title('veins'))).toBeTruthy();
    expect(document.querySelector('[data-option="green"]')?.getAttribute('aria-checked')).toBe('true');
  });
});

import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { AppError, QuizAnswers, QuizProgress } from '../../../../cloudfunctions/contract';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { pageUrl } from '../../../services/routes';
import { styleApi } from '../../../services/style';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { saveProblemText } from '../errors';
import { handOverReport } from '../handoff';
import { STEP_TOPICS } from '../words';
import { mergeAnswers, resumeAt, savedOnServer, stepAnswers, stillNeeded } from './answers';
import { StepView } from './steps';
import './index.scss';

type Busy = 'saving' | 'submitting' | 'retaking' | null;

/**
 * 风格测试: one step per screen with a progress bar, 上一步 and 下一步. A step's answers are saved
 * on the server as the member moves on from it, so a member who leaves picks up where they were
 * (on this phone or another). The last step scores the quiz and opens the report. A quiz already
 * scored offers its report and 重新测试.
 */
export default function QuizPage() {
  const quiz = useRemote(styleApi.quiz, { auto: false });
  const { readAgain, notMember, setLeftElsewhere } = useReadOnShow([remoteRead(quiz)]);
  const [index, setIndex] = useState(0);
  // answers given on a step and not saved yet, by step id
  const [drafts, setDrafts] = useState<Record<string, QuizAnswers>>({});
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const data = quiz.state.status === 'ready' ? quiz.state.data : null;

  // a new attempt (first read, 重新测试, another device's) starts where its answers stop, with nothing unsaved
  const attemptShown = useRef<number | null>(null);
  useEffect(() => {
    if (!data || attemptShown.current === data.attempt) return;
    attemptShown.current = data.attempt;
    setDrafts({});
    setProblem(null);
    setIndex(resumeAt(data.quiz.steps, data.progress.missingSteps));
  }, [data?.attempt]);

  if (quiz.state.status === 'error' && !notMember) {
    return (
      <View className='page quiz'>
        <ErrorState error={quiz.state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (!data) {
    return (
      <View className='page quiz'>
        <LoadingBlock height={120} label='正在加载风格测试' />
        <View className='quiz__gap' />
        <LoadingBlock height={900} />
      </View>
    );
  }

  /** Another device finished this attempt (or started the next): show what the server has now. */
  function startedElsewhere() {
    void Taro.showToast({ title: '这次测试已在别处完成，已为你刷新', icon: 'none' });
    attemptShown.current = null;
    void quiz.reload();
  }

  function failed(error: AppError) {
    if (error.code === 'NOT_MEMBER') return setLeftElsewhere(true);
    if (error.code === 'CONFLICT') return startedElsewhere();
    setProblem(saveProblemText(error));
  }

  if (data.scored) {
    return (
      <Finished
        busy={busy === 'retaking'}
        onReport={() => void Taro.redirectTo({ url: pageUrl('styleReport', { attempt: String(data.attempt) }) })}
        onRetake={async () => {
          if (busy) return;
          setBusy('retaking');
          const answer = await styleApi.retake(data.attempt);
          setBusy(null);
          if (!answer.ok && answer.error.code !== 'CONFLICT') return failed(answer.error);
          // CONFLICT: the attempt under way is not finished after all; either way read what the server has
          attemptShown.current = null;
          void quiz.reload();
        }}
        problem={problem}
      />
    );
  }

  const steps = data.quiz.steps;
  const at = Math.min(index, steps.length - 1);
  const step = steps[at]!;
  const draft = drafts[step.id];
  const answers = draft ? mergeAnswers(data.answers, draft) : data.answers;
  const needed = stillNeeded(step, answers);
  const last = at === steps.length - 1;

  /**
   * Saves the step on screen when it holds something the server has not. Answers where the member
   * stands (null: they stay on the step, the page says why).
   */
  async function saveStep(): Promise<QuizProgress | null> {
    if (!draft && savedOnServer(step, data!.answers)) return data!.progress;
    const answer = await styleApi.saveAnswers(data!.attempt, stepAnswers(step, answers));
    if (!answer.ok) {
      failed(answer.error);
      return null;
    }
    quiz.set({ ...data!, answers: answer.data.answers, progress: answer.data.progress });
    setDrafts(({ [step.id]: _saved, ...others }) => others);
    return answer.data.progress;
  }

  async function go(to: number) {
    if (busy) return;
    setProblem(null);
    // a step left half answered stays on this phone until the member comes back to it
    if (needed === null) {
      setBusy('saving');
      const saved = await saveStep();
      setBusy(null);
      if (saved === null) return;
    }
    setIndex(to);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  }

  async function finish() {
    if (busy || needed !== null) return;
    setProblem(null);
    setBusy('submitting');
    const progress = await saveStep();
    if (progress === null) return setBusy(null);
    const answer = await styleApi.submit(data!.attempt);
    setBusy(null);
    if (!answer.ok) {
      failed(answer.error);
      // answers missing somewhere (saved on another phone, say): take the member to the first such step
      if (answer.error.code === 'INVALID_INPUT') setIndex(resumeAt(steps, progress.missingSteps));
      return;
    }
    handOverReport(answer.data);
    void Taro.redirectTo({ url: pageUrl('styleReport', { attempt: String(answer.data.attempt) }) });
  }

  return (
    <View className='page quiz'>
      <View className='quiz__progress' aria-label={`第 ${at + 1} 步，共 ${steps.length} 步`}>
        <View className='quiz__progress-text'>
          <Text className='quiz__topic'>{STEP_TOPICS[step.kind]}</Text>
          <Text className='quiz__count'>
            第 <Text className='quiz__count-now'>{at + 1}</Text> / {steps.length} 步
          </Text>
        </View>
        <View className='quiz__bar'>
          <View className='quiz__bar-fill' style={{ width: `${((at + 1) / steps.length) * 100}%` }} />
        </View>
      </View>
      {data.hasReport && at === 0 ? (
        <View className='quiz__earlier' onClick={() => void Taro.navigateTo({ url: pageUrl('styleReport') })} role='link'>
          <Text>正在重新测试，完成后生成新的报告</Text>
          <Text className='quiz__earlier-go'>看上次的报告 ›</Text>
        </View>
      ) : null}
      <Text className='quiz__title'>{step.title}</Text>
      <Text className='quiz__hint'>{step.hint}</Text>

      <View className='quiz__step' data-step={step.id} data-kind={step.kind}>
        <StepView
          key={step.id}
          step={step}
          answers={answers}
          pictures={data.boardPictures}
          onAnswer={(patch) => {
            setProblem(null);
            setDrafts((all) => ({ ...all, [step.id]: mergeAnswers(all[step.id] ?? {}, patch) }));
          }}
        />
      </View>

      <View className='quiz__footer'>
        {problem ? (
          <View className='quiz__problem' role='alert'>
            {problem}
          </View>
        ) : needed ? (
          <Text className='quiz__needed'>{needed}</Text>
        ) : null}
        <View className='quiz__buttons'>
          {at > 0 ? (
            <Button className={`btn btn-ghost quiz__back${busy ? ' btn--off' : ''}`} disabled={busy !== null} onClick={() => void go(at - 1)}>
              上一步
            </Button>
          ) : null}
          {last ? (
            <Button className={`btn btn-primary quiz__next${needed || busy ? ' btn--off' : ''}`} disabled={needed !== null || busy !== null} onClick={() => void finish()}>
              {busy === 'submitting' ? '正在生成报告…' : '查看我的风格报告'}
            </Button>
          ) : (
            <Button className={`btn btn-primary quiz__next${needed || busy ? ' btn--off' : ''}`} disabled={needed !== null || busy !== null} onClick={() => needed === null && void go(at + 1)}>
              {busy === 'saving' ? '正在保存…' : '下一步'}
            </Button>
          )}
        </View>
      </View>
    </View>
  );
}

/** A quiz already scored: its report, or 重新测试 (the report stays in the history). */
function Finished({ busy, onReport, onRetake, problem }: { busy: boolean; onReport: () => void; onRetake: () => void; problem: string | null }) {
  return (
    <View className='page quiz'>
      <View className='quiz-done'>
        <Text className='quiz-done__title'>你已完成风格测试</Text>
        <Text className='quiz-done__text'>风格、色彩季型和适合你的单品都在报告里。想法变了，可以重新测试，之前的报告会保留在历史里。</Text>
        {problem ? (
          <View className='quiz__problem' role='alert'>
            {problem}
          </View>
        ) : null}
        <Button className='btn btn-primary quiz-done__report' onClick={onReport}>
          查看报告
        </Button>
        <Button className={`btn btn-ghost quiz-done__retake${busy ? ' btn--off' : ''}`} disabled={busy} onClick={onRetake}>
          {busy ? '正在准备…' : '重新测试'}
        </Button>
      </View>
    </View>
  );
}

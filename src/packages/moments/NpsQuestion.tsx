import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { errorText } from '../../services/errors';
import { memberNpsApi, type NpsAnswered } from '../../services/nps';
import { pageUrl } from '../../services/routes';

export const NPS_REASON_MAX = 140;
const SCORES = Array.from({ length: 11 }, (_, i) => i);

/** What the reason's box asks, by what the score says. */
export function reasonPrompt(score: number): string {
  if (score <= 6) return '哪里让你不满意？门店会尽快联系你（选填）';
  if (score <= 8) return '怎样能做得更好？（选填）';
  return '最喜欢哪一点？（选填）';
}

type Step = { kind: 'hidden' } | { kind: 'ask' } | { kind: 'sending' } | { kind: 'done'; answered: NpsAnswered } | { kind: 'failed'; text: string };

/**
 * 本次体验: the one NPS question (0–10, an optional reason) under the receipt of a paid order, when
 * the member may answer it (once per 30 days; asked on the server). A promoter is offered the invite
 * page, a detractor hears the store will call back. It stays out of the way: nothing shows while it
 * asks, when it is not open, or when asking fails (the receipt is what the page is for).
 */
export function NpsQuestion({ orderKey }: { orderKey: string }) {
  const [step, setStep] = useState<Step>({ kind: 'hidden' });
  const [score, setScore] = useState<number | null>(null);
  const [reason, setReason] = useState('');

  useEffect(() => {
    let gone = false;
    void memberNpsApi.question().then((answer) => {
      if (!gone && answer.ok && answer.data.question?.orderKey === orderKey) setStep({ kind: 'ask' });
    });
    return () => {
      gone = true;
    };
  }, [orderKey]);

  async function send() {
    if (score === null || step.kind === 'sending') return;
    setStep({ kind: 'sending' });
    const answer = await memberNpsApi.answer(orderKey, score, reason);
    if (answer.ok) setStep({ kind: 'done', answered: answer.data });
    else setStep({ kind: 'failed', text: errorText(answer.error, { LIMIT_REACHED: '30 天内已评价过，感谢你的反馈', NOT_CLAIMABLE: '这笔消费已超过评价时间' }) });
  }

  if (step.kind === 'hidden') return null;
  if (step.kind === 'done') return <NpsThanks answered={step.answered} />;

  return (
    <View className='section nps' aria-label='本次体验评价'>
      <Text className='nps__question'>你有多大可能向朋友推荐悦衣库？</Text>
      <View className='nps__scale' role='radiogroup' aria-label='0 到 10 分'>
        {SCORES.map((s) => (
          <View key={s} className={`nps__score${score === s ? ' nps__score--on' : ''}`} role='radio' aria-checked={score === s} aria-label={`${s} 分`} onClick={() => setScore(s)}>
            {s}
          </View>
        ))}
      </View>
      <View className='nps__ends'>
        <Text className='muted'>不可能</Text>
        <Text className='muted'>非常愿意</Text>
      </View>
      {score !== null ? (
        <>
          {/* an Input, not a Textarea: a Textarea's template would join every page's base.wxml (main package) */}
          <Input className='nps__reason' value={reason} maxlength={NPS_REASON_MAX} placeholder={reasonPrompt(score)} onInput={(e) => setReason(e.detail.value)} />
          <Button className='btn btn-primary nps__send' disabled={step.kind === 'sending'} onClick={() => void send()}>
            {step.kind === 'sending' ? '正在提交…' : '提交评价'}
          </Button>
        </>
      ) : null}
      {step.kind === 'failed' ? (
        <View className='nps__problem' role='alert'>
          {step.text}
        </View>
      ) : null}
    </View>
  );
}

/** After the answer: thanks, and what follows from it. */
function NpsThanks({ answered }: { answered: NpsAnswered }) {
  const { next } = answered;
  return (
    <View className='section nps nps--done' role='status'>
      <Text className='nps__question'>{next === 'callback' ? '抱歉这次没让你满意' : '感谢你的评价'}</Text>
      <Text className='moment__note'>
        {next === 'invite' ? '既然喜欢，不妨邀请好友一起加入悦衣会员，好友首单后你们都有奖励。' : next === 'callback' ? '门店会在 24 小时内联系你，把问题处理好。' : '你的意见会帮助门店做得更好。'}
      </Text>
      {next === 'invite' ? (
        <Button className='btn btn-ghost nps__invite' onClick={() => void Taro.redirectTo({ url: pageUrl('invite') })}>
          邀请好友
        </Button>
      ) : null}
    </View>
  );
}

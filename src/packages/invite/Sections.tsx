import { Text, View } from '@tarojs/components';
import type { ReferralMine, ReferralTerms } from '../../../cloudfunctions/contract';
import { yuanText } from '../../../cloudfunctions/contract/formats';

/** "第 1–2 位", "第 3–4 位", "第 5 位起": the settled referrals a step of the inviter's reward covers. */
export function stepLabel(steps: ReferralTerms['inviterSteps'], i: number): string {
  const from = steps[i]!.from;
  const next = steps[i + 1]?.from;
  if (next === undefined) return `第 ${from} 位起`;
  return next - 1 === from ? `第 ${from} 位` : `第 ${from}–${next - 1} 位`;
}

/** When the rewards come, in one sentence: after the friend's own first purchase and its return window. */
export function whenRewarded(terms: ReferralTerms): string {
  return `好友入会后首单实付满${yuanText(terms.minOrderFen)}，${terms.returnWindowDays}天退货期过后发放`;
}

/** 你们各得什么: the friend's pass, the member's pass and their reward as it steps up. */
export function RewardsSection({ terms }: { terms: ReferralTerms }) {
  return (
    <View className='section invite-rewards'>
      <Text className='section-title'>你们各得什么</Text>
      <View className='invite-rewards__pair'>
        <Reward who='好友' name={terms.pass.name} value={terms.pass.value} rule={terms.pass.rule} />
        <Reward who='你' name={terms.pass.name} value={terms.pass.value} rule={terms.pass.rule} />
      </View>
      {terms.inviterSteps.length > 0 ? (
        <View className='invite-rewards__steps'>
          <Text className='invite-rewards__steps-title'>你另得一张邀请礼券，按成功邀请的人数逐级提高</Text>
          {terms.inviterSteps.map((step, i) => (
            <View className='invite-rewards__step' key={step.from}>
              <Text className='invite-rewards__step-when'>{stepLabel(terms.inviterSteps, i)}</Text>
              <View className='invite-rewards__step-what'>
                <Text>
                  {step.reward.value} {step.reward.name}
                </Text>
                {step.reward.rule ? <Text className='muted'>{step.reward.rule}</Text> : null}
              </View>
            </View>
          ))}
        </View>
      ) : null}
      <Text className='muted invite-rewards__when'>{whenRewarded(terms)}，每位好友只算一次。</Text>
    </View>
  );
}

function Reward({ who, name, value, rule }: { who: string; name: string; value: string; rule: string }) {
  return (
    <View className='invite-reward'>
      <Text className='invite-reward__who'>{who}得</Text>
      <Text className='invite-reward__name'>{name}</Text>
      <Text className='invite-reward__value'>{value}</Text>
      {rule ? <Text className='invite-reward__rule'>{rule}</Text> : null}
    </View>
  );
}

/** 我的邀请: progress to 忠诚者 in the server's words, and the figures. */
export function ProgressSection({ mine }: { mine: ReferralMine }) {
  const { stats, loyalProgress } = mine;
  return (
    <View className='section invite-progress'>
      <Text className='section-title'>我的邀请</Text>
      <Text className='invite-progress__text'>{loyalProgress.text}</Text>
      <View className='invite-progress__figures'>
        <Figure label='已邀请' value={stats.invited} />
        <Figure label='待首单' value={stats.joined} />
        <Figure label='退货期中' value={stats.inWindow} />
        <Figure label='已发放' value={stats.settled} />
      </View>
      {stats.void > 0 ? (
        <Text className='muted invite-progress__void'>
          未生效 {stats.void} 位：{stats.voidReasons.map((r) => `${r.text}${r.count > 1 ? ` ${r.count} 位` : ''}`).join('；')}
        </Text>
      ) : null}
    </View>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <View className='invite-progress__figure'>
      <Text className='invite-progress__value'>{value}</Text>
      <Text className='invite-progress__label'>{label}</Text>
    </View>
  );
}

/** 活动规则, in the programme's own plain words, in order. */
export function RulesSection({ rules }: { rules: string[] }) {
  return (
    <View className='section invite-rules'>
      <Text className='section-title'>邀请规则</Text>
      {rules.map((rule, i) => (
        <View className='invite-rules__rule' key={rule}>
          <Text className='invite-rules__n'>{i + 1}</Text>
          <Text className='invite-rules__text'>{rule}</Text>
        </View>
      ))}
    </View>
  );
}

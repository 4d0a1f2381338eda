import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActionOutput } from '../../../../cloudfunctions/contract';
import { consentText } from '../../../components/PrivacyNotice/consent';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { errorText } from '../../../services/errors';
import { shopDate, shopDateTime } from '../../../services/format';
import { memberApi } from '../../../services/member';
import { pageUrl } from '../../../services/routes';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import './index.scss';

type Consent = ActionOutput<'member', 'consent'>;

/**
 * 消息与隐私设置, opened from 我的 (the privacy subpackage, which 我的 preloads): the switch for
 * 新品与优惠消息, the privacy policy the member agreed to (its page a tap away) and their consent
 * record. Read on every show and pull-down.
 */
export default function PrivacySettingsPage() {
  const consent = useRemote(memberApi.consent, { auto: false });
  const { readAgain, notMember } = useReadOnShow([remoteRead(consent)]);
  const state = consent.state;

  if (state.status === 'error' && !notMember) {
    return (
      <View className='page'>
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (state.status !== 'ready') {
    return (
      <View className='page'>
        <LoadingBlock height={240} label='正在加载' />
        <View className='privacy-settings__gap' />
        <LoadingBlock height={360} />
      </View>
    );
  }
  return (
    <View className='page privacy-settings'>
      <Settings consent={state.data} onChanged={consent.set} />
    </View>
  );
}

function Settings({ consent, onChanged }: { consent: Consent; onChanged: (c: Consent) => void }) {
  const [pending, setPending] = useState<boolean | null>(null);
  const [showAll, setShowAll] = useState(false);
  const optIn = pending ?? consent.marketing.optIn;
  const history = [...consent.history].reverse();
  const visible = showAll ? history : history.slice(0, 3);

  async function toggle(next: boolean) {
    setPending(next);
    const answer = await memberApi.setMarketing(next);
    setPending(null);
    if (answer.ok) onChanged(answer.data);
    else void Taro.showToast({ title: errorText(answer.error), icon: 'none' });
  }

  return (
    <>
      <View className='section privacy-settings__top'>
        <Text className='section-title'>消息</Text>
        <View className='privacy-settings__row'>
          <View className='privacy-settings__switch-text'>
            <Text className='privacy-settings__title'>接收新品与优惠消息</Text>
            <Text className='muted'>{optIn ? '已开启，可随时关闭' : '已关闭，开启后第一时间收到上新和优惠'}</Text>
          </View>
          <Switch checked={optIn} disabled={pending !== null} color='#1F1B16' onChange={(e) => void toggle(e.detail.value)} aria-label='接收新品与优惠消息' />
        </View>
      </View>
      <View className='section'>
        <Text className='section-title'>隐私</Text>
        <View
          className='privacy-settings__row privacy-settings__row--link'
          onClick={() => void Taro.navigateTo({ url: pageUrl('privacyPolicy') })}
          hoverClass='privacy-settings__row--pressed'
          role='link'
        >
          <Text className='privacy-settings__title'>隐私政策</Text>
          <Text className='muted'>
            版本 {consent.privacy.version} · {shopDate(consent.privacy.acceptedAt)}同意 ›
          </Text>
        </View>
        <View className='privacy-settings__consents'>
          <Text className='privacy-settings__title'>我的授权记录</Text>
          {visible.map((entry) => (
            <View className='privacy-settings__consent' key={`${entry.kind}-${entry.at}-${String(entry.granted)}`}>
              <Text className='privacy-settings__consent-what'>
                {consentText(entry.kind, entry.granted)}
                {entry.version ? `（${entry.version}）` : ''}
              </Text>
              <Text className='muted'>{shopDateTime(entry.at)}</Text>
            </View>
          ))}
          {history.length > 3 && (
            <Text className='link privacy-settings__more' onClick={() => setShowAll(!showAll)}>
              {showAll ? '收起' : `查看全部 ${history.length} 条`}
            </Text>
          )}
        </View>
      </View>
    </>
  );
}

import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { BirthdayBanner } from '../../components/BirthdayBanner';
import { MemberCode } from '../../components/MemberCode';
import { EntryRow } from '../../components/EntryRow';
import { InspirationCard } from '../../components/InspirationCard';
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { TierCard } from '../../components/TierCard';
import { memberApi } from '../../services/member';
import { pageUrl } from '../../services/routes';
import { useBirthdayGift } from '../../services/useBirthdayGift';
import { type PageRead, remoteRead, useReadOnShow } from '../../services/useReadOnShow';
import { useReferralProgress } from '../../services/useReferralProgress';
import { useInspiration, useStyleEntry } from '../../services/useStyleEntry';
import { useRemote } from '../../services/useRemote';
import { useTillCode } from '../../services/useTillCode';
import './index.scss';

/**
 * The member card and the till code; read afresh every time the page shows and whenever a new code
 * arrives (points change at the till). The points figure opens the points tab. Under the code: in
 * the birthday window a slim banner offering the gift, then a row leading to 我的券 and 领券中心
 * (nothing above the code comes late, so it never moves down once the till can scan it).
 */
export default function CardPage() {
  const [shown, setShown] = useState(true);
  const card = useRemote(memberApi.card, { auto: false });
  const isMember = card.state.status === 'ready';
  // the code is fetched alongside the card, not after it: one round trip less before the till can scan
  const till = useTillCode(shown && card.state.status !== 'error');
  const brightness = useRef<number | null>(null);
  // read once the code is on screen: the banner may come late or not at all, the code never shares its start with it
  const birthday = useBirthdayGift();
  const birthdayDue = useRef(true);

  // on screen or not (the till code and the screen brightness follow it); the reads are useReadOnShow's
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  // the birthday gift is one of the page's reads, but it never holds the page up: shown again with a
  // code on screen it is read now, else once the code is there; it says nothing when it fails
  const birthdayRead: PageRead = {
    refresh: async () => {
      if (till.state.status === 'live') void birthday.refresh();
      else birthdayDue.current = true;
      return null;
    },
    shown: () => birthday.gift !== null,
    failed: () => null,
    saysOwnProblems: true,
  };
  // referral progress under the links, below the fold on a small phone: read a moment after the code is
  // on screen, so the till code's start is the card and the code alone
  const referral = useReferralProgress(till.state.status === 'live', { delayMs: 1000 });
  // the style row beside it, read the same way: 风格测试 until a report exists, then 我的风格 with the season
  const style = useStyleEntry(till.state.status === 'live', { delayMs: 1000 });
  // 3 天穿搭灵感 under it, the same way, and only while the three days after the first report run
  const inspiration = useInspiration(till.state.status === 'live', { delayMs: 1000 });
  // a pull-down also asks for a new till code, once the card is read again
  const { notMember, setLeftElsewhere } = useReadOnShow([remoteRead(card), birthdayRead, referral.read, style.read, inspiration.read], { onPullDown: till.refresh });
  // a new till code arrives every minute and on a tap (after paying, say): read the card again, quietly
  // (no placeholder, a failure keeps the card), so points earned at the till show while it stays open
  const liveCode = till.state.status === 'live' ? till.state.code : null;
  const lastCode = useRef<string | null>(null);
  useEffect(() => {
    if (liveCode === null) return;
    if (birthdayDue.current) {
      birthdayDue.current = false;
      void birthday.refresh();
    }
    const previous = lastCode.current;
    lastCode.current = liveCode;
    // the first code comes with the card's own read; none while a read is under way
    if (previous === null || previous === liveCode) return;
    if (card.state.status === 'ready' && !card.state.reloading) void card.refresh();
  }, [liveCode]);

  // the code says NOT_MEMBER too when the member left on another device while this page was open
  const codeSaysNotMember =
    (till.state.status === 'error' && till.state.error.code === 'NOT_MEMBER') ||
    (till.state.status === 'live' && till.state.refreshError?.code === 'NOT_MEMBER') ||
    (till.state.status === 'expired' && till.state.error?.code === 'NOT_MEMBER');
  useEffect(() => {
    if (codeSaysNotMember && card.state.status === 'ready') setLeftElsewhere(true);
  }, [codeSaysNotMember, card.state.status]);

  // a bright screen scans first time at the till (WeChat only; restored when the page hides)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || !shown || !isMember) return undefined;
    void Taro.getScreenBrightness().then(({ value }) => {
      brightness.current = value;
      if (value < 0.8) void Taro.setScreenBrightness({ value: 0.8 });
    });
    void Taro.setKeepScreenOn({ keepScreenOn: true });
    return () => {
      if (brightness.current !== null) void Taro.setScreenBrightness({ value: brightness.current });
      void Taro.setKeepScreenOn({ keepScreenOn: false });
    };
  }, [shown, isMember]);

  const openWallet = () => void Taro.navigateTo({ url: pageUrl('wallet') });

  return (
    <View className='page card-page'>
      {card.state.status === 'ready' ? (
        <>
          <TierCard card={card.state.data} onPointsTap={() => void Taro.switchTab({ url: pageUrl('points') })} />
          <View className='card-page__code'>
            <MemberCode state={till.state} onRefresh={till.refresh} />
          </View>
          {/* the banner and the links below the code: whatever comes or goes there, the code keeps its place on a small phone */}
          {birthday.gift ? (
            <BirthdayBanner
              gift={birthday.gift}
              claiming={birthday.claiming}
              justClaimed={birthday.justClaimed}
              onClaim={() => void birthday.claim()}
              onOpenWallet={openWallet}
            />
          ) : null}
          <View className='card-page__links'>
            <View className='card-page__link' onClick={openWallet} hoverClass='card-page__link--pressed' role='link'>
              <Text>我的券</Text>
              <Text className='card-page__link-go'>›</Text>
            </View>
            <View className='card-page__link' onClick={() => void Taro.navigateTo({ url: pageUrl('center') })} hoverClass='card-page__link--pressed' role='link'>
              <Text>领券中心</Text>
              <Text className='card-page__link-go'>›</Text>
            </View>
          </View>
          <EntryRow kind='invite' title='邀请好友' text={referral.text} onOpen={() => void Taro.navigateTo({ url: pageUrl('invite') })} />
          <EntryRow kind='style' title={style.entry.title} text={style.entry.text} onOpen={() => void Taro.navigateTo({ url: pageUrl(style.entry.page) })} />
          {inspiration.inspiration ? (
            <InspirationCard dayNumber={inspiration.inspiration.dayNumber} outfit={inspiration.inspiration.outfit} onOpen={() => void Taro.navigateTo({ url: pageUrl('outfits') })} />
          ) : null}
        </>
      ) : card.state.status === 'error' && !notMember ? (
        <ErrorState error={card.state.error} onRetry={() => void card.reload()} />
      ) : (
        <>
          <LoadingBlock height={400} label='正在加载会员卡' />
          <View className='card-page__code'>
            <LoadingBlock height={760} label='正在生成会员码' />
          </View>
        </>
      )}
    </View>
  );
}

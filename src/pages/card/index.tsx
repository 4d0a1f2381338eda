import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { BirthdayBanner } from '../../components/BirthdayBanner';
import { EntryRow } from '../../components/EntryRow';
import { InspirationCard } from '../../components/InspirationCard';
import { MemberCode } from '../../components/MemberCode';
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { TierCard } from '../../components/TierCard';
import { leaveReceipt, welcomeFor, welcomeGiven } from '../../services/cardStore';
import { TIER_NAMES } from '../../services/tiers';
import { errorText } from '../../services/errors';
import { shopMonthDayTime } from '../../services/format';
import { useNetwork } from '../../services/network';
import { pageUrl } from '../../services/routes';
import { useBirthdayGift } from '../../services/useBirthdayGift';
import { afterFirstPaint, useCard } from '../../services/useCard';
import { type PageRead, useReadOnShow } from '../../services/useReadOnShow';
import { useReferralProgress } from '../../services/useReferralProgress';
import { useInspiration, useStyleEntry } from '../../services/useStyleEntry';
import { useTillCode } from '../../services/useTillCode';
import { useTillReceipt } from '../../services/useTillReceipt';
import { WalletRow } from './WalletRow';
import './index.scss';

/**
 * The member card and the till code, the mini program's home. A returning member's card and code
 * come from the phone's storage on the first frame (no request before the code is on screen, none
 * needed at all without signal); the reads start after it and again on every show and whenever the
 * network returns. A failed read keeps the card and says so in one small line. While the card is
 * shown and online it asks every few seconds whether the till used the code, and opens the receipt
 * page (packages/moments, preloaded from here) with what the till did (and an upgrade, its own
 * moment). One fixed-height line between the card and the code (a problem, the birthday gift, or the way to the next tier) means nothing arriving late ever
 * moves the code: on a 320×640 phone the whole code stays above the tab bar.
 */
export default function CardPage() {
  const [shown, setShown] = useState(true);
  const held = useCard();
  const card = held.card;
  const till = useTillCode(shown);
  const codeOnScreen = till.state.status === 'live';
  const brightness = useRef<number | null>(null);
  const birthday = useBirthdayGift();
  // the rows under the code render a frame after the card and the code
  const [rowsShown, setRowsShown] = useState(false);
  useEffect(() => {
    let live = true;
    void afterFirstPaint().then(() => live && setRowsShown(true));
    return () => {
      live = false;
    };
  }, []);
  const online = useNetwork(() => {
    // the network is back: read the card again and renew the code's secret if it ran out
    void held.refresh();
    if (till.state.status !== 'live') till.refresh();
  });

  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));

  // the birthday gift never holds the page up: asked on every show, read once the code is on screen and painted
  const [birthdayAsked, setBirthdayAsked] = useState(0);
  const birthdayRead: PageRead = {
    refresh: async () => {
      setBirthdayAsked((n) => n + 1);
      return null;
    },
    shown: () => birthday.gift !== null,
    failed: () => null,
    saysOwnProblems: true,
  };
  useEffect(() => {
    if (!codeOnScreen || birthdayAsked === 0) return undefined;
    let live = true;
    void afterFirstPaint().then(() => {
      if (live) void birthday.refresh();
    });
    return () => {
      live = false;
    };
  }, [codeOnScreen, birthdayAsked]);
  // the rows under the code, read a moment after it is on screen
  const referral = useReferralProgress(codeOnScreen, { delayMs: 1000 });
  const style = useStyleEntry(codeOnScreen, { delayMs: 1000 });
  const inspiration = useInspiration(codeOnScreen, { delayMs: 1000 });
  const { notMember, setLeftElsewhere } = useReadOnShow([held.read, birthdayRead, referral.read, style.read, inspiration.read], {
    onPullDown: () => {
      if (till.state.status !== 'live') till.refresh();
    },
  });
  useEffect(() => {
    if (till.notMember) setLeftElsewhere(true);
  }, [till.notMember]);

  // the first open after joining greets the member once, with what is in the wallet now (a page of the
  // moments subpackage, preloaded from here, reads the card this page just kept)
  useEffect(() => {
    if (card && welcomeFor() === card.memberId) {
      welcomeGiven();
      void Taro.navigateTo({ url: pageUrl('receipt', { kind: 'welcome' }) });
    }
  }, [card?.memberId]);

  // the till used the code: the new balance on the card at once, and the receipt page (then an upgrade's own moment there)
  useTillReceipt(shown && online && codeOnScreen && card !== null, (receipt) => {
    held.change((c) => ({ ...c, points: receipt.balance, tier: receipt.tier, tierName: TIER_NAMES[receipt.tier] }));
    leaveReceipt(receipt);
    void Taro.navigateTo({ url: pageUrl('receipt') });
    // the wallet and the next tier changed with the order
    void held.refresh();
  });

  // a bright screen scans first time at the till (WeChat only; restored when the page hides)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || !shown || !card) return undefined;
    void Taro.getScreenBrightness().then(({ value }) => {
      brightness.current = value;
      if (value < 0.8) void Taro.setScreenBrightness({ value: 0.8 });
    });
    void Taro.setKeepScreenOn({ keepScreenOn: true });
    return () => {
      if (brightness.current !== null) void Taro.setScreenBrightness({ value: brightness.current });
      void Taro.setKeepScreenOn({ keepScreenOn: false });
    };
  }, [shown, card !== null]);

  const open = (page: Parameters<typeof pageUrl>[0]) => () => void Taro.navigateTo({ url: pageUrl(page) });
  const openPoints = () => void Taro.switchTab({ url: pageUrl('points') });

  if (!card) {
    if (held.problem && !notMember) {
      return (
        <View className='page card-page'>
          <ErrorState error={held.problem} onRetry={() => void held.refresh()} />
        </View>
      );
    }
    return (
      <View className='page card-page'>
        <LoadingBlock height={300} label='正在加载会员卡' />
        <View className='card-page__code'>
          <LoadingBlock height={700} label='正在生成会员码' />
        </View>
      </View>
    );
  }

  const problem = held.problem && held.problem.code !== 'NOT_MEMBER' ? held.problem : null;
  const gift = birthday.gift;
  const slot = problem || !online ? 'notice' : gift && (gift.state === 'claimable' || (gift.state === 'claimed' && gift.coupon)) ? 'birthday' : 'progress';
  const progressLine = (
    <View className='card-page__progress' onClick={openPoints} hoverClass='card-page__progress--pressed' role='link'>
      <Text className='card-page__progress-text'>{card.next ? card.next.text : `已是最高等级 · ${card.tierName}`}</Text>
      <Text className='card-page__progress-go'>›</Text>
    </View>
  );
  return (
    <View className='page card-page'>
      <TierCard card={card} onPointsTap={openPoints} updatedAt={held.stale && held.savedAt !== null ? shopMonthDayTime(new Date(held.savedAt).toISOString()) : null} />

      {/* one line of fixed height: what the member most needs to know, and the code below never moves */}
      <View className='card-page__slot'>
        {slot === 'notice' ? (
          <View className='card-page__notice' role='status' onClick={() => void held.refresh()} hoverClass='card-page__notice--pressed'>
            <Text className='card-page__notice-text'>{online && problem ? `积分暂未更新：${errorText(problem)}` : '当前无网络，会员码仍可使用'}</Text>
            {online ? <Text className='card-page__notice-go'>重试</Text> : null}
          </View>
        ) : slot === 'birthday' && gift ? (
          <BirthdayBanner gift={gift} claiming={birthday.claiming} justClaimed={birthday.justClaimed} onClaim={() => void birthday.claim()} onOpenWallet={open('wallet')} />
        ) : (
          progressLine
        )}
      </View>

      <View className='card-page__code'>
        <MemberCode state={till.state} onRetry={till.refresh} atTill={card.wallet.atTill.map((c) => c.name)} />
      </View>

      {/* the rows under the code come a frame after it (the code is what the till waits for; on a small phone they are below the fold) */}
      {rowsShown ? (
        <>
          {/* the tier line gave its place above to something more pressing: it comes first under the code */}
          {slot !== 'progress' ? <View className='card-page__below'>{progressLine}</View> : null}
          <WalletRow wallet={card.wallet} onOpenWallet={open('wallet')} onOpenCenter={open('center')} />
          <EntryRow kind='style' title={style.entry.title} text={style.entry.text} onOpen={open(style.entry.page)} />
          {inspiration.inspiration ? <InspirationCard dayNumber={inspiration.inspiration.dayNumber} outfit={inspiration.inspiration.outfit} onOpen={open('outfits')} /> : null}
          <EntryRow kind='wardrobe' title='我的衣橱' text={null} onOpen={open('wardrobe')} />
          <EntryRow kind='invite' title='邀请好友' text={referral.text} onOpen={open('invite')} />
          <EntryRow kind='benefits' title='会员权益' text={card.next ? `升级${card.next.name}解锁更多` : null} onOpen={open('benefits')} />
        </>
      ) : null}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { MemberCard, TillReceipt } from '../../../cloudfunctions/contract';
import { yuanText } from '../../../cloudfunctions/contract/formats';
import { heldCard, receiptToShow } from '../../services/cardStore';
import { TIER_NAMES } from '../../services/tiers';
import { shopMonthDayTime, thousands } from '../../services/format';
import { pageUrl } from '../../services/routes';
import { NpsQuestion } from './NpsQuestion';
import { isUpgrade, unlocksOf } from './unlocks';
import './index.scss';

/** 实付 ¥319.20 · 用券 首单8折券 · +319 积分: what the till just did with the code. */
export function receiptLine(r: Pick<TillReceipt, 'payableFen' | 'coupons' | 'pointsEarned'>): string {
  return [`实付 ${yuanText(r.payableFen)}`, r.coupons.length ? `用券 ${r.coupons.join('、')}` : null, `+${thousands(r.pointsEarned)} 积分`].filter(Boolean).join(' · ');
}

const back = () => void Taro.navigateBack().catch(() => Taro.switchTab({ url: pageUrl('card') }));

/** The first open after joining: what is in the wallet now, and that the code on the card uses it. */
function Welcome({ card }: { card: MemberCard }) {
  const names = card.wallet.atTill.map((c) => c.name);
  const more = card.wallet.usable - names.length;
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '欢迎加入' });
  }, []);
  return (
    <View className='page moment'>
      <View className='moment__hero moment__hero--welcome' role='dialog' aria-label='欢迎加入'>
        <Text className='moment__eyebrow'>悦衣会员 · {card.tierName}</Text>
        <Text className='moment__title moment__title--big'>欢迎加入{card.nickname ? `，${card.nickname}` : ''}</Text>
      </View>
      <View className='section'>
        {card.wallet.usable > 0 ? (
          <>
            <Text className='moment__note'>入会礼已放进你的券包：</Text>
            <View className='moment__list'>
              {names.map((n) => (
                <Text key={n} className='moment__item moment__item--gift'>
                  <Text className='moment__seal'>礼</Text>
                  {n}
                </Text>
              ))}
              {more > 0 ? <Text className='moment__item'>另有 {more} 张券</Text> : null}
            </View>
            <Text className='moment__note'>结账时出示会员码，店员扫码即可使用</Text>
          </>
        ) : (
          <Text className='moment__note'>结账时出示会员码，消费即可累积积分</Text>
        )}
      </View>
      <View className='moment__btn moment__btn--primary' onClick={back} hoverClass='moment__btn--pressed' role='button'>
        开始使用
      </View>
      {card.wallet.usable > 0 ? (
        <View className='moment__btn' onClick={() => void Taro.redirectTo({ url: pageUrl('wallet') })} hoverClass='moment__btn--pressed' role='button'>
          查看我的券
        </View>
      ) : null}
    </View>
  );
}

/**
 * 消费成功, like WeChat Pay's result page: the card opens it when the till used its code (the receipt
 * handed over through cardStore), preloaded from the card so it opens at once. The receipt first —
 * 实付 · 用券 · 积分, then the new balance; when the order lifted the tier, 恭喜升级 follows as its own
 * moment with what the tier unlocks. With `kind=welcome` (the card's first open after joining): 欢迎加入
 * with the coupons now in the wallet. Nothing else is read: the card already has the receipt and the card;
 * under a paid order's receipt, the one NPS question asks the server whether it is open (issue 19).
 */
export default function MomentsPage() {
  const { kind } = useRouter().params;
  const [receipt] = useState(receiptToShow);
  const [welcomed] = useState(() => (kind === 'welcome' ? heldCard()?.card ?? null : null));
  const [step, setStep] = useState<'receipt' | 'upgrade'>('receipt');

  if (welcomed) return <Welcome card={welcomed} />;

  if (!receipt) {
    return (
      <View className='page moment'>
        <View className='moment__hero'>
          <Text className='moment__title'>没有新的消费记录</Text>
          <Text className='muted moment__sub'>结账时出示会员码，店员扫码后这里会显示本次消费</Text>
        </View>
        <View className='moment__btn moment__btn--primary' onClick={() => void Taro.switchTab({ url: pageUrl('card') })} hoverClass='moment__btn--pressed' role='button'>
          返回会员卡
        </View>
      </View>
    );
  }

  if (step === 'upgrade') {
    const unlocks = unlocksOf(receipt.tier);
    return (
      <View className={`page moment moment--${receipt.tier}`}>
        <View className='moment__hero moment__hero--upgrade' role='dialog' aria-label='等级升级'>
          <Text className='moment__eyebrow'>会员等级提升</Text>
          <Text className='moment__title moment__title--big'>恭喜升级{TIER_NAMES[receipt.tier]}</Text>
        </View>
        <View className='section'>
          <Text className='moment__note'>从现在起你可以享受：</Text>
          <View className='moment__list'>
            {unlocks.now.map((b) => (
              <Text key={b} className='moment__item'>
                ✓ {b}
              </Text>
            ))}
            {unlocks.soon.map((b) => (
              <Text key={b} className='moment__item moment__item--soon'>
                {b} · 即将开放
              </Text>
            ))}
          </View>
        </View>
        <View className='moment__btn moment__btn--primary' onClick={back} hoverClass='moment__btn--pressed' role='button'>
          知道了
        </View>
        <View className='moment__btn' onClick={() => void Taro.switchTab({ url: pageUrl('points') })} hoverClass='moment__btn--pressed' role='button'>
          查看等级进度
        </View>
      </View>
    );
  }

  const upgraded = isUpgrade(receipt.tierBefore, receipt.tier);
  return (
    <View className='page moment'>
      <View className='moment__hero' role='dialog' aria-label='本次消费'>
        <View className='moment__check'>✓</View>
        <Text className='moment__title'>消费已记入会员</Text>
        <Text className='muted moment__sub'>
          {receipt.storeName} · {shopMonthDayTime(receipt.usedAt)}
        </Text>
        <Text className='moment__paid'>{yuanText(receipt.payableFen)}</Text>
      </View>
      <View className='section'>
        <Text className='moment__line' data-receipt-line>
          {receiptLine(receipt)}
        </Text>
        {receipt.discountFen > 0 ? <Text className='moment__note'>本单优惠 {yuanText(receipt.discountFen)}</Text> : null}
        <View className='moment__balance'>
          <Text className='moment__balance-label'>积分余额</Text>
          <Text className='moment__balance-value'>{thousands(receipt.balance)}</Text>
        </View>
      </View>
      {receipt.payableFen > 0 ? <NpsQuestion orderKey={receipt.receiptId} /> : null}
      <View className='moment__btn moment__btn--primary' onClick={upgraded ? () => setStep('upgrade') : back} hoverClass='moment__btn--pressed' role='button'>
        好的
      </View>
    </View>
  );
}

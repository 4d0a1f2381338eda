import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import type { MemberCard, TillReceipt } from '../../../cloudfunctions/contract';
import { yuanText } from '../../../cloudfunctions/contract/formats';
import { thousands } from '../../services/format';
import { TIER_NAMES, TIER_UNLOCKS } from './unlocks';
import './index.scss';

export { isUpgrade, TIER_NAMES } from './unlocks';

/** A sheet over the card for something that just happened; it never moves the code beneath it. */
function Moment({ label, kind, children, actions }: PropsWithChildren<{ label: string; kind: string; actions: Array<{ text: string; onTap: () => void; primary?: boolean }> }>) {
  return (
    <View className={`card-moment card-moment--${kind}`} catchMove>
      <View className='card-moment__mask' onClick={actions[0]!.onTap} />
      <View className='card-moment__panel' role='dialog' aria-label={label}>
        {children}
        <View className='card-moment__actions'>
          {actions.map((a) => (
            <View key={a.text} className={`card-moment__btn${a.primary ? ' card-moment__btn--primary' : ''}`} onClick={a.onTap} hoverClass='card-moment__btn--pressed' role='button'>
              {a.text}
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}

/** 实付 ¥319.20 · 用券 首单8折券 · +319 积分, then the balance: what the till just did with the code. */
export function receiptLine(r: Pick<TillReceipt, 'payableFen' | 'coupons' | 'pointsEarned'>): string {
  return [`实付 ${yuanText(r.payableFen)}`, r.coupons.length ? `用券 ${r.coupons.join('、')}` : null, `+${thousands(r.pointsEarned)} 积分`].filter(Boolean).join(' · ');
}

export function ReceiptSheet({ receipt, onClose }: { receipt: TillReceipt; onClose: () => void }) {
  return (
    <Moment label='本次消费' kind='receipt' actions={[{ text: '好的', onTap: onClose, primary: true }]}>
      <Text className='card-moment__eyebrow'>{receipt.storeName}</Text>
      <Text className='card-moment__title'>消费已记入会员</Text>
      <Text className='card-moment__line' data-receipt-line>
        {receiptLine(receipt)}
      </Text>
      {receipt.discountFen > 0 ? <Text className='card-moment__note'>本单优惠 {yuanText(receipt.discountFen)}</Text> : null}
      <View className='card-moment__balance'>
        <Text className='card-moment__balance-label'>积分余额</Text>
        <Text className='card-moment__balance-value'>{thousands(receipt.balance)}</Text>
      </View>
    </Moment>
  );
}

/** 恭喜升级成长者: its own moment, with what the tier unlocks today and what is still to come. */
export function UpgradeMoment({ tier, onClose, onOpenPoints }: { tier: TillReceipt['tier']; onClose: () => void; onOpenPoints: () => void }) {
  const unlocks = TIER_UNLOCKS[tier];
  return (
    <Moment
      label='等级升级'
      kind={`upgrade card-moment--${tier}`}
      actions={[
        { text: '知道了', onTap: onClose, primary: true },
        { text: '查看等级进度', onTap: onOpenPoints },
      ]}
    >
      <Text className='card-moment__eyebrow'>会员等级提升</Text>
      <Text className='card-moment__title card-moment__title--big'>恭喜升级{TIER_NAMES[tier]}</Text>
      <Text className='card-moment__note'>从现在起你可以享受：</Text>
      <View className='card-moment__list'>
        {unlocks.now.map((b) => (
          <Text key={b} className='card-moment__item'>
            ✓ {b}
          </Text>
        ))}
        {unlocks.soon.map((b) => (
          <Text key={b} className='card-moment__item card-moment__item--soon'>
            {b} · 即将开放
          </Text>
        ))}
      </View>
    </Moment>
  );
}

/** The first open after joining: what is in the wallet now, and that the code below uses it. */
export function WelcomeSheet({ card, onClose, onOpenWallet }: { card: MemberCard; onClose: () => void; onOpenWallet: () => void }) {
  const names = card.wallet.atTill.map((c) => c.name);
  const more = card.wallet.usable - names.length;
  return (
    <Moment
      label='欢迎加入'
      kind='welcome'
      actions={[
        { text: '开始使用', onTap: onClose, primary: true },
        ...(card.wallet.usable > 0 ? [{ text: '查看我的券', onTap: onOpenWallet }] : []),
      ]}
    >
      <Text className='card-moment__eyebrow'>悦衣会员 · {card.tierName}</Text>
      <Text className='card-moment__title card-moment__title--big'>欢迎加入{card.nickname ? `，${card.nickname}` : ''}</Text>
      {card.wallet.usable > 0 ? (
        <>
          <Text className='card-moment__note'>入会礼已放进你的券包：</Text>
          <View className='card-moment__list'>
            {names.map((n) => (
              <Text key={n} className='card-moment__item'>
                <Text className='card-moment__mark'>礼</Text>
                {n}
              </Text>
            ))}
            {more > 0 ? <Text className='card-moment__item'>另有 {more} 张券</Text> : null}
          </View>
          <Text className='card-moment__note'>结账时出示会员码，店员扫码即可使用</Text>
        </>
      ) : (
        <Text className='card-moment__note'>结账时出示会员码，消费即可累积积分</Text>
      )}
    </Moment>
  );
}

import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import type { MemberCard } from '../../../cloudfunctions/contract';
import './index.scss';

export { TIER_NAMES } from './unlocks';

/**
 * A sheet over the card for something that just happened (the welcome after joining); it never
 * moves the code beneath it. The till's receipt and an upgrade are a page of their own
 * (packages/moments), which the card opens.
 */
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

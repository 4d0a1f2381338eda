import { Image, Text, View } from '@tarojs/components';
import type { ActionOutput } from '../../../../cloudfunctions/contract';
import { imageSrc } from '../../../services/files';
import { shopDate, shopDateTime, thousands } from '../../../services/format';
import { yuanText } from '../../../../cloudfunctions/contract/formats';

export type MemberView = ActionOutput<'staff', 'memberView'>;

/** Who the member is: nickname, masked phone, tier and how far the next is, the staff tags. */
export function MemberHead({ view }: { view: MemberView }) {
  const { member, tier, staffTags } = view;
  return (
    <View className='section staff-member__head'>
      <Text className='staff-member__name'>{member.nickname ?? '未设置昵称'}</Text>
      <Text className='muted'>
        {member.phoneMasked ?? '未绑定手机'} · 会员号 {member.memberId}
      </Text>
      <Text className='muted'>
        {member.ofThisStore ? '本店会员' : `${member.homeStore.name}会员`} · {shopDate(member.memberSince)}入会
      </Text>
      <View className='staff-member__tier'>
        <Text className='staff-member__tier-name'>{tier.name}</Text>
        <Text className='staff-member__tier-next'>{tier.next ? tier.next.text : '已是最高等级'}</Text>
      </View>
      {tier.next ? (
        <View className='staff-member__bar' aria-label={`升级进度 ${Math.round(tier.next.ratio * 100)}%`}>
          <View className='staff-member__bar-fill' style={{ width: `${Math.min(100, Math.round(tier.next.ratio * 100))}%` }} />
        </View>
      ) : null}
      {staffTags.length > 0 ? (
        <View className='staff-member__chips'>
          {staffTags.map((t) => (
            <Text key={t.tagId} className={`staff-chip${t.tagId === 'care-high' ? ' staff-chip--care' : ''}`}>
              {t.name}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** Points (and what expires soon) and the coupons usable now. */
export function PointsAndCoupons({ view }: { view: MemberView }) {
  const { points, coupons } = view;
  return (
    <View className='section'>
      <Text className='section-title'>积分与优惠券</Text>
      <View className='staff-member__line'>
        <Text>可用积分</Text>
        <Text className='staff-member__figure'>{thousands(points.balance)}</Text>
      </View>
      {points.expiringSoon > 0 && points.nextExpiry ? (
        <Text className='staff-member__warn'>
          {thousands(points.expiringSoon)} 积分将于 {shopDate(points.nextExpiry.expiresAt)} 到期，可提醒顾客使用
        </Text>
      ) : null}
      {coupons.length === 0 ? <Text className='muted staff-member__empty'>暂无可用优惠券</Text> : null}
      {coupons.map((c) => (
        <View key={c.couponId} className='staff-member__line'>
          <Text>{c.name}</Text>
          <Text className='muted'>至 {shopDate(c.validUntil)}</Text>
        </View>
      ))}
    </View>
  );
}

/** Style season and tags, and the sizes to bring out. */
export function StyleAndSizes({ view }: { view: MemberView }) {
  const { style, sizes } = view;
  const sizeText = [sizes.top && `上装 ${sizes.top}`, sizes.bottom && `下装 ${sizes.bottom}`, sizes.shoes && `鞋 ${sizes.shoes}`].filter(Boolean).join(' · ');
  return (
    <View className='section'>
      <Text className='section-title'>风格与尺码</Text>
      <View className='staff-member__line'>
        <Text>色彩季型</Text>
        <Text>{style.season ?? '未做风格测试'}</Text>
      </View>
      {style.styles.length > 0 ? (
        <View className='staff-member__line'>
          <Text>风格</Text>
          <Text>{style.styles.join(' · ')}</Text>
        </View>
      ) : null}
      <View className='staff-member__line'>
        <Text>尺码</Text>
        <Text>{sizeText || '未填写'}</Text>
      </View>
      {style.tags.map((t) => (
        <View key={t.label} className='staff-member__line staff-member__line--small'>
          <Text className='muted'>{t.label}</Text>
          <Text>{t.values.join('、')}</Text>
        </View>
      ))}
    </View>
  );
}

/** The last orders (items, amounts) and the wardrobe's most worn pieces. */
export function OrdersAndWardrobe({ view }: { view: MemberView }) {
  return (
    <View className='section'>
      <Text className='section-title'>最近消费</Text>
      {view.orders.length === 0 ? <Text className='muted staff-member__empty'>近一年没有消费记录</Text> : null}
      {view.orders.map((o) => (
        <View key={o.paidAt} className='staff-member__order'>
          <View className='staff-member__line'>
            <Text>{shopDateTime(o.paidAt)}</Text>
            <Text className='staff-member__figure'>{yuanText(o.amountFen)}</Text>
          </View>
          <Text className='muted'>{o.storeName}</Text>
          {o.items.map((i, k) => (
            <Text key={k} className='staff-member__item'>
              {i.name}
              {i.size ? `（${i.size}）` : ''} × {i.qty} · {yuanText(i.priceFen)}
            </Text>
          ))}
        </View>
      ))}
      {view.wardrobe.length > 0 ? (
        <>
          <Text className='section-title staff-member__sub'>衣橱常穿</Text>
          <View className='staff-member__wardrobe'>
            {view.wardrobe.map((w, k) => (
              <View key={k} className='staff-member__piece'>
                <Image className='staff-member__piece-img' src={imageSrc(w.image) ?? ''} mode='aspectFill' />
                <Text className='staff-member__piece-name'>{w.name}</Text>
                <Text className='muted'>穿过 {w.wears} 次</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </View>
  );
}

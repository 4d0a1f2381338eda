import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActionOutput } from '../../../cloudfunctions/contract';
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { errorText } from '../../services/errors';
import { imageSrc } from '../../services/files';
import { initialOf, monthDayLabel } from '../../services/format';
import { memberApi } from '../../services/member';
import { staffEntryApi } from '../../services/staffEntry';
import { type PageName, pageUrl } from '../../services/routes';
import { remoteRead, useReadOnShow } from '../../services/useReadOnShow';
import { useRemote } from '../../services/useRemote';
import './index.scss';

type Profile = ActionOutput<'member', 'profile'>;

/**
 * The member's own page: their profile (edited on 编辑资料, a subpackage page), coupons, style,
 * 消息与隐私 (the marketing switch and the consent record on 消息与隐私设置, the policy on its own
 * page, both in the privacy subpackage), their data.
 */
export default function MePage() {
  const card = useRemote(memberApi.card, { auto: false });
  const profile = useRemote(memberApi.profile, { auto: false });

  // store staff see 导购助手 here, members or not (the staff read says its own problems: none)
  const staff = useRemote(staffEntryApi.me, { auto: false });
  const staffNow = staff.state.status === 'ready' ? staff.state.data.staff : null;
  const { readAgain, notMember } = useReadOnShow([remoteRead(card), remoteRead(profile), remoteRead(staff, { saysOwnProblems: true })], {
    stayIfNotMember: staff.state.status === 'loading' || !!staffNow,
  });
  const staffRow = staffNow ? <StaffRow name={staffNow.name} store={staffNow.storeName} /> : null;
  if (notMember && staffRow) return <View className='page me'>{staffRow}</View>;

  const failed = [card.state, profile.state].find((s) => s.status === 'error');
  if (failed && failed.status === 'error' && !notMember) {
    return (
      <View className='page'>
        <ErrorState error={failed.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (card.state.status !== 'ready' || profile.state.status !== 'ready') {
    return (
      <View className='page'>
        <LoadingBlock height={200} label='正在加载' />
        <View className='me__gap' />
        <LoadingBlock height={520} />
      </View>
    );
  }

  const member = card.state.data;
  return (
    <View className='page me'>
      <ProfileRow profile={profile.state.data} tierName={member.tierName} memberId={member.memberId} />
      {staffRow}
      <LinkSections />
      <DataSection />

      <Text className='muted me__foot'>悦衣库 · 会员服务</Text>
    </View>
  );
}

/** Who the member is, as the card greets them: avatar, nickname, birthday; a tap opens 编辑资料. */
function ProfileRow({ profile, tierName, memberId }: { profile: Profile; tierName: string; memberId: string }) {
  const name = profile.nickname ?? '悦衣会员';
  const src = imageSrc(profile.avatar);
  return (
    <View className='me__head' onClick={() => void Taro.navigateTo({ url: pageUrl('profile') })} hoverClass='me__link-row--pressed' role='link' aria-label='编辑资料'>
      {src ? <Image className='me__avatar' src={src} mode='aspectFill' /> : <View className='me__avatar me__avatar--initial'>{initialOf(profile.nickname ?? '')}</View>}
      <View className='me__head-text'>
        <Text className='me__name'>{name}</Text>
        <Text className='muted'>
          {tierName} · 会员号 {memberId}
        </Text>
        <Text className='muted me__birthday'>{profile.birthday ? `生日 ${monthDayLabel(profile.birthday)}` : '未设置生日 · 设置后可领生日礼'}</Text>
      </View>
      <Text className='muted me__edit'>编辑资料 ›</Text>
    </View>
  );
}

/** A row that opens a page: what it is, and a note on what is there. */
interface LinkRowProps {
  page: PageName;
  title: string;
  note: string;
}

function LinkRow({ page, title, note }: LinkRowProps) {
  return (
    <View className='me__link-row' onClick={() => void Taro.navigateTo({ url: pageUrl(page) })} hoverClass='me__link-row--pressed' role='link'>
      <Text className='me__row-title'>{title}</Text>
      <Text className='muted'>{note} ›</Text>
    </View>
  );
}

/** 导购助手, for store staff only (staff.me): the workbench in the staff subpackage. */
function StaffRow({ name, store }: { name: string; store: string }) {
  return (
    <View className='section'>
      <LinkRow page='staff' title='导购助手' note={`${store} · ${name}`} />
    </View>
  );
}

/**
 * The sections of links, each to a subpackage page: 优惠券 (the coupon pages are not tabs, so they
 * are reached from here and from the card; 邀请好友 a plain link, no badge or count), 我的风格 (风格测试,
 * 我的风格档案, 我的衣橱, 今日穿搭, 导购为你搭配) and 消息与隐私 (the settings — the marketing switch, the
 * consent record — and the policy, in the privacy subpackage).
 */
const LINK_SECTIONS: ReadonlyArray<{ title: string; rows: readonly LinkRowProps[] }> = [
  {
    title: '优惠券',
    rows: [
      { page: 'wallet', title: '我的券', note: '可使用、已使用、已过期' },
      { page: 'center', title: '领券中心', note: '领取活动好券' },
      { page: 'invite', title: '邀请好友', note: '规则与进度' },
    ],
  },
  {
    title: '我的风格',
    rows: [
      { page: 'styleQuiz', title: '风格测试', note: '测风格和色彩季型' },
      { page: 'styleProfile', title: '我的风格档案', note: '尺码、版型和喜好' },
      { page: 'wardrobe', title: '我的衣橱', note: '买过和添加的衣服' },
      { page: 'outfits', title: '今日穿搭', note: '今天穿什么' },
      { page: 'outfitLists', title: '导购为你搭配', note: '导购发来的搭配' },
    ],
  },
  {
    title: '消息与隐私',
    rows: [
      { page: 'privacySettings', title: '消息与隐私设置', note: '新品消息、授权记录' },
      { page: 'privacyPolicy', title: '隐私政策', note: '查看全文' },
    ],
  },
];

function LinkSections() {
  return (
    <>
      {LINK_SECTIONS.map((section) => (
        <View key={section.title} className='section'>
          <Text className='section-title'>{section.title}</Text>
          {section.rows.map((row) => (
            <LinkRow key={row.page} {...row} />
          ))}
        </View>
      ))}
    </>
  );
}

function DataSection() {
  const [busy, setBusy] = useState<'leave' | null>(null);

  async function leave() {
    const sure = await Taro.showModal({
      title: '退出会员',
      content: '退出后，你的资料、积分、会员等级和优惠券将被删除且无法恢复；再次入会不会重新发放新人礼券和今年的生日礼券。确定退出吗？',
      confirmText: '确定退出',
      confirmColor: '#B4412F',
      cancelText: '再想想',
    });
    if (!sure.confirm) return;
    setBusy('leave');
    const answer = await memberApi.leave();
    setBusy(null);
    if (!answer.ok) return void Taro.showToast({ title: errorText(answer.error), icon: 'none' });
    void Taro.showToast({ title: '已退出并删除数据', icon: 'none' });
    void Taro.reLaunch({ url: pageUrl('join') });
  }

  return (
    <View className='section'>
      <Text className='section-title'>我的数据</Text>
      <LinkRow page='myData' title='导出我的数据' note='查看并复制' />
      <View className='me__link-row me__link-row--danger' onClick={() => busy === null && void leave()} hoverClass='me__link-row--pressed'>
        <Text className='me__row-title'>退出会员并删除数据</Text>
        <Text className='muted'>{busy === 'leave' ? '正在处理…' : '›'}</Text>
      </View>
    </View>
  );
}

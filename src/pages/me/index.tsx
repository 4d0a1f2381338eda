import { Button, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ActionOutput } from '../../../cloudfunctions/contract';
import { AvatarPicker } from '../../components/AvatarPicker';
import { BIRTHDAY_RULE_TEXT, BirthdayField } from '../../components/BirthdayPicker';
import { cleanNickname, NicknameField, nicknameProblemText } from '../../components/NicknameField';
import { PrivacySheet } from '../../components/PrivacyNotice';
import { consentText } from '../../components/PrivacyNotice/policy';
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { errorText } from '../../services/errors';
import { initialOf, monthDayLabel, shopDate, shopDateTime } from '../../services/format';
import { memberApi } from '../../services/member';
import { type PageName, pageUrl } from '../../services/routes';
import { remoteRead, useReadOnShow } from '../../services/useReadOnShow';
import { useRemote } from '../../services/useRemote';
import './index.scss';

type Profile = ActionOutput<'member', 'profile'>;
type Consent = ActionOutput<'member', 'consent'>;

/** The member's own page: their coupons, profile, marketing messages, the privacy notice and their consent record, their data. */
export default function MePage() {
  const card = useRemote(memberApi.card, { auto: false });
  const profile = useRemote(memberApi.profile, { auto: false });
  const consent = useRemote(memberApi.consent, { auto: false });
  const [sheetOpen, setSheetOpen] = useState(false);

  const { readAgain, notMember } = useReadOnShow([remoteRead(card), remoteRead(profile), remoteRead(consent)]);

  const failed = [card.state, profile.state, consent.state].find((s) => s.status === 'error');
  if (failed && failed.status === 'error' && !notMember) {
    return (
      <View className='page'>
        <ErrorState error={failed.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (card.state.status !== 'ready' || profile.state.status !== 'ready' || consent.state.status !== 'ready') {
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
      <View className='me__head'>
        <View className='me__head-text'>
          <Text className='me__name'>{profile.state.data.nickname ?? '悦衣会员'}</Text>
          <Text className='muted'>
            {member.tierName} · 会员号 {member.memberId}
          </Text>
        </View>
      </View>

      <CouponsSection />
      <StyleSection />
      <ProfileSection
        profile={profile.state.data}
        onSaved={(p) => {
          profile.set(p);
          void card.reload();
        }}
      />
      <PrivacySection consent={consent.state.data} onChanged={consent.set} onOpenPolicy={() => setSheetOpen(true)} />
      <DataSection />

      <Text className='muted me__foot'>悦衣库 · 会员服务</Text>
      <PrivacySheet open={sheetOpen} onClose={() => setSheetOpen(false)} />
    </View>
  );
}

/** 我的券 and 领券中心 (the coupon pages are not tabs, so they are reached from here and from the card), and 邀请好友. */
function CouponsSection() {
  return (
    <View className='section'>
      <Text className='section-title'>优惠券</Text>
      <View className='me__link-row' onClick={() => void Taro.navigateTo({ url: pageUrl('wallet') })} hoverClass='me__link-row--pressed' role='link'>
        <Text className='me__row-title'>我的券</Text>
        <Text className='muted'>可使用、已使用、已过期 ›</Text>
      </View>
      <View className='me__link-row' onClick={() => void Taro.navigateTo({ url: pageUrl('center') })} hoverClass='me__link-row--pressed' role='link'>
        <Text className='me__row-title'>领券中心</Text>
        <Text className='muted'>领取活动好券 ›</Text>
      </View>
      {/* a plain link, no badge or count */}
      <View className='me__link-row' onClick={() => void Taro.navigateTo({ url: pageUrl('invite') })} hoverClass='me__link-row--pressed' role='link'>
        <Text className='me__row-title'>邀请好友</Text>
        <Text className='muted'>规则与进度 ›</Text>
      </View>
    </View>
  );
}

/** The style pages (in their subpackage): 风格测试, 我的风格档案, 我的衣橱, 今日穿搭, 导购为你搭配. */
const STYLE_ROWS: ReadonlyArray<{ page: PageName; title: string; note: string }> = [
  { page: 'styleQuiz', title: '风格测试', note: '测风格和色彩季型' },
  { page: 'styleProfile', title: '我的风格档案', note: '尺码、版型和喜好' },
  { page: 'wardrobe', title: '我的衣橱', note: '买过和添加的衣服' },
  { page: 'outfits', title: '今日穿搭', note: '今天穿什么' },
  { page: 'outfitLists', title: '导购为你搭配', note: '导购发来的搭配' },
];

function StyleSection() {
  return (
    <View className='section'>
      <Text className='section-title'>我的风格</Text>
      {STYLE_ROWS.map((row) => (
        <View key={row.page} className='me__link-row' onClick={() => void Taro.navigateTo({ url: pageUrl(row.page) })} hoverClass='me__link-row--pressed' role='link'>
          <Text className='me__row-title'>{row.title}</Text>
          <Text className='muted'>{row.note} ›</Text>
        </View>
      ))}
    </View>
  );
}

function ProfileSection({ profile, onSaved }: { profile: Profile; onSaved: (p: Profile) => void }) {
  const [nickname, setNickname] = useState(profile.nickname ?? '');
  const [avatar, setAvatar] = useState(profile.avatar);
  const [birthday, setBirthday] = useState(profile.birthday);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // a fresh read (on show) replaces what the form holds
  useEffect(() => {
    setNickname(profile.nickname ?? '');
    setAvatar(profile.avatar);
    setBirthday(profile.birthday);
  }, [profile]);

  const trimmed = cleanNickname(nickname);
  const changes = {
    ...(trimmed !== (profile.nickname ?? '') ? { nickname: trimmed === '' ? null : trimmed } : {}),
    ...(avatar !== profile.avatar ? { avatar } : {}),
    ...(birthday !== profile.birthday && birthday ? { birthday } : {}),
  };
  const dirty = Object.keys(changes).length > 0;
  const birthdayLocked = profile.birthdayEditableFrom !== null;

  async function save() {
    const nicknameProblem = nicknameProblemText(nickname);
    if (nicknameProblem) return setProblem(nicknameProblem);
    if (changes.birthday) {
      const sure = await Taro.showModal({
        title: '确认生日',
        content: `生日将设为 ${monthDayLabel(changes.birthday)}。为保证生日礼公平发放，设置后 12 个月内不能再修改。`,
        confirmText: '确认',
        confirmColor: '#1F1B16',
        cancelText: '再想想',
      });
      if (!sure.confirm) return;
    }
    setSaving(true);
    setProblem(null);
    const answer = await memberApi.saveProfile(changes);
    setSaving(false);
    if (!answer.ok) {
      return setProblem(
        errorText(answer.error, { LIMIT_REACHED: '生日设置后 12 个月内不能再修改', INVALID_INPUT: '资料格式不正确，请检查昵称和生日' }),
      );
    }
    onSaved(answer.data);
    void Taro.showToast({ title: '已保存', icon: 'success' });
  }

  return (
    <View className='section'>
      <Text className='section-title'>个人资料</Text>
      <View className='me__avatar'>
        <AvatarPicker value={avatar} onChange={setAvatar} initial={initialOf(trimmed)} />
      </View>
      <NicknameField value={nickname} onChange={setNickname} />
      <BirthdayField value={birthday} onChange={setBirthday} disabled={birthdayLocked} placeholder='设置生日，领生日礼' />
      <Text className='muted form-row__note'>
        {birthdayLocked
          ? `为保证生日礼公平发放，生日设置后 12 个月内不能再修改，${shopDate(profile.birthdayEditableFrom as string)}起可再次修改。`
          : BIRTHDAY_RULE_TEXT}
      </Text>
      {profile.phoneMasked && (
        <View className='form-row'>
          <Text className='form-row__label'>手机号</Text>
          <Text className='form-row__input me__value'>{profile.phoneMasked}</Text>
        </View>
      )}
      {problem && (
        <View className='me__problem' role='alert'>
          {problem}
        </View>
      )}
      <Button className={`btn btn-primary me__save${!dirty || saving ? ' btn--off' : ''}`} disabled={!dirty || saving} onClick={() => void save()}>
        {saving ? '正在保存…' : dirty ? '保存资料' : '资料已是最新'}
      </Button>
    </View>
  );
}

function PrivacySection({ consent, onChanged, onOpenPolicy }: { consent: Consent; onChanged: (c: Consent) => void; onOpenPolicy: () => void }) {
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
    <View className='section'>
      <Text className='section-title'>消息与隐私</Text>
      <View className='me__switch-row'>
        <View className='me__switch-text'>
          <Text className='me__row-title'>接收新品与优惠消息</Text>
          <Text className='muted'>{optIn ? '已开启，可随时关闭' : '已关闭，开启后第一时间收到上新和优惠'}</Text>
        </View>
        <Switch checked={optIn} disabled={pending !== null} color='#1F1B16' onChange={(e) => void toggle(e.detail.value)} aria-label='接收新品与优惠消息' />
      </View>
      <View className='me__link-row' onClick={onOpenPolicy} hoverClass='me__link-row--pressed'>
        <Text className='me__row-title'>隐私政策</Text>
        <Text className='muted'>
          版本 {consent.privacy.version} · {shopDate(consent.privacy.acceptedAt)}同意 ›
        </Text>
      </View>
      <View className='me__consents'>
        <Text className='me__row-title'>我的授权记录</Text>
        {visible.map((entry) => (
          <View className='me__consent' key={`${entry.kind}-${entry.at}-${String(entry.granted)}`}>
            <Text className='me__consent-what'>
              {consentText(entry.kind, entry.granted)}
              {entry.version ? `（${entry.version}）` : ''}
            </Text>
            <Text className='muted'>{shopDateTime(entry.at)}</Text>
          </View>
        ))}
        {history.length > 3 && (
          <Text className='link me__more' onClick={() => setShowAll(!showAll)}>
            {showAll ? '收起' : `查看全部 ${history.length} 条`}
          </Text>
        )}
      </View>
    </View>
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
      <View className='me__link-row' onClick={() => void Taro.navigateTo({ url: pageUrl('myData') })} hoverClass='me__link-row--pressed' role='link'>
        <Text className='me__row-title'>导出我的数据</Text>
        <Text className='muted'>查看并复制 ›</Text>
      </View>
      <View className='me__link-row me__link-row--danger' onClick={() => busy === null && void leave()} hoverClass='me__link-row--pressed'>
        <Text className='me__row-title'>退出会员并删除数据</Text>
        <Text className='muted'>{busy === 'leave' ? '正在处理…' : '›'}</Text>
      </View>
    </View>
  );
}

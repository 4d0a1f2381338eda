import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ActionOutput } from '../../../cloudfunctions/contract';
import { AvatarPicker } from '../../components/AvatarPicker';
import { BIRTHDAY_RULE_TEXT, BirthdayField } from '../../components/BirthdayPicker';
import { cleanNickname, NicknameField, nicknameProblemText } from '../../components/NicknameField';
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { errorText } from '../../services/errors';
import { initialOf, monthDayLabel, shopDate } from '../../services/format';
import { memberApi } from '../../services/member';
import { remoteRead, useReadOnShow } from '../../services/useReadOnShow';
import { useRemote } from '../../services/useRemote';
import './index.scss';

type Profile = ActionOutput<'member', 'profile'>;

/**
 * 编辑资料: avatar, nickname and birthday, opened from the profile row at the top of 我的 (the form,
 * its nickname rules and pickers load with this subpackage, not with the tab). Saves only what
 * changed; a birthday is confirmed first, because it is locked for 12 months. 我的 reads the
 * profile again when the member goes back.
 */
export default function ProfilePage() {
  const profile = useRemote(memberApi.profile, { auto: false });
  const { readAgain, notMember } = useReadOnShow([remoteRead(profile)]);

  if (profile.state.status === 'error' && !notMember) {
    return (
      <View className='page'>
        <ErrorState error={profile.state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (profile.state.status !== 'ready') {
    return (
      <View className='page'>
        <LoadingBlock height={560} label='正在加载' />
      </View>
    );
  }
  return (
    <View className='page profile'>
      <ProfileForm profile={profile.state.data} onSaved={profile.set} />
    </View>
  );
}

function ProfileForm({ profile, onSaved }: { profile: Profile; onSaved: (p: Profile) => void }) {
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
      <View className='profile__avatar'>
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
          <Text className='form-row__input profile__value'>{profile.phoneMasked}</Text>
        </View>
      )}
      {problem && (
        <View className='profile__problem' role='alert'>
          {problem}
        </View>
      )}
      <Button className={`btn btn-primary profile__save${!dirty || saving ? ' btn--off' : ''}`} disabled={!dirty || saving} onClick={() => void save()}>
        {saving ? '正在保存…' : dirty ? '保存资料' : '资料已是最新'}
      </Button>
    </View>
  );
}

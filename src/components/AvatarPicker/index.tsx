import { type BaseEventOrig, Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { uploadAvatar } from '../../services/avatar';
import { errorText } from '../../services/errors';
import { imageSrc } from '../../services/files';
import type { ChooseAvatarDetail } from '../../services/weapp';
import './index.scss';

interface AvatarPickerProps {
  /** the stored avatar (cloud:// id or WeChat avatar URL), or null */
  value: string | null;
  onChange: (fileID: string) => void;
  /** the letter drawn when there is no picture */
  initial: string;
}

/** Taps open WeChat's avatar chooser (or the photo picker in the H5 preview); the picture is uploaded at once. */
export function AvatarPicker({ value, onChange, initial }: AvatarPickerProps) {
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function picked(tempPath: string) {
    setPreview(tempPath);
    setBusy(true);
    setProblem(null);
    const answer = await uploadAvatar(tempPath);
    setBusy(false);
    if (answer.ok) onChange(answer.data.fileID);
    else {
      setPreview(null);
      setProblem(`头像上传失败：${errorText(answer.error)}`);
    }
  }

  async function chooseInBrowser() {
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const path = res.tempFilePaths[0];
      if (path) await picked(path);
    } catch {
      // the shopper closed the picker: nothing to do
    }
  }

  const shown = preview ?? imageSrc(value);
  const face = shown ? (
    <Image className='avatar-picker__img' src={shown} mode='aspectFill' />
  ) : (
    <View className='avatar-picker__img avatar-picker__img--initial'>{initial}</View>
  );
  const label = busy ? '上传中…' : value || preview ? '更换头像' : '选择头像';

  return (
    <View className='avatar-picker'>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button className='avatar-picker__button' openType='chooseAvatar' onChooseAvatar={(e: BaseEventOrig<ChooseAvatarDetail>) => void picked(e.detail.avatarUrl)} disabled={busy}>
          {face}
          <Text className='avatar-picker__label'>{label}</Text>
        </Button>
      ) : (
        <View className='avatar-picker__button' onClick={() => !busy && void chooseInBrowser()} role='button' aria-label={label}>
          {face}
          <Text className='avatar-picker__label'>{label}</Text>
        </View>
      )}
      {problem && <Text className='avatar-picker__problem'>{problem}</Text>}
    </View>
  );
}

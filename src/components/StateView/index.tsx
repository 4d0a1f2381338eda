import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AppError } from '../../../cloudfunctions/contract';
import { errorText } from '../../services/errors';
import './index.scss';

/** A calm placeholder shaped like the content while it loads (no spinner flashing on fast answers). */
export function LoadingBlock({ height = 360, label = '加载中' }: { height?: number; label?: string }) {
  return (
    <View className='state-loading' style={{ height: Taro.pxTransform(height) }} aria-busy='true' aria-label={label}>
      <View className='state-loading__shine' />
    </View>
  );
}

/** What went wrong, in plain words, and a way forward. */
export function ErrorState({ error, onRetry, retryText = '重新加载' }: { error: AppError; onRetry: () => void; retryText?: string }) {
  return (
    <View className='state-error' role='alert'>
      <View className='state-error__title'>没能加载出来</View>
      <View className='state-error__text'>{errorText(error)}</View>
      <Button className='btn btn-ghost state-error__retry' onClick={onRetry}>
        {retryText}
      </Button>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import type { TillCode } from '../../services/useTillCode';
import { errorText } from '../../services/errors';
import { grouped } from '../../services/format';
import { barcodeDrawing, qrDrawing } from './drawing';
import { Graphic } from './Graphic';
import './index.scss';

interface MemberCodeProps {
  state: TillCode;
  onRefresh: () => void;
}

/**
 * The code the till scans: a Code 128 barcode for handheld scanners, a QR code for the
 * counter camera, the digits to type in, and how long it stays valid. Tap to get a new one.
 */
export function MemberCode({ state, onRefresh }: MemberCodeProps) {
  const code = state.status === 'live' || state.status === 'expired' ? state.code : null;
  const drawings = useMemo(() => (code ? { bar: barcodeDrawing(code), qr: qrDrawing(code) } : null), [code]);
  const expired = state.status === 'expired';
  const refreshing = state.status !== 'loading' && state.refreshing;

  return (
    <View className='member-code' onClick={onRefresh} hoverClass='member-code--pressed' aria-label='会员码，点击刷新'>
      <View className='member-code__head'>
        <Text className='member-code__title'>会员码</Text>
        <Text className='member-code__hint'>结账时出示给店员扫码</Text>
      </View>

      {drawings && code ? (
        <View className={`member-code__body${expired ? ' member-code__body--expired' : ''}`} data-code={code}>
          <Graphic className='member-code__bar' drawing={drawings.bar} width={600} height={150} label='会员条形码' />
          <Text className='member-code__digits'>{grouped(code)}</Text>
          <Graphic className='member-code__qr' drawing={drawings.qr} width={320} height={320} label='会员二维码' />
          {expired && (
            <View className='member-code__veil'>
              <Text className='member-code__veil-text'>{refreshing ? '正在刷新…' : '已失效，点击刷新'}</Text>
            </View>
          )}
        </View>
      ) : state.status === 'error' ? (
        <View className='member-code__body member-code__body--message' role='alert'>
          <Text className='member-code__message'>{errorText(state.error)}</Text>
          <Text className='member-code__action'>{state.refreshing ? '正在获取…' : '点击重试'}</Text>
        </View>
      ) : (
        <View className='member-code__body member-code__body--message' aria-busy='true'>
          <Text className='member-code__message'>正在生成会员码…</Text>
        </View>
      )}

      <View className='member-code__foot'>
        {state.status === 'live' ? (
          <Text className='member-code__countdown' aria-live='polite'>
            {refreshing ? '正在刷新…' : `${state.secondsLeft} 秒后自动刷新 · 点击立即刷新`}
          </Text>
        ) : null}
        {state.status === 'live' && state.refreshError && !refreshing ? (
          <Text className='member-code__warn'>刷新失败：{errorText(state.refreshError)}</Text>
        ) : null}
        <Text className='member-code__safety'>会员码每分钟更新，仅限本人当面出示，请勿截图转发</Text>
      </View>
    </View>
  );
}

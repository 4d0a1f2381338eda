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
  /** asks for a new device secret: the retry when the code needs the network once */
  onRetry: () => void;
  /** 本单可用: the coupons the till takes on this order, by name (none: nothing said) */
  atTill?: string[];
}

/**
 * The code the till scans: a Code 128 barcode for handheld scanners, a QR code for the counter
 * camera, the digits to type in. The phone makes a new one every 30 seconds by itself, signal or
 * not; the caption says exactly that. Only when the secret behind it ran out does it ask for the
 * network, once, with a retry.
 */
export function MemberCode({ state, onRetry, atTill = [] }: MemberCodeProps) {
  const code = state.status === 'live' ? state.code : null;
  const drawings = useMemo(() => (code ? { bar: barcodeDrawing(code), qr: qrDrawing(code) } : null), [code]);

  return (
    <View className='member-code' aria-label='会员码'>
      <View className='member-code__head'>
        <Text className='member-code__title'>会员码</Text>
        <Text className='member-code__hint'>结账时出示给店员扫码</Text>
      </View>
      {atTill.length > 0 && code ? (
        <View className='member-code__at-till' data-at-till>
          <Text className='member-code__at-till-label'>本单可用</Text>
          <Text className='member-code__at-till-names'>{atTill.join('、')}</Text>
        </View>
      ) : null}

      {drawings && code ? (
        <View className='member-code__body' data-code={code}>
          <Graphic className='member-code__bar' drawing={drawings.bar} width={600} height={128} label='会员条形码' />
          <Text className='member-code__digits'>{grouped(code)}</Text>
          <Graphic className='member-code__qr' drawing={drawings.qr} width={280} height={280} label='会员二维码' />
        </View>
      ) : state.status === 'needsNetwork' || state.status === 'error' ? (
        <View className='member-code__body member-code__body--message' role='alert'>
          <Text className='member-code__message'>{state.status === 'needsNetwork' ? '联网后即可刷新会员码' : errorText(state.error)}</Text>
          {state.status === 'needsNetwork' ? <Text className='member-code__sub'>会员码离线可用 7 天，需要联网更新一次</Text> : null}
          <View
            className={`member-code__retry${state.asking ? ' member-code__retry--busy' : ''}`}
            onClick={() => !state.asking && onRetry()}
            hoverClass='member-code__retry--pressed'
            role='button'
          >
            {state.asking ? '正在获取…' : '重试'}
          </View>
        </View>
      ) : (
        <View className='member-code__body member-code__body--message' aria-busy='true'>
          <Text className='member-code__message'>正在生成会员码…</Text>
        </View>
      )}

      <View className='member-code__foot'>
        {state.status === 'live' ? (
          <Text className='member-code__countdown' aria-live='polite'>
            {`${state.secondsLeft} 秒后更新 · 每 ${state.stepSeconds} 秒自动更新 · 离线可用`}
          </Text>
        ) : null}
        <Text className='member-code__safety'>仅限本人当面出示，截图无效，请勿转发</Text>
      </View>
    </View>
  );
}

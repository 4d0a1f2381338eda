import { View } from '@tarojs/components';
import type { ActionOutput, WalletStatus } from '../../../cloudfunctions/contract';

export const WALLET_TABS: ReadonlyArray<{ status: WalletStatus; label: string }> = [
  { status: 'available', label: '可使用' },
  { status: 'used', label: '已使用' },
  { status: 'expired', label: '已过期' },
];

interface TabsProps {
  current: WalletStatus;
  /** from the latest answer; null before the first one arrives */
  counts: ActionOutput<'coupon', 'list'>['counts'] | null;
  onChange: (status: WalletStatus) => void;
}

/** 可使用 / 已使用 / 已过期, each with how many coupons it holds. */
export function WalletTabs({ current, counts, onChange }: TabsProps) {
  return (
    <View className='wallet-tabs' role='tablist'>
      {WALLET_TABS.map(({ status, label }) => (
        <View
          key={status}
          className={`wallet-tabs__tab${status === current ? ' wallet-tabs__tab--on' : ''}`}
          role='tab'
          aria-selected={status === current}
          data-status={status}
          hoverClass='wallet-tabs__tab--pressed'
          onClick={() => status !== current && onChange(status)}
        >
          {counts ? `${label}(${counts[status]})` : label}
        </View>
      ))}
    </View>
  );
}

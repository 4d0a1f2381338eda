import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../components/ChoiceChips';
import type { BookingOptions } from '../../../services/booking';

export interface SlotPickerProps {
  options: BookingOptions;
  slotId: string | null;
  onStore: (storeId: string) => void;
  onDay: (day: string) => void;
  onSlot: (slotId: string) => void;
}

/** 选门店 · 选日期 · 选时段: only stores and days with free slots are offered. */
export function SlotPicker({ options, slotId, onStore, onDay, onSlot }: SlotPickerProps) {
  if (options.stores.length === 0) {
    return (
      <View className='section booking-empty'>
        <Text>近两周的时段都约满了，造型师发布新时段后这里会出现</Text>
      </View>
    );
  }
  return (
    <View className='section booking-pick'>
      <View className='section-title'>选门店</View>
      <ChoiceChips label='门店' options={options.stores.map((s) => ({ value: s.storeId, label: s.name }))} selected={options.storeId ? [options.storeId] : []} onToggle={onStore} />
      <View className='section-title'>选日期</View>
      <ChoiceChips label='日期' options={options.days.map((d) => ({ value: d.day, label: `${d.label}（${d.freeSlots}）` }))} selected={options.day ? [options.day] : []} onToggle={onDay} />
      <View className='section-title'>选时段</View>
      <ChoiceChips label='时段' options={options.slots.map((s) => ({ value: s.slotId, label: `${s.time} ${s.stylistName}` }))} selected={slotId ? [slotId] : []} onToggle={onSlot} />
    </View>
  );
}

import type { BookingOptions } from '../../../contract/benefitsBooking';
import type { BookingSlot } from './booking';
import { dayLabel, slotView } from './views';

/**
 * The stores with free slots, the chosen store's days and the chosen day's slots. The store is the
 * one asked for, else the member's home store if it has slots, else the first with slots; the day
 * likewise the one asked for, else the first with free slots.
 */
export function slotChoices(free: BookingSlot[], storeNames: Map<string, string>, homeStoreId: string, want: { storeId?: string; day?: string }): Pick<BookingOptions, 'stores' | 'storeId' | 'days' | 'day' | 'slots'> {
  const perStore = new Map<string, BookingSlot[]>();
  for (const s of free) perStore.set(s.storeId, [...(perStore.get(s.storeId) ?? []), s]);
  const stores = [...perStore].map(([storeId, slots]) => ({ storeId, name: storeNames.get(storeId) ?? storeId, freeSlots: slots.length }));
  stores.sort((a, b) => Number(b.storeId === homeStoreId) - Number(a.storeId === homeStoreId) || a.storeId.localeCompare(b.storeId));
  const storeId = want.storeId ?? stores[0]?.storeId ?? null;
  const ofStore = storeId ? (perStore.get(storeId) ?? []) : [];
  const perDay = new Map<string, BookingSlot[]>();
  for (const s of ofStore) perDay.set(s.day, [...(perDay.get(s.day) ?? []), s]);
  const days = [...perDay].map(([day, slots]) => ({ day, label: dayLabel(slots[0]!.startAt), freeSlots: slots.length }));
  const day = want.day ?? days[0]?.day ?? null;
  const slots = (day ? (perDay.get(day) ?? []) : []).map(slotView);
  return { stores, storeId, days, day, slots };
}

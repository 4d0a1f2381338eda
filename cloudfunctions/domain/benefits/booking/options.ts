import type { BookingOptions } from '../../../contract/benefitsBooking';
import type { BookingSlot } from './booking';
import { dayLabel, slotView } from './views';

/**
 * The stores with free slots (from a count per store, so a brand of 300 stores is one small read)
 * and the chosen one: the store asked for, else the member's home store if it has slots, else the
 * first with slots.
 */
export function storeChoice(freePerStore: ReadonlyMap<string, number>, homeStoreId: string, want: { storeId?: string }): { storeIds: string[]; storeId: string | null } {
  const storeIds = [...freePerStore.keys()].filter((id) => (freePerStore.get(id) ?? 0) > 0);
  storeIds.sort((a, b) => Number(b === homeStoreId) - Number(a === homeStoreId) || a.localeCompare(b));
  return { storeIds, storeId: want.storeId ?? storeIds[0] ?? null };
}

/**
 * The chosen store's days and the chosen day's slots: the day asked for, else the first with free
 * slots. `ofStore` is that store's free slots, soonest first.
 */
export function slotChoices(
  freePerStore: ReadonlyMap<string, number>,
  storeNames: ReadonlyMap<string, string>,
  choice: { storeIds: string[]; storeId: string | null },
  ofStore: BookingSlot[],
  want: { day?: string },
): Pick<BookingOptions, 'stores' | 'storeId' | 'days' | 'day' | 'slots'> {
  const stores = choice.storeIds.map((storeId) => ({ storeId, name: storeNames.get(storeId) ?? storeId, freeSlots: freePerStore.get(storeId) ?? 0 }));
  const perDay = new Map<string, BookingSlot[]>();
  for (const s of ofStore) perDay.set(s.day, [...(perDay.get(s.day) ?? []), s]);
  const days = [...perDay].map(([day, slots]) => ({ day, label: dayLabel(slots[0]!.startAt), freeSlots: slots.length }));
  const day = want.day ?? days[0]?.day ?? null;
  const slots = (day ? (perDay.get(day) ?? []) : []).map(slotView);
  return { stores, storeId: choice.storeId, days, day, slots };
}

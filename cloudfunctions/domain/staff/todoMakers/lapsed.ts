import { shopDayEnd, shopDayKey, shopDayStart } from '../../time';
import type { TodoMaker } from './maker';
import { shopDaysBetween } from './window';
import { monthDayWords } from './words';

/** No purchase for this many shop days: the store calls (once per lapse). */
export const LAPSE_DAYS = 30;
const DUE_IN_DAYS = 2;

/**
 * 已 30 天未到店: the to-do is named by the day of the last purchase, so one lapse makes one to-do
 * however often the job runs; a purchase and a new lapse make another.
 */
export const lapsedMaker: TodoMaker = {
  kind: 'lapsed',
  // crossed 30 days on one of the run's days: the last purchase fell 30 days before it
  reads: { by: 'range', field: 'lastOrderAt', range: (run) => ({ from: shopDayStart(run.firstDay, -LAPSE_DAYS), until: shopDayStart(run.tomorrow, -LAPSE_DAYS) }) },
  make(m, now) {
    if (!m.lastOrderAt || shopDaysBetween(m.lastOrderAt, now) < LAPSE_DAYS) return null;
    return { occasion: shopDayKey(m.lastOrderAt), dueAt: shopDayEnd(shopDayStart(now, DUE_IN_DAYS)) };
  },
  reason(m, _todo, now) {
    if (!m.lastOrderAt) return null;
    const days = shopDaysBetween(m.lastOrderAt, now);
    return days >= LAPSE_DAYS ? `已 ${days} 天未到店` : `${monthDayWords(m.lastOrderAt)} 已再次到店消费`;
  },
};

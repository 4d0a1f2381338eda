import { membersByIds } from '../../data/members';
import { firstReportsSince } from '../../data/style';
import { creditsOf } from '../../data/subscriptions';
import { isLeaving } from '../../domain/member';
import { outfitInspirationMessage } from '../../domain/messages';
import { INSPIRATION_DAYS, inspirationDay } from '../../domain/outfits/inspiration';
import { shopDayKey } from '../../domain/time';
import { sendOnce } from './sendOnce';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';

const DAY = 86_400_000;

/**
 * 3 天穿搭灵感's notice: each member in the first 3 shop days after their first style report who
 * holds a 穿搭灵感更新提醒 credit gets one message a day (keyed by the day: a rerun, a parallel
 * runner or a crash sends nothing twice). The work follows the recent first reports.
 */
export const outfitInspiration: DailyJob = {
  name: 'outfit-inspiration',
  async batch(db, cursor, now) {
    const reports = await firstReportsSince(db, new Date(now.getTime() - (INSPIRATION_DAYS + 1) * DAY), cursor, BATCH_SIZE);
    const due = reports.flatMap((r) => {
      const day = inspirationDay(r.createdAt, now);
      return day === null ? [] : [{ memberId: r.memberId, day }];
    });
    const [members, credits] = await Promise.all([membersByIds(db, due.map((d) => d.memberId)), creditsOf(db, due.map((d) => d.memberId))]);
    const byId = new Map(members.map((m) => [m._id, m]));
    let changed = 0;
    for (const d of due) {
      const m = byId.get(d.memberId);
      if (!m || isLeaving(m) || (credits.get(m._id)?.outfitInspiration ?? 0) <= 0) continue;
      if (await sendOnce(db, m, 'outfitInspiration', shopDayKey(now), outfitInspirationMessage(d.day, now), now)) changed += 1;
    }
    return { cursor: cursorAfter(reports.map((r) => r._id)), processed: reports.length, changed };
  },
};

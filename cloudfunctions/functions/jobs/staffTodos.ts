import { membersByIds, membersWithBirthday } from '../../data/members';
import { finishedRunDates, membersInRange, type RangeAt } from '../../data/todoJob';
import { insertTodo, removeTodos } from '../../data/todos';
import { birthdayDays } from '../../domain/staff/todoMakers/birthday';
import { JOB_MAKERS } from '../../domain/staff/todoMakers';
import { jobTodos } from '../../domain/staff/todoMakers/plan';
import { previousRunDates, runFromKey, runKey, todoRun, type TodoRun } from '../../domain/staff/todoMakers/window';
import type { Member } from '../../domain/member';
import type { Database } from '../../platform/cloud';
import { BATCH_SIZE, type DailyJob } from './job';

const NAME = 'staff-todos';

/** Where the run is: the days it covers (its first day), the maker it is on and where that maker's read got to. */
interface TodoCursor {
  run: string;
  step: number;
  /** birthday: v = the month-day's place in the run's list; ranges: the instant (ms) and id */
  at: RangeAt | null;
}

/** One page of the maker's members, and where the next page starts (null: this maker is done). */
async function page(db: Database, c: TodoCursor, run: TodoRun): Promise<{ members: Member[]; at: RangeAt | null }> {
  const reads = JOB_MAKERS[c.step]!.reads;
  if (reads.by === 'range') {
    const { members, next } = await membersInRange(db, reads.field, reads.range(run), c.at, BATCH_SIZE);
    return { members, at: next };
  }
  const days = birthdayDays(run);
  const day = c.at?.v ?? 0;
  if (day >= days.length) return { members: [], at: null };
  const members = await membersWithBirthday(db, [days[day]!], c.at?.id || null, BATCH_SIZE);
  if (members.length === BATCH_SIZE) return { members, at: { v: day, id: members[members.length - 1]!._id } };
  return { members, at: day + 1 < days.length ? { v: day + 1, id: '' } : null };
}

/**
 * The stores' care lists (issue 17): birthdays in the next 3 days, points expiring within 30 days,
 * no purchase for 30 days, new members in their first 3 days — each a to-do for the member's home
 * store. A run covers the days since the last finished run (a week at most) and each maker reads
 * only the members who crossed into its condition on those days, through its index, in resumable
 * batches; to-do ids name their occasion, so a rerun or a crash mid-batch makes nothing twice.
 * Leaving members get none, and one who began leaving after the batch was read loses what it made.
 */
export const staffTodos: DailyJob = {
  name: NAME,
  async batch(db, cursor, now) {
    const c: TodoCursor = cursor ? (JSON.parse(cursor) as TodoCursor) : { run: runKey(todoRun(now, (await finishedRunDates(db, NAME, previousRunDates(now))).map((d) => d.replace(/-/g, '')))), step: 0, at: null };
    const run = runFromKey(c.run, now);
    const { members, at } = await page(db, c, run);
    const made: Array<{ id: string; memberId: string }> = [];
    for (const todo of jobTodos(JOB_MAKERS[c.step]!, members, now)) {
      if ((await insertTodo(db, todo)) === 'created') made.push({ id: todo._id, memberId: todo.memberId });
    }
    let gone = 0;
    if (made.length > 0) {
      const staying = new Set((await membersByIds(db, made.map((t) => t.memberId))).filter((m) => !m.leavingSince).map((m) => m._id));
      const left = made.filter((t) => !staying.has(t.memberId));
      await removeTodos(db, left.map((t) => t.id));
      gone = left.length;
    }
    const next: TodoCursor | null = at ? { ...c, at } : c.step + 1 < JOB_MAKERS.length ? { run: c.run, step: c.step + 1, at: null } : null;
    return { cursor: next ? JSON.stringify(next) : null, processed: members.length, changed: made.length - gone };
  },
};

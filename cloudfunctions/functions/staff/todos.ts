import { failure, success } from '../../contract';
import type { staffTodosContract } from '../../contract/staffTodos';
import { membersByIds } from '../../data/members';
import { recordLook, recordLooks } from '../../data/staffAudit';
import { staffOfStore } from '../../data/storeStaff';
import { findStore } from '../../data/stores';
import { membersSignedUpBy } from '../../data/todoJob';
import { closedTodosPage, closeTodo, findTodo, openCounts, openTodosPage, snoozeTodo, todosClosedIn } from '../../data/todos';
import { MANAGERS } from '../../domain/staff/access';
import { staffLook } from '../../domain/staff/audit';
import { clerkFigures, completionPerClerk, monthRange } from '../../domain/staff/clerkFigures';
import { snoozeUntil } from '../../domain/staff/snooze';
import type { Staff } from '../../domain/staff/staff';
import type { StoreTodo } from '../../domain/staff/todo';
import { decodeTodoCursor, encodeTodoCursor, TODO_PAGE, todoItems } from '../../domain/staff/todoList';
import { storeWords } from '../../domain/staff/todoMakers/scripts';
import { toIso } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import type { Handlers } from '../../platform/handler';
import { staffCaller } from './caller';

/** The caller's store's to-do, or NOT_FOUND (another store's to-dos are not there for them). */
async function todoOfStore(db: Database, staff: Staff, todoId: string) {
  const todo = await findTodo(db, todoId);
  return todo && todo.storeId === staff.storeId ? success(todo) : failure('NOT_FOUND', 'no such to-do in your store');
}

/** Why a to-do could not be changed: someone closed it first (CONFLICT, saying who), or it is gone. */
async function whyNotOpen(db: Database, todoId: string) {
  const now = await findTodo(db, todoId);
  if (!now) return failure('NOT_FOUND', 'the to-do is gone');
  return failure('CONFLICT', now.closedBy ? `already closed by ${now.closedBy.name}` : 'the to-do is no longer open');
}

export const staffTodosHandlers: Handlers<typeof staffTodosContract> = {
  /** 待办: the caller's store's open to-dos (the first due first, overdue flagged) or its closed ones, a page at a time; masked members only. */
  async todos(input, ctx) {
    const caller = await staffCaller(ctx);
    if (!caller.ok) return caller;
    const staff = caller.value;
    const at = decodeTodoCursor(input.cursor);
    if (at === 'bad') return failure('INVALID_INPUT', 'cursor is not one this list gave');
    const view = input.view ?? 'open';
    const [page, store] = await Promise.all([
      view === 'open' ? openTodosPage(ctx.db, staff.storeId, ctx.now, at, TODO_PAGE + 1) : closedTodosPage(ctx.db, staff.storeId, at, TODO_PAGE + 1),
      findStore(ctx.db, staff.storeId),
    ]);
    const shown = page.slice(0, TODO_PAGE);
    const members = new Map((await membersByIds(ctx.db, [...new Set(shown.map((t) => t.memberId))])).map((m) => [m._id, m]));
    const items = todoItems(shown, members, staff, storeWords(store?.name ?? '', store?.city ?? null), ctx.now);
    // the list shows each member (masked nickname and phone, tier, the reason): a look at each
    await recordLooks(ctx.db, [...members.keys()].map((memberId) => staffLook(staff, memberId, 'todo', '待办列表', ctx.now, `list:${view}:${input.cursor ?? ''}`)));
    const last: StoreTodo | undefined = shown[shown.length - 1];
    const nextCursor = page.length > TODO_PAGE && last ? encodeTodoCursor(view === 'open' ? last.dueAt : last.closedAt!, last._id) : null;
    return success({ items, nextCursor });
  },

  /** 已联系 / 联系不上: closes a to-do of the caller's store once; a second clerk closing it too is told it was done already (CONFLICT). */
  async closeTodo(input, ctx) {
    const caller = await staffCaller(ctx);
    if (!caller.ok) return caller;
    const staff = caller.value;
    const found = await todoOfStore(ctx.db, staff, input.todoId);
    if (!found.ok) return found;
    if (!(await closeTodo(ctx.db, input.todoId, staff.storeId, input.outcome, { staffId: staff._id, name: staff.name }, ctx.now))) return whyNotOpen(ctx.db, input.todoId);
    const onTime = input.outcome === 'done' && ctx.now.getTime() <= found.value.dueAt.getTime();
    return success({ todoId: input.todoId, state: input.outcome, closedAt: toIso(ctx.now), onTime });
  },

  /** 稍后提醒: puts an open to-do of the caller's store away until later (it keeps its due time). */
  async snoozeTodo(input, ctx) {
    const caller = await staffCaller(ctx);
    if (!caller.ok) return caller;
    const staff = caller.value;
    const found = await todoOfStore(ctx.db, staff, input.todoId);
    if (!found.ok) return found;
    const until = snoozeUntil(input.until, ctx.now);
    if (!(await snoozeTodo(ctx.db, input.todoId, staff.storeId, until))) return whyNotOpen(ctx.db, input.todoId);
    return success({ todoId: input.todoId, snoozedUntil: toIso(until) });
  },

  /** A clerk opens a to-do's member: the look is written to the audit log (view todo, why 待办跟进) before the member's id goes back. */
  async openTodo(input, ctx) {
    const caller = await staffCaller(ctx);
    if (!caller.ok) return caller;
    const staff = caller.value;
    const found = await todoOfStore(ctx.db, staff, input.todoId);
    if (!found.ok) return found;
    const [member] = await membersByIds(ctx.db, [found.value.memberId]);
    if (!member || member.leavingSince) return failure('NOT_FOUND', 'the member is no longer in the programme');
    await recordLook(ctx.db, staffLook(staff, member._id, 'todo', '待办跟进', ctx.now, input.todoId));
    return success({ memberId: member._id });
  },

  /** 完成情况 (managers): the store's open and overdue to-dos, and this month's closed ones per clerk. */
  async todoStats(_input, ctx) {
    const caller = await staffCaller(ctx, MANAGERS);
    if (!caller.ok) return caller;
    const { storeId } = caller.value;
    const month = monthRange('this', ctx.now);
    const [counts, staff, closed] = await Promise.all([openCounts(ctx.db, storeId, ctx.now), staffOfStore(ctx.db, storeId), todosClosedIn(ctx.db, storeId, month)]);
    return success({ ...counts, month: month.label, clerks: completionPerClerk(staff, closed) });
  },

  /** 店员业绩 (managers): per clerk of the store, this month's or last month's figures (Asia/Shanghai months). */
  async clerkFigures(input, ctx) {
    const caller = await staffCaller(ctx, MANAGERS);
    if (!caller.ok) return caller;
    const { storeId } = caller.value;
    const choice = input.month ?? 'this';
    const month = monthRange(choice, ctx.now);
    const [staff, closed] = await Promise.all([staffOfStore(ctx.db, storeId), todosClosedIn(ctx.db, storeId, month)]);
    const signups = new Map(await Promise.all(staff.map(async (s) => [s._id, await membersSignedUpBy(ctx.db, s._id, month)] as const)));
    return success({ month: choice, label: month.label, clerks: clerkFigures(staff, signups, closed) });
  },
};

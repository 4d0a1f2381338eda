import type { ActionOutput } from '../../cloudfunctions/contract';
import { serviceFor } from './cloud';

export type TodoItem = ActionOutput<'staff', 'todos'>['items'][number];
export type TodoView = 'open' | 'closed';
export type SnoozeChoice = 'later' | 'tomorrow' | 'threeDays';
export type ClerkFigures = ActionOutput<'staff', 'clerkFigures'>;
export type TodoStats = ActionOutput<'staff', 'todoStats'>;

/**
 * The `staff` function's care-list and clerk-figure calls, as 待办 and 店员业绩 think of them. Only
 * the staff subpackage imports this file.
 */
export const staffTodosApi = serviceFor('staff', (staff) => ({
  /** a page of the store's to-dos: open ones first due first, or the closed ones, latest first */
  todos: (view: TodoView, cursor?: string) => staff('todos', cursor ? { view, cursor } : { view }),
  /** 已联系 (done) or 联系不上 (unreachable); CONFLICT when a colleague closed it first */
  close: (todoId: string, outcome: 'done' | 'unreachable') => staff('closeTodo', { todoId, outcome }),
  /** 稍后提醒: in 2 hours, tomorrow 10:00 or in 3 days */
  snooze: (todoId: string, until: SnoozeChoice) => staff('snoozeTodo', { todoId, until }),
  /** the to-do's member is opened (the look is audited); answers the memberId to open */
  openMember: (todoId: string) => staff('openTodo', { todoId }),
  /** 完成情况 (managers; FORBIDDEN for others) */
  stats: () => staff('todoStats'),
  /** 店员业绩 (managers; FORBIDDEN for others) */
  figures: (month: 'this' | 'last') => staff('clerkFigures', { month }),
}));

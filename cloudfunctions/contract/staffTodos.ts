import * as z from 'zod/mini';
import { isoInstantSchema, opaqueIdSchema, tierSchema } from './fields';

/** The care list's kinds (domain/staff/todo.ts): made by the daily job, or by a complaint (its call-back). */
export const TODO_KINDS = ['birthday', 'pointsExpiring', 'lapsed', 'newMember', 'complaintCallback', 'npsDetractor'] as const;
export const todoKindSchema = z.enum(TODO_KINDS);

const todoIdSchema = opaqueIdSchema(300);
const cursorSchema = opaqueIdSchema(400);

/** A to-do as a clerk sees it: the member masked (nickname, masked phone, tier), why, what to say, and when it is due. */
export const todoItemSchema = z.object({
  todoId: z.string(),
  kind: todoKindSchema,
  member: z.object({
    memberId: z.string(),
    nickname: z.nullable(z.string()),
    phoneMasked: z.nullable(z.string()),
    tier: tierSchema,
    tierName: z.string(),
  }),
  /** in shop words: 生日 12月8日（3天后）, 1,280 积分将于12月31日到期, 已 30 天未到店 … */
  reason: z.string(),
  /** what the clerk may say (copyable) */
  script: z.string(),
  dueAt: isoInstantSchema,
  /** open and past its due time (red) */
  overdue: z.boolean(),
  state: z.enum(['open', 'snoozed', 'done', 'unreachable']),
  closedBy: z.nullable(z.string()),
  closedAt: z.nullable(isoInstantSchema),
  /** closed by its due time */
  onTime: z.nullable(z.boolean()),
});
export type TodoItem = z.infer<typeof todoItemSchema>;

export const todosInput = z.strictObject({ view: z.optional(z.enum(['open', 'closed'])), cursor: z.optional(cursorSchema) });
export const todosOutput = z.object({
  items: z.array(todoItemSchema),
  /** the next page's cursor, or null at the end */
  nextCursor: z.nullable(z.string()),
});

export const closeTodoInput = z.strictObject({ todoId: todoIdSchema, outcome: z.enum(['done', 'unreachable']) });
export const closeTodoOutput = z.object({ todoId: z.string(), state: z.enum(['done', 'unreachable']), closedAt: isoInstantSchema, onTime: z.boolean() });

/** 稍后提醒: in 2 hours, tomorrow morning, or in 3 days. */
export const SNOOZE_CHOICES = ['later', 'tomorrow', 'threeDays'] as const;
export const snoozeTodoInput = z.strictObject({ todoId: todoIdSchema, until: z.enum(SNOOZE_CHOICES) });
export const snoozeTodoOutput = z.object({ todoId: z.string(), snoozedUntil: isoInstantSchema });

/** Opening a to-do's member: the look is audited (view todo, why 待办跟进); the page then opens the member. */
export const openTodoInput = z.strictObject({ todoId: todoIdSchema });
export const openTodoOutput = z.object({ memberId: z.string() });

const clerkSchema = z.object({ name: z.string(), role: z.enum(['clerk', 'stylist', 'manager']), active: z.boolean() });

/** 完成情况 (managers): the store's open and overdue to-dos, and this month's closed ones per clerk. */
export const todoStatsInput = z.strictObject({});
export const todoStatsOutput = z.object({
  open: z.number(),
  overdue: z.number(),
  month: z.string(),
  clerks: z.array(z.extend(clerkSchema, { done: z.number(), onTime: z.number(), unreachable: z.number() })),
});

/** 店员业绩 (managers): per clerk, the month's figures. */
export const clerkFiguresInput = z.strictObject({ month: z.optional(z.enum(['this', 'last'])) });
export const clerkFigureSchema = z.extend(clerkSchema, {
  /** members who joined through the clerk's own code this month */
  signedUp: z.number(),
  /** of them, those who have paid a first order */
  firstOrders: z.number(),
  /** of them, those whose tier rose above 探索者 */
  upgrades: z.number(),
  /** to-dos the clerk closed as done this month, and of them by their due time */
  todosDone: z.number(),
  todosOnTime: z.number(),
  /** complaint call-backs the clerk closed this month, and of them within 2 hours of the complaint */
  callbacksClosed: z.number(),
  callbacksWithin2h: z.number(),
});
export type ClerkFigure = z.infer<typeof clerkFigureSchema>;
export const clerkFiguresOutput = z.object({
  month: z.enum(['this', 'last']),
  /** "2026年12月" */
  label: z.string(),
  clerks: z.array(clerkFigureSchema),
});

/** The staff assistant's care list and clerk figures (issue 17, parts 5 and 8). */
export const staffTodosContract = {
  todos: { input: todosInput, output: todosOutput },
  closeTodo: { input: closeTodoInput, output: closeTodoOutput },
  snoozeTodo: { input: snoozeTodoInput, output: snoozeTodoOutput },
  openTodo: { input: openTodoInput, output: openTodoOutput },
  todoStats: { input: todoStatsInput, output: todoStatsOutput },
  clerkFigures: { input: clerkFiguresInput, output: clerkFiguresOutput },
} as const;

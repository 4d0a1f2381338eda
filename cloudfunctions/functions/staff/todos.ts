import type { staffTodosContract } from '../../contract/staffTodos';
import type { Handlers } from '../../platform/handler';

export const staffTodosHandlers: Handlers<typeof staffTodosContract> = {};

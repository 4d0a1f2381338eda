import type { ActionName, ActionOutput, ErrorCode } from '../../../cloudfunctions/contract';
import { fail } from './member';
import { type CloudRequest, programFunction } from './taro';

/** A fake `staff` function for the care-list and figures pages: each action answers from the table (an envelope or a function of the request's data); others INTERNAL. */
type StaffAction = ActionName<'staff'>;
type Answer<A extends StaffAction> = { ok: true; data: ActionOutput<'staff', A> } | { ok: false; error: { code: ErrorCode; message: string } };
export type StaffAnswers = { [A in StaffAction]?: Answer<A> | ((data: Record<string, unknown>) => Answer<A> | Promise<Answer<A>>) };

export function programStaff(answers: StaffAnswers): void {
  programFunction('staff', async ({ data }: CloudRequest) => {
    const answer = answers[data.action as StaffAction];
    if (!answer) return fail('INTERNAL');
    return typeof answer === 'function' ? answer(data) : answer;
  });
}

type TodoItem = ActionOutput<'staff', 'todos'>['items'][number];

export function todoItem(over: Partial<TodoItem> = {}): TodoItem {
  return {
    todoId: 'S001:birthday:100000000001:2027',
    kind: 'birthday',
    member: { memberId: '100000000001', nickname: '王女士', phoneMasked: '138****0000', tier: 'grower', tierName: '成长者' },
    reason: '生日 1月2日（3天后）',
    script: '王女士您好，我是悦衣库静安店的林小悦，您的生日快到了，店里为您准备了生日礼～',
    dueAt: '2027-01-01T15:59:59.999Z',
    overdue: false,
    state: 'open',
    closedBy: null,
    closedAt: null,
    onTime: null,
    ...over,
  };
}

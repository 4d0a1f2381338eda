import type { TodoKind } from '../todo';

/**
 * What the clerk may say, per kind, in shop words (data: the brand edits these lines, the code
 * fills in 称呼, 门店, 店员 and 事由 — the to-do's reason).
 */
export const TODO_SCRIPTS: Record<TodoKind, string> = {
  birthday: '{称呼}您好，我是{门店}的{店员}，您的生日快到了，店里为您准备了生日礼，这几天路过可以来店里坐坐，顺便看看新到的款式～',
  pointsExpiring: '{称呼}您好，我是{门店}的{店员}，提醒您一下：{事由}，到店消费可以抵扣，也可以在小程序里兑换好礼，别浪费了哦～',
  lapsed: '{称呼}您好，我是{门店}的{店员}，好久没见到您啦，店里最近到了不少新款，有几件很适合您，有空来试试吗？',
  newMember: '{称呼}您好，我是{门店}的{店员}，欢迎加入悦衣会员！首单可以享 8 折，穿搭上有什么想法随时找我～',
  complaintCallback: '{称呼}您好，我是{门店}的{店员}，关于您反馈的问题，给您添麻烦了，非常抱歉。想跟您确认一下现在处理得怎么样，还有什么需要我们做的吗？',
  npsDetractor: '{称呼}您好，我是{门店}的{店员}，看到您对上次到店的体验不太满意（{事由}），非常抱歉。想听听哪里做得不好，我们一定改进，也欢迎您再来店里，我亲自为您服务。',
};

export interface ScriptFacts {
  /** the member's nickname, or null (then 您好 alone) */
  nickname: string | null;
  /** the store as the clerk names it: 悦衣库静安店 */
  store: string;
  clerk: string;
  reason: string;
}

/** The script of a kind with the facts filled in. */
export function todoScript(kind: TodoKind, f: ScriptFacts): string {
  const words: Record<string, string> = { 称呼: f.nickname ?? '', 门店: f.store, 店员: f.clerk, 事由: f.reason };
  return TODO_SCRIPTS[kind].replace(/\{(称呼|门店|店员|事由)\}/g, (_, k: string) => words[k]!);
}

/** "悦衣库 上海静安店" in the store's city 上海 → "悦衣库静安店": how a clerk names their store on the phone. */
export function storeWords(name: string, city: string | null): string {
  const joined = name.replace(/\s+/g, '');
  if (!city) return joined;
  const at = joined.indexOf(city);
  return at > 0 ? joined.slice(0, at) + joined.slice(at + city.length) : joined;
}

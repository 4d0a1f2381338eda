import type { Envelope, Outcome } from '../contract';
import { clip } from '../contract/plain';
import { callerOpenid, callerSource } from './cloud';
import { callRequest } from './handler';
import { type ActionRequest, type Actions, guarded, refusal, type Served, serve } from './pipeline';

/**
 * What a timer trigger hands its function (SCF timer event): `Message` is the trigger's optional
 * input text; CloudBase's config.json sets none, so it is usually absent.
 */
export interface TimerEvent {
  Type: string;
  TriggerName?: string;
  Time?: string;
  Message?: unknown;
}

/** The platform has spelt the type both ways ("Timer", "timer"). */
function isTimerEvent(event: unknown): event is TimerEvent {
  const type = !!event && typeof event === 'object' ? (event as { Type?: unknown }).Type : undefined;
  return typeof type === 'string' && type.toLowerCase() === 'timer';
}

/**
 * Sources of a run that began on a shopper's phone or WeChat's own crawler (getWXContext().SOURCE,
 * as documented for wx-server-sdk): a timer-only function is never theirs to start, with or
 * without an openid. The timer is `wx_trigger` (not required: see foreignTick); the console, the CLI
 * and WeChat's server HTTP API (`wx_http`, the AppSecret's holder) are the brand's own operators.
 */
const CLIENT_SOURCES: ReadonlySet<string> = new Set(['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_crawler', 'wx_unknown', 'wx_paycallback']);

/** The timer triggers a function declares in its config.json (`triggers: [{ name, type: "timer" }]`). */
export function timerTriggers(config: { triggers?: ReadonlyArray<{ name: string; type: string }> }): string[] {
  return (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => t.name);
}

/**
 * The timer entry: a tick of one of the function's own timer triggers (`triggers`, by name: the
 * platform names the trigger in every timer event) becomes the action `onTick` makes of its
 * message; anything else must be a call-shaped `{ action, … }` from the platform's own console or
 * the dev server. Never a shopper: a call that carries an openid or began in the mini program is
 * refused before anything is read, and so is a timer event naming a trigger the function does not
 * have. Everything else (plain data, parsing, INTERNAL for bugs, the output check) is the pipeline's.
 */
export function createTimerMain<C extends Actions<C>, Ctx>(served: Served<C, Ctx>, triggers: readonly string[], onTick: (message: unknown) => ActionRequest, tick: () => Outcome<Ctx>) {
  // the source is not also required to be the timer's own: were the platform to name a timer run otherwise, the jobs
  // would silently stop; an operator able to send a tick can run a job by name anyway
  const foreignTick = (event: unknown): string | null => {
    if (!isTimerEvent(event)) return null;
    const name = typeof event.TriggerName === 'string' ? event.TriggerName : '';
    return triggers.includes(name) ? null : `${served.name} ticks on its own timer (${triggers.join(', ')}), not on ${name ? clip(name, 40) : 'a timer event naming no trigger'}`;
  };
  const route = (event: unknown): ActionRequest => {
    if (!isTimerEvent(event)) return callRequest(event);
    // no message or an empty one is the plain tick; anything else is for the schema to judge
    const message = typeof event.Message === 'string' ? event.Message.trim() : event.Message;
    return onTick(message === '' ? undefined : message);
  };
  return (event: unknown): Promise<Envelope<unknown>> =>
    guarded(
      served.name,
      async () => {
        const source = callerSource();
        if (callerOpenid() || source.some((s) => CLIENT_SOURCES.has(s))) return refusal('FORBIDDEN', `${served.name} run on their timer, not for callers`);
        const foreign = foreignTick(event);
        return foreign ? refusal('FORBIDDEN', foreign) : serve(served, event, route, tick);
      },
      (internal) => internal,
    );
}

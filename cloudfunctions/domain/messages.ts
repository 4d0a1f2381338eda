import { SUBSCRIBE_TEMPLATES } from '../contract/rules';
import { shopDateLabel } from './time';

/** A subscribe message as WeChat's send takes it: the template's fields, and the page a tap opens. */
export interface MessageDraft {
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** The 温馨提示 of the points-expiring reminder (the date is in date2). */
export const POINTS_EXPIRING_TIP = '积分到期后将失效，欢迎到店选购';

/**
 * "Points expiring": the brand's template 积分到期提醒 has the fields 积分数量 (number1),
 * 到期时间 (date2) and 温馨提示 (thing3); thing values are at most 20 characters.
 */
export function pointsExpiringMessage(points: number, expiresAt: Date): MessageDraft {
  return {
    templateId: SUBSCRIBE_TEMPLATES.pointsExpiring.id,
    page: 'pages/points/index',
    data: {
      number1: { value: String(points) },
      // the last day the points can be used
      date2: { value: shopDateLabel(new Date(expiresAt.getTime() - 1)) },
      // true to the programme as it is: points cannot be spent yet, so the tip never promises a use for them
      thing3: { value: POINTS_EXPIRING_TIP },
    },
  };
}

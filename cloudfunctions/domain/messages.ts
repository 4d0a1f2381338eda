import { SUBSCRIBE_TEMPLATES } from '../contract/rules';
import { shopDateLabel } from './time';

/** A subscribe message as WeChat's send takes it: the template's fields, and the page a tap opens. */
export interface MessageDraft {
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

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
      thing3: { value: '积分即将过期，到店消费时可抵用' },
    },
  };
}

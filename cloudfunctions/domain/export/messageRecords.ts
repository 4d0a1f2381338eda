import type * as z from 'zod/mini';
import type { exportMessageSchema } from '../../contract/member';
import { SUBSCRIBE_TEMPLATES, type SubscribeTemplateKey } from '../../contract/formats';
import { MESSAGE_FIELD_LABELS } from '../messages';
import { toIso } from '../time';

/** A subscribe message as recorded (the data layer's record fits). */
export interface HeldMessage {
  template: SubscribeTemplateKey;
  status: 'sending' | 'sent' | 'failed';
  data: Record<string, { value: string }>;
  at: Date;
}

/** The reminders recorded for the member, newest first, each field under the name the message shows it with. */
export function messageRecords(messages: HeldMessage[]): Array<z.infer<typeof exportMessageSchema>> {
  return messages
    .map((msg) => ({
      template: msg.template,
      title: SUBSCRIBE_TEMPLATES[msg.template].title,
      status: msg.status,
      at: toIso(msg.at),
      lines: Object.entries(msg.data).map(([field, { value }]) => ({ label: MESSAGE_FIELD_LABELS[msg.template]?.[field] ?? field, value })),
    }))
    .sort((a, b) => b.at.localeCompare(a.at));
}

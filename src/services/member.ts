import type { ActionInput } from '../../cloudfunctions/contract';
import type { SubscribeTemplateKey } from '../../cloudfunctions/contract/formats';
import { serviceFor } from './cloud';

/** The `member` function's calls, named as the pages think of them. */
export const memberApi = serviceFor('member', (member) => ({
  store: (storeId: string) => member('store', { storeId }),
  join: (input: ActionInput<'member', 'enroll'>) => member('enroll', input),
  card: () => member('card'),
  /** a till code for the member (useTillCode keeps it fresh) */
  code: () => member('code'),
  profile: () => member('profile', {}),
  saveProfile: (changes: ActionInput<'member', 'profile'>) => member('profile', changes),
  consent: () => member('consent', {}),
  setMarketing: (optIn: boolean) => member('consent', { marketingOptIn: optIn }),
  /** Records the reminder templates the shopper accepted: one credit each. */
  subscribe: (accepted: SubscribeTemplateKey[]) => member('subscribe', { accepted }),
  exportData: () => member('export'),
  leave: () => member('delete', { confirm: true }),
}));

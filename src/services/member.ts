import type { ActionInput } from '../../cloudfunctions/contract';
import type { SubscribeTemplateKey } from '../../cloudfunctions/contract/formats';
import { forgetCard } from './cardStore';
import { serviceFor } from './cloud';

/** The `member` function's calls, named as the pages think of them. */
export const memberApi = serviceFor('member', (member) => ({
  store: (storeId: string) => member('store', { storeId }),
  join: (input: ActionInput<'member', 'enroll'>) => member('enroll', input),
  card: () => member('card'),
  /** a device secret for the offline till code (useTillCode keeps it; asking revokes the previous one) */
  device: () => member('device'),
  /** the last till order that used one of the member's codes (the card polls it while open) */
  receipt: () => member('receipt'),
  profile: () => member('profile', {}),
  saveProfile: (changes: ActionInput<'member', 'profile'>) => member('profile', changes),
  consent: () => member('consent', {}),
  setMarketing: (optIn: boolean) => member('consent', { marketingOptIn: optIn }),
  /** Records the reminder templates the shopper accepted: one credit each. */
  subscribe: (accepted: SubscribeTemplateKey[]) => member('subscribe', { accepted }),
  exportData: () => member('export'),
  /** Leaving: once the server has erased the member, the phone forgets the card, its code secret and the rest (cardStore). */
  leave: async () => {
    const answer = await member('delete', { confirm: true });
    if (answer.ok) forgetCard();
    return answer;
  },
}));

import type { ActionInput } from '../../cloudfunctions/contract';
import { call } from './cloud';

/** The member's calls, named as the pages think of them. */
export const memberApi = {
  store: (storeId: string) => call('member', 'store', { storeId }),
  join: (input: ActionInput<'member', 'enroll'>) => call('member', 'enroll', input),
  card: () => call('member', 'card'),
  profile: () => call('member', 'profile', {}),
  saveProfile: (changes: ActionInput<'member', 'profile'>) => call('member', 'profile', changes),
  consent: () => call('member', 'consent', {}),
  setMarketing: (optIn: boolean) => call('member', 'consent', { marketingOptIn: optIn }),
  exportData: () => call('member', 'export'),
  leave: () => call('member', 'delete', { confirm: true }),
};

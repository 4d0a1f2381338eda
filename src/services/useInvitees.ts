import type { Invitee } from '../../cloudfunctions/contract';
import { referralApi } from './referral';
import { type PagedList, usePagedList } from './usePagedList';

export type InviteeList = Omit<PagedList<Invitee, string>, 'items'> & { invitees: Invitee[] };

/**
 * The member's invitees, a page at a time (usePagedList). A fresh first page replaces the list: a
 * friend's status changes as their order settles, so older pages are read again as the shopper
 * scrolls. The list says its own problems.
 */
export function useInvitees() {
  const { list, reload, loadMore, read } = usePagedList<Invitee, string>({
    fetch: async (before) => {
      const answer = await referralApi.invitees(before);
      return answer.ok ? { ok: true, data: { items: answer.data.invitees, nextBefore: answer.data.nextBefore } } : answer;
    },
    saysOwnProblems: true,
  });
  const { items, ...rest } = list;
  return { list: { ...rest, invitees: items } as InviteeList, reload, loadMore, read };
}

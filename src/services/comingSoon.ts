/**
 * Benefits the programme promises but has not built yet (none now: issue 18 built booking, private
 * events and co-creation). Every page that lists a tier's benefits says these as 即将开放, never as a benefit to
 * use now — ARCHITECTURE: a benefit listed works. The one list: 会员权益 and the 恭喜升级 moment read it.
 */
export const COMING_SOON: readonly string[] = [];

export const isComingSoon = (benefit: string): boolean => COMING_SOON.includes(benefit);

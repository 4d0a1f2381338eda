/**
 * Benefits the programme promises but has not built yet (issue 18: booking, private events,
 * co-creation). Every page that lists a tier's benefits says these as 即将开放, never as a benefit to
 * use now — ARCHITECTURE: a benefit listed works. The one list: 会员权益 and the 恭喜升级 moment read it.
 */
export const COMING_SOON: readonly string[] = ['造型师1对1预约', '私享会邀请', '品牌体验官', '新品共创'];

export const isComingSoon = (benefit: string): boolean => COMING_SOON.includes(benefit);

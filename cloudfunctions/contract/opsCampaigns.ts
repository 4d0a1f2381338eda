/** The brand operations' campaigns actions (issue 19). */
export const opsCampaignsContract = {} as const;

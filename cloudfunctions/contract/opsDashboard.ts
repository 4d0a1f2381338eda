/** The brand operations' dashboard actions (issue 19). */
export const opsDashboardContract = {} as const;

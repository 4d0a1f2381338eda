/** The brand operations' nps actions (issue 19). */
export const opsNpsContract = {} as const;

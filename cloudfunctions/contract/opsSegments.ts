/** The brand operations' segments actions (issue 19). */
export const opsSegmentsContract = {} as const;

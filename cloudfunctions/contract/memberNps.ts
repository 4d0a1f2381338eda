/** The member's side of NPS (issue 19): the one question after a paid order. */
export const memberNpsContract = {} as const;

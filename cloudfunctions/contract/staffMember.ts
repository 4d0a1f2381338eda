/** The staff assistant's member actions (issue 17). */
export const staffMemberContract = {} as const;

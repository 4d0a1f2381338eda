/** The staff assistant's sales actions (issue 17). */
export const staffSalesContract = {} as const;

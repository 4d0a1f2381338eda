/** The tier benefits' booking actions (issue 18). */
export const benefitsBookingContract = {} as const;

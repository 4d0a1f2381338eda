/** The tier benefits' events actions (issue 18). */
export const benefitsEventsContract = {} as const;
